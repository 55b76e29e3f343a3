using System.Text;
using VodGen.Vod;

namespace VodGen.HostileServer.Tests;

/// <summary>Item 7: answers that are not quite JSON, or JSON that is ambiguous, are protocol errors, never crashes.</summary>
public sealed class ParsingTests
{
    private static async Task<Exception> CallAsync(byte[] body, int status = 200, int retries = 0, Action<HostileServer>? check = null)
    {
        await using var server = new HostileServer(async (request, stream) =>
        {
            await HostileServer.WriteAsync(stream, status, body, status == 200 ? "OK" : "Service Unavailable");
            return true;
        });
        using var client = Hostile.Client(server.Endpoint, retries: retries);
        var exception = await Record.ExceptionAsync(() => client.RefreshUploadVideoAsync(Hostile.Refresh));
        check?.Invoke(server);
        return Assert.IsAssignableFrom<Exception>(exception);
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Invalid_UTF8_in_a_success_answer_is_a_protocol_error()
    {
        var body = Utf8("{\"RequestId\":\"ab").Concat(new byte[] { 0xC3, 0x28, 0xFF }).Concat(Utf8("\"}")).ToArray();

        var exception = Assert.IsType<VodProtocolException>(await CallAsync(body));

        Assert.Contains("UTF-8", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_503_with_invalid_UTF8_is_still_retried_and_then_a_protocol_error_with_its_status()
    {
        var body = Utf8("{\"Code\":\"ServiceUnavailable\",\"Message\":\"").Concat(new byte[] { 0xED, 0xA0, 0x80 }).Concat(Utf8("\"}")).ToArray();

        var exception = Assert.IsType<VodProtocolException>(await CallAsync(body, 503, retries: 2, check: server => Assert.Equal(3, server.Requests.Count)));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, exception.StatusCode);
    }

    [Theory]
    [InlineData("{\"RequestId\":\"a\",\"RequestId\":\"b\",\"VideoId\":\"v\"}", "$.RequestId")]
    [InlineData("{\"RequestId\":\"a\",\"VideoId\":\"v\",\"VideoId\":\"w\"}", "$.VideoId")]
    public async Task A_member_given_twice_is_a_protocol_error_naming_it(string body, string path)
    {
        var exception = Assert.IsType<VodProtocolException>(await CallAsync(Utf8(body)));

        Assert.Equal(path, exception.JsonPath);
        Assert.Contains("more than once", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"RequestId\":\"a\"} trailing")]
    [InlineData("{\"RequestId\":\"a\"}{\"RequestId\":\"b\"}")]
    [InlineData("{\"RequestId\":\"a\"},")]
    public async Task Anything_after_the_document_is_a_protocol_error(string body)
        => Assert.IsType<VodProtocolException>(await CallAsync(Utf8(body)));

    [Theory]
    [InlineData("{\"Code\":\"InvalidVideo.NotFound\",\"Code\":\"Throttling\",\"Message\":\"m\"}")]
    [InlineData("{\"Code\":\"InvalidVideo.NotFound\",\"Message\":\"m\"} {\"Code\":\"x\"}")]
    public async Task An_ambiguous_error_document_is_a_protocol_error_not_a_service_error(string body)
        => Assert.IsType<VodProtocolException>(await CallAsync(Utf8(body), 400));

    [Theory]
    [InlineData("1e300")]
    [InlineData("\"1e300\"")]
    [InlineData("\"1e400\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"NaN\"")]
    [InlineData("-1")]
    public async Task An_upload_credential_expiration_out_of_range_is_a_protocol_error_not_an_overflow(string expiration)
    {
        var auth = Convert.ToBase64String(Utf8("{\"AccessKeyId\":\"STS.k\",\"AccessKeySecret\":\"s\",\"SecurityToken\":\"t\",\"Expiration\":" + expiration + "}"));
        await using var server = new HostileServer(async (request, stream) =>
        {
            await HostileServer.WriteAsync(stream, 200, "{\"RequestId\":\"R\",\"VideoId\":\"v\",\"UploadAddress\":\"e30=\",\"UploadAuth\":\"" + auth + "\"}");
            return true;
        });
        using var client = Hostile.Client(server.Endpoint);
        var response = await client.RefreshUploadVideoAsync(Hostile.Refresh);

        var exception = Assert.Throws<VodProtocolException>(() => response.DecodeUploadAuth());

        Assert.Equal("UploadAuth.Expiration", exception.JsonPath);
    }
}
