using System.Net;
using Microsoft.Extensions.Time.Testing;
using VodGen.Credentials;

namespace VodGen.Runtime.Tests.Credentials;

/// <summary>The ECS instance's RAM role through the metadata service (a local fake): IMDSv2, fallback, discovery, errors.</summary>
public sealed class EcsRamRoleTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeCredentialServer _metadata = new();
    private readonly Dictionary<string, string> _environment = new() { ["VODGEN_ECS_METADATA_ENDPOINT"] = "http://127.0.0.1:1" };

    public EcsRamRoleTests() => _metadata.Answer = Imds(token: "imds-token", role: "app-role");

    [Fact]
    public async Task IMDSv2_asks_for_a_session_token_with_its_TTL_and_sends_it_with_every_metadata_request()
    {
        var credentials = await Provider().GetCredentialsAsync();

        Assert.Equal("STS.fake-id", credentials.AccessKeyId);
        var requests = _metadata.Requests.ToList();
        Assert.Equal(("PUT", "/latest/api/token"), (requests[0].Method, requests[0].Path));
        Assert.Equal("21600", requests[0].Headers["X-aliyun-ecs-metadata-token-ttl-seconds"]);
        Assert.Equal(["/latest/meta-data/ram/security-credentials/", "/latest/meta-data/ram/security-credentials/app-role"], requests.Skip(1).Select(r => r.Path));
        Assert.All(requests.Skip(1), r => Assert.Equal("imds-token", r.Headers["X-aliyun-ecs-metadata-token"]));
        Assert.All(requests, r => Assert.Equal("127.0.0.1", r.Uri.Host));
    }

    [Fact]
    public async Task A_named_role_is_asked_for_directly()
    {
        _environment["ALIBABA_CLOUD_ECS_METADATA"] = "app-role";

        await Provider().GetCredentialsAsync();

        Assert.DoesNotContain(_metadata.Requests, r => r.Path == "/latest/meta-data/ram/security-credentials/");
    }

    [Fact]
    public async Task Without_a_token_it_falls_back_to_plain_requests_only_when_IMDSv1_is_allowed()
    {
        _metadata.Answer = Imds(token: null, role: "app-role");

        await Provider().GetCredentialsAsync();
        Assert.All(_metadata.Requests.Skip(1), r => Assert.False(r.Headers.ContainsKey("X-aliyun-ecs-metadata-token")));

        _environment["ALIBABA_CLOUD_IMDSV1_DISABLED"] = "true";
        _metadata.Requests.Clear();
        var error = await Assert.ThrowsAsync<VodCredentialsException>(() => Provider().GetCredentialsAsync().AsTask());

        Assert.Contains("ALIBABA_CLOUD_IMDSV1_DISABLED", error.Message, StringComparison.Ordinal);
        Assert.Single(_metadata.Requests); // the token request, and nothing plain after it
    }

    [Fact]
    public async Task No_metadata_service_at_all_fails_at_once_without_trying_plain_requests()
    {
        _metadata.Answer = _ => null;

        var error = await Assert.ThrowsAsync<VodCredentialsException>(() => Provider().GetCredentialsAsync().AsTask());

        Assert.Contains("not on ECS", error.Message, StringComparison.Ordinal);
        Assert.Single(_metadata.Requests);
    }

    [Fact]
    public async Task An_answer_whose_Code_is_not_Success_is_an_error_that_shows_the_code_and_no_secret()
    {
        _metadata.Answer = r => r.Path.EndsWith("/app-role", StringComparison.Ordinal)
            ? FakeCredentialServer.Credential(_clock.GetUtcNow().AddHours(6), code: "Failed")
            : Imds("imds-token", "app-role")(r);

        var error = await Assert.ThrowsAsync<VodCredentialsException>(() => Provider().GetCredentialsAsync().AsTask());

        Assert.Contains("Code is 'Failed'", error.Message, StringComparison.Ordinal);
        Assert.Contains("ECS RAM role", error.Source, StringComparison.Ordinal);
        Assert.DoesNotContain("fake-secret-value", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("fake-token-value", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_instance_without_a_role_says_so()
    {
        _metadata.Answer = r => r.Method == "PUT" ? FakeCredentialServer.Text("imds-token") : new HttpResponseMessage(HttpStatusCode.NotFound);

        var error = await Assert.ThrowsAsync<VodCredentialsException>(() => Provider().GetCredentialsAsync().AsTask());

        Assert.Contains("no RAM role is attached", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://10.0.0.8", false)]
    [InlineData("http://metadata.internal", false)]
    [InlineData("http://127.0.0.1:8080", true)]
    [InlineData("http://[::1]:8080", true)]
    [InlineData("metadata.example.com", true)]
    [InlineData("http://100.100.100.200", true)]
    public void The_metadata_endpoint_takes_HTTPS_or_plain_HTTP_only_on_loopback_or_the_services_own_address(string endpoint, bool allowed)
    {
        _environment["VODGEN_ECS_METADATA_ENDPOINT"] = endpoint;

        if (allowed)
        {
            using var provider = Provider();
        }
        else
        {
            var error = Assert.Throws<ArgumentException>(() => Provider());
            Assert.Contains("VODGEN_ECS_METADATA_ENDPOINT", error.Message, StringComparison.Ordinal);
            Assert.Contains("plain HTTP", error.Message, StringComparison.Ordinal);
        }
    }

    private EcsRamRoleCredentialsProvider Provider()
        => new(new EcsRamRoleOptions(), n => _environment.GetValueOrDefault(n), _clock, null, _metadata.Client());

    // The metadata service: a session token when asked (or a refusal), the role's name, the role's credentials.
    private Func<SeenRequest, HttpResponseMessage?> Imds(string? token, string role) => r => (r.Method, r.Path) switch
    {
        ("PUT", "/latest/api/token") => token is null ? new HttpResponseMessage(HttpStatusCode.Forbidden) : FakeCredentialServer.Text(token),
        ("GET", "/latest/meta-data/ram/security-credentials/") => FakeCredentialServer.Text(role + "\n"),
        ("GET", var path) when path == "/latest/meta-data/ram/security-credentials/" + role => FakeCredentialServer.Credential(_clock.GetUtcNow().AddHours(6)),
        _ => new HttpResponseMessage(HttpStatusCode.NotFound),
    };
}
