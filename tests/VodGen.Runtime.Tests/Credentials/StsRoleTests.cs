using System.Net;
using Microsoft.Extensions.Time.Testing;
using VodGen.Credentials;
using VodGen.Signing;

namespace VodGen.Runtime.Tests.Credentials;

/// <summary>Roles through STS (a local fake): RRSA's unsigned AssumeRoleWithOIDC and the signed AssumeRole.</summary>
public sealed class StsRoleTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeCredentialServer _sts = new();
    private readonly string _tokenFile = Path.GetTempFileName();
    private readonly Dictionary<string, string> _environment = new() { ["ALIBABA_CLOUD_STS_ENDPOINT"] = "http://127.0.0.1:1" };

    public StsRoleTests() => _sts.Answer = _ => FakeCredentialServer.Credential(_clock.GetUtcNow().AddSeconds(900), container: "Credentials");

    public void Dispose() => File.Delete(_tokenFile);

    [Fact]
    public async Task RRSA_sends_the_token_files_content_unsigned_and_reads_the_file_again_at_every_refresh()
    {
        File.WriteAllText(_tokenFile, "oidc-token-1\n");
        _environment["ALIBABA_CLOUD_ROLE_ARN"] = "acs:ram::123:role/app";
        _environment["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = "acs:ram::123:oidc-provider/ack";
        _environment["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = _tokenFile;
        using var provider = new OidcRoleCredentialsProvider(new OidcRoleOptions(), n => _environment.GetValueOrDefault(n), _clock, null, _sts.Client());

        Assert.Equal("STS.fake-id", (await provider.GetCredentialsAsync()).AccessKeyId);
        File.WriteAllText(_tokenFile, "oidc-token-2"); // ACK rotated it
        _clock.Advance(TimeSpan.FromSeconds(700));
        await provider.GetCredentialsAsync();
        await (provider.PendingFetch ?? Task.CompletedTask); // the background refresh may already have ended

        var calls = _sts.Requests.Select(r => r.Form).ToList();
        Assert.Equal(["oidc-token-1", "oidc-token-2"], calls.Select(f => f["OIDCToken"]));
        Assert.All(calls, f =>
        {
            Assert.Equal("AssumeRoleWithOIDC", f["Action"]);
            Assert.Equal("2015-04-01", f["Version"]);
            Assert.Equal("acs:ram::123:role/app", f["RoleArn"]);
            Assert.Equal("acs:ram::123:oidc-provider/ack", f["OIDCProviderArn"]);
            Assert.Equal("3600", f["DurationSeconds"]);
            Assert.StartsWith("vodgen-", f["RoleSessionName"], StringComparison.Ordinal);
            Assert.False(f.ContainsKey("Signature") || f.ContainsKey("AccessKeyId"), "AssumeRoleWithOIDC is not signed");
        });
    }

    [Fact]
    public async Task RRSA_without_its_token_file_names_the_file()
    {
        File.Delete(_tokenFile);
        using var provider = new OidcRoleCredentialsProvider(
            new OidcRoleOptions { RoleArn = "acs:ram::123:role/app", OidcProviderArn = "acs:ram::123:oidc-provider/ack", OidcTokenFile = _tokenFile },
            n => _environment.GetValueOrDefault(n), _clock, null, _sts.Client());

        var error = await Assert.ThrowsAsync<VodCredentialsException>(() => provider.GetCredentialsAsync().AsTask());

        Assert.Contains(_tokenFile, error.Message, StringComparison.Ordinal);
        Assert.Empty(_sts.Requests);
    }

    [Fact]
    public async Task AssumeRole_is_signed_with_the_source_credential_and_sends_its_token_and_the_external_ID()
    {
        var source = new StaticCredentialsProvider("STS.source-id", "source-secret", "source-token");
        using var provider = new RamRoleArnCredentialsProvider(
            source, new RamRoleArnOptions { RoleArn = "acs:ram::456:role/partner", ExternalId = "ext-42", RoleSessionName = "s1", DurationSeconds = 1800 },
            n => _environment.GetValueOrDefault(n), _clock, null, _sts.Client());

        await provider.GetCredentialsAsync();

        var form = Assert.Single(_sts.Requests).Form;
        Assert.Equal(("AssumeRole", "ext-42", "s1", "1800"), (form["Action"], form["ExternalId"], form["RoleSessionName"], form["DurationSeconds"]));
        Assert.Equal(("STS.source-id", "source-token", "HMAC-SHA1"), (form["AccessKeyId"], form["SecurityToken"], form["SignatureMethod"]));
        var canonical = string.Join('&', form.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => VodPercentEncoding.Encode(p.Key) + "=" + VodPercentEncoding.Encode(p.Value)));
        Assert.Equal(VodSignatureV1.Sign("POST", canonical, "source-secret"), form["Signature"]);
    }

    [Fact]
    public async Task A_refusal_by_STS_carries_its_code_message_and_request_ID_and_no_secret_even_when_echoed()
    {
        _sts.Answer = _ => FakeCredentialServer.Text(
            "{\"RequestId\":\"req-7\",\"HostId\":\"sts.aliyuncs.com\",\"Code\":\"NoPermission.RoleArn\",\"Message\":\"You are not authorized (key source-secret)\"}", HttpStatusCode.Forbidden);
        using var provider = new RamRoleArnCredentialsProvider(
            new StaticCredentialsProvider("LTAI-source", "source-secret"), new RamRoleArnOptions { RoleArn = "acs:ram::456:role/partner" },
            n => _environment.GetValueOrDefault(n), _clock, null, _sts.Client());

        var error = await Assert.ThrowsAsync<VodCredentialsException>(() => provider.GetCredentialsAsync().AsTask());

        Assert.Contains("NoPermission.RoleArn", error.Message, StringComparison.Ordinal);
        Assert.Contains("You are not authorized", error.Message, StringComparison.Ordinal);
        Assert.Contains("req-7", error.Message, StringComparison.Ordinal);
        Assert.Contains("acs:ram::456:role/partner", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("source-secret", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, null, "https://sts.aliyuncs.com/")]
    [InlineData(null, "cn-hangzhou", null, "https://sts.cn-hangzhou.aliyuncs.com/")]
    [InlineData(null, "cn-hangzhou", "true", "https://sts-vpc.cn-hangzhou.aliyuncs.com/")]
    [InlineData("sts-vpc.cn-beijing.aliyuncs.com", "cn-hangzhou", "true", "https://sts-vpc.cn-beijing.aliyuncs.com/")]
    [InlineData("http://127.0.0.1:8443", null, null, "http://127.0.0.1:8443/")]
    public void The_STS_endpoint_follows_the_environment(string? endpoint, string? region, string? vpc, string expected)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ALIBABA_CLOUD_STS_ENDPOINT"] = endpoint,
            ["ALIBABA_CLOUD_STS_REGION"] = region,
            ["ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED"] = vpc,
        };

        Assert.Equal(expected, StsClient.ResolveEndpoint(null, null, null, n => environment.GetValueOrDefault(n)).ToString());
    }

    [Fact]
    public void STS_over_plain_HTTP_to_another_host_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => StsClient.ResolveEndpoint(null, null, null, n => n == "ALIBABA_CLOUD_STS_ENDPOINT" ? "http://sts.example.com" : null));

        Assert.Contains("ALIBABA_CLOUD_STS_ENDPOINT", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_shorter_than_STS_grants_is_refused_when_the_provider_is_made()
    {
        var error = Assert.Throws<ArgumentException>(() => new RamRoleArnCredentialsProvider(
            new StaticCredentialsProvider("a", "b"), new RamRoleArnOptions { RoleArn = "acs:ram::1:role/r", DurationSeconds = 600 }));

        Assert.Contains("900", error.Message, StringComparison.Ordinal);
    }
}
