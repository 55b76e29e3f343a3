using System.Text;
using VodGen.Vod;

namespace VodGen.HostileServer.Tests;

/// <summary>Success answers carry secrets the redactor cannot know; service hints longer than the retry budget.</summary>
public sealed class SuccessAnswerTests
{
    private const string UploadSecret = "UploadSecretOfTheStorage9";
    private const string UploadToken = "CAISUploadTokenOfTheStorage7";

    private static string UploadAuth(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));

    [Theory]
    [InlineData("trailing garbage")]
    [InlineData("a second value")]
    [InlineData("a wrong kind")]
    public async Task A_broken_success_answer_is_described_without_quoting_the_upload_credential_in_it(string kind)
    {
        var auth = UploadAuth($$"""{"AccessKeyId":"STS.x","AccessKeySecret":"{{UploadSecret}}","SecurityToken":"{{UploadToken}}","Expiration":"3600"}""");
        var body = kind switch
        {
            "trailing garbage" => $$"""{"RequestId":"R","VideoId":"v","UploadAddress":"e30=","UploadAuth":"{{auth}}"} oops""",
            "a second value" => $$"""{"RequestId":"R","VideoId":"v","UploadAddress":"e30=","UploadAuth":"{{auth}}"}{"again":1}""",
            _ => $$"""{"RequestId":"R","VideoId":["v"],"UploadAddress":"e30=","UploadAuth":"{{auth}}"}""",
        };
        await using var server = new HostileServer(async (_, stream) =>
        {
            await HostileServer.WriteAsync(stream, 200, body);
            return true;
        });
        using var client = Hostile.Client(server.Endpoint, retries: 0);

        var exception = await Assert.ThrowsAsync<VodProtocolException>(() => client.CreateUploadVideoAsync(Hostile.Create));

        foreach (var text in new[] { exception.Message, exception.ToString() })
        {
            Assert.DoesNotContain(auth, text, StringComparison.Ordinal);
            Assert.DoesNotContain(auth[..20], text, StringComparison.Ordinal);
            Assert.DoesNotContain(UploadSecret, text, StringComparison.Ordinal);
        }

        if (kind != "a wrong kind")
        {
            Assert.Contains("not quoted", exception.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UploadAuth_that_decodes_to_invalid_UTF_8_is_a_protocol_error_naming_the_field()
    {
        var json = Encoding.UTF8.GetBytes("""{"AccessKeyId":"STS.""").Concat(new byte[] { 0xFF, 0xFE }).Concat(Encoding.UTF8.GetBytes("\",\"AccessKeySecret\":\"s\",\"SecurityToken\":\"t\",\"Expiration\":\"3600\"}")).ToArray();
        var answer = $$"""{"RequestId":"R-1","VideoId":"video-1","UploadAddress":"e30=","UploadAuth":"{{Convert.ToBase64String(json)}}"}""";
        await using var server = new HostileServer(async (_, stream) =>
        {
            await HostileServer.WriteAsync(stream, 200, answer);
            return true;
        });
        using var client = Hostile.Client(server.Endpoint, retries: 0);
        var response = await client.RefreshUploadVideoAsync(Hostile.Refresh);

        var exception = Assert.Throws<VodProtocolException>(() => response.DecodeUploadAuth());

        Assert.Contains("UploadAuth", exception.Message, StringComparison.Ordinal);
        Assert.Equal("$.UploadAuth", exception.JsonPath);
    }

    [Fact]
    public async Task A_service_asking_to_wait_longer_than_the_retry_budget_is_not_asked_again_sooner()
    {
        await using var server = new HostileServer(async (_, stream) =>
        {
            await HostileServer.WriteAsync(stream, 503, """{"RequestId":"R","Code":"ServiceUnavailable","Message":"busy"}""", "Service Unavailable", headers: "x-acs-retry-after: 3600000");
            return true;
        });
        using var client = Hostile.Client(server.Endpoint, retries: 4);

        var exception = await Assert.ThrowsAsync<VodServiceException>(() => client.RefreshUploadVideoAsync(Hostile.Refresh));

        Assert.Equal(TimeSpan.FromHours(1), exception.RetryAfter);
        Assert.Single(server.Requests);
    }
}
