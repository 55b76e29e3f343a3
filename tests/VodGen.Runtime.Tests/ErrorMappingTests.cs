using System.Net;
using System.Text;
using VodGen.Transport;

namespace VodGen.Runtime.Tests;

public class ErrorMappingTests
{
    private static VodException Map(HttpStatusCode status, string body)
        => VodResponseReader.ReadError("RefreshUploadVideo", status, "Reason", Encoding.UTF8.GetBytes(body), VodGen.Security.VodSecretRedactor.None);

    [Fact]
    public void Json_error_document_becomes_a_service_exception_with_every_field()
    {
        var error = Assert.IsType<VodServiceException>(Map(
            HttpStatusCode.NotFound,
            """{"RequestId":"req-1","HostId":"vod.cn-shanghai.aliyuncs.com","Code":"InvalidVideo.NotFound","Message":"The video not exist.","Recommend":"https://api.aliyun.com/troubleshoot?q=InvalidVideo.NotFound","Extra":{"a":[1,2]}}"""));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("InvalidVideo.NotFound", error.Code);
        Assert.Equal("The video not exist.", error.ServiceMessage);
        Assert.Equal("req-1", error.RequestId);
        Assert.Equal("vod.cn-shanghai.aliyuncs.com", error.HostId);
        Assert.StartsWith("https://api.aliyun.com/", error.Recommend);
        Assert.Contains("InvalidVideo.NotFound (HTTP 404)", error.Message);
        Assert.Contains("req-1", error.Message);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, "<html><body><h1>502 Bad Gateway</h1></body></html>", "502 Bad Gateway")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "", "empty body")]
    [InlineData(HttpStatusCode.InternalServerError, "{\"Code\":\"Internal", "{\"Code\":\"Internal")]
    [InlineData(HttpStatusCode.BadRequest, "{\"Message\":\"no code here\"}", "no code here")]
    [InlineData(HttpStatusCode.BadRequest, "[1,2,3]", "[1,2,3]")]
    public void Body_that_is_not_an_error_document_becomes_a_protocol_exception_with_status_and_excerpt(HttpStatusCode status, string body, string excerpt)
    {
        var error = Assert.IsType<VodProtocolException>(Map(status, body));

        Assert.Equal(status, error.StatusCode);
        Assert.Contains(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
        Assert.Contains(excerpt, error.Message);
    }

    [Fact]
    public void Long_bodies_are_cut_to_a_short_single_line_excerpt()
    {
        var body = "<html>\n\n" + new string('x', 5000) + "</html>";

        var error = Map(HttpStatusCode.BadGateway, body);

        Assert.DoesNotContain('\n', error.Message);
        Assert.True(error.Message.Length < 400, error.Message);
    }

    [Fact]
    public void Signature_mismatch_message_does_not_echo_the_string_to_sign()
    {
        var error = Assert.IsType<VodServiceException>(Map(
            HttpStatusCode.BadRequest,
            """{"Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3Dtestid%26SecurityToken%3DSECRET-TOKEN","RequestId":"r"}"""));

        Assert.DoesNotContain("SECRET-TOKEN", error.Message);
        Assert.DoesNotContain("SECRET-TOKEN", error.ServiceMessage);
        Assert.DoesNotContain("AccessKeyId", error.ToString());
        Assert.Contains("redacted", error.Message);
    }

    [Fact]
    public void Error_codes_compare_with_exception_codes_both_ways()
    {
        var code = new VodErrorCode("InvalidVideo.NotFound", 404, "The video not exist.");
        var error = new VodServiceException(HttpStatusCode.NotFound, "InvalidVideo.NotFound", null, null, null, null);

        Assert.True(error.Code == code);
        Assert.True(code == error.Code);
        Assert.False(error.Code != code);
        Assert.True(error.Is(code));
        Assert.False(error.Is(VodGatewayErrors.ThrottlingUser));
        Assert.True("Other" != code);
        Assert.Equal(new VodErrorCode("InvalidVideo.NotFound", 404, "other wording"), code);
    }
}
