using System.Net;
using Microsoft.Extensions.Time.Testing;
using VodGen.Credentials;

namespace VodGen.Runtime.Tests.Credentials;

public sealed class CredentialsUriTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeCredentialServer _server = new();

    [Theory]
    [InlineData("Success")]
    [InlineData(null)]
    public async Task Both_answer_shapes_give_credentials(string? code)
    {
        _server.Answer = _ => FakeCredentialServer.Credential(_clock.GetUtcNow().AddHours(1), code: code);
        using var provider = new CredentialsUriProvider("http://127.0.0.1:9/creds?t=abc", null, _clock, null, _server.Client());

        var credentials = await provider.GetCredentialsAsync();

        Assert.Equal(("STS.fake-id", "fake-token-value"), (credentials.AccessKeyId, credentials.SecurityToken));
        Assert.Equal("/creds?t=abc", Assert.Single(_server.Requests).Uri.PathAndQuery);
    }

    [Theory]
    [InlineData("{\"Code\":\"Failed\",\"Message\":\"denied\"}", "Code is 'Failed' (denied)")]
    [InlineData("{\"Code\":\"Success\",\"AccessKeyId\":\"\",\"AccessKeySecret\":\"s\",\"SecurityToken\":\"t\",\"Expiration\":\"2027-01-01T00:00:00Z\"}", "no AccessKeyId")]
    [InlineData("{\"AccessKeyId\":\"a\",\"AccessKeySecret\":\"s\",\"SecurityToken\":\"t\",\"Expiration\":\"tomorrow\"}", "is not a UTC time")]
    [InlineData("not json", "not valid JSON")]
    public async Task A_wrong_answer_says_what_is_wrong_and_never_an_empty_key(string body, string expected)
    {
        _server.Answer = _ => FakeCredentialServer.Text(body);
        using var provider = new CredentialsUriProvider("http://localhost:9/creds", null, _clock, null, _server.Client());

        var error = await Assert.ThrowsAsync<VodCredentialsException>(() => provider.GetCredentialsAsync().AsTask());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("credentials URI at http://localhost:9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_status_is_named_and_the_query_which_may_hold_a_token_is_not()
    {
        _server.Answer = _ => new HttpResponseMessage(HttpStatusCode.InternalServerError);
        using var provider = new CredentialsUriProvider("http://127.0.0.1:9/creds?token=s3cr3t", null, _clock, null, _server.Client());

        var error = await Assert.ThrowsAsync<VodCredentialsException>(() => provider.GetCredentialsAsync().AsTask());

        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_HTTP_URI_on_another_host_is_refused()
        => Assert.Contains("plain HTTP", Assert.Throws<ArgumentException>(() => new CredentialsUriProvider("http://10.1.2.3/creds")).Message, StringComparison.Ordinal);
}
