using Microsoft.Extensions.Time.Testing;
using VodGen.Credentials;
using VodGen.Emulator;
using VodGen.Vod;

namespace VodGen.Emulator.Tests;

/// <summary>
/// The emulator's identity front: the credentials an application gets on Alibaba's compute (RRSA, an ECS role, a
/// credentials URI, AssumeRole) minted locally and accepted by the gateway until they expire. Every chain here points
/// the metadata source at the emulator: no test contacts the real metadata address.
/// </summary>
public sealed class IdentityTests : EmulatorTestBase
{
    private readonly string _tokenFile = Path.GetTempFileName();

    public override async Task DisposeAsync()
    {
        File.Delete(_tokenFile);
        await base.DisposeAsync();
    }

    [Fact]
    public async Task RRSA_configured_only_through_the_environment_creates_and_reads_a_video()
    {
        await File.WriteAllTextAsync(_tokenFile, Emulator.Identity.IssueOidcToken());
        var environment = Environment(new()
        {
            ["ALIBABA_CLOUD_ROLE_ARN"] = "acs:ram::1000000000000000:role/vod-app",
            ["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = "acs:ram::1000000000000000:oidc-provider/ack-rrsa",
            ["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = _tokenFile,
        });
        using var client = new VodClient(new VodClientOptions { Endpoint = Emulator.Endpoint, Credentials = new DefaultCredentialsChain(n => environment.GetValueOrDefault(n)) });

        var created = await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "rrsa", FileName = "a.mp4" });
        var info = await client.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = created.VideoId! });

        Assert.Equal("rrsa", info.Video!.Title);
        Assert.Equal(1, Emulator.Identity.MintedCount);
        Assert.All(Emulator.Log.Records.Where(r => r.Action is "CreateUploadVideo" or "GetVideoInfo"), r => Assert.StartsWith("STS.emulator", r.AccessKeyId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_OIDC_token_the_emulator_did_not_issue_is_refused_with_STS_code()
    {
        await File.WriteAllTextAsync(_tokenFile, "forged-token");
        using var provider = new OidcRoleCredentialsProvider(new OidcRoleOptions
        {
            RoleArn = "acs:ram::1:role/r", OidcProviderArn = "acs:ram::1:oidc-provider/p", OidcTokenFile = _tokenFile, StsEndpoint = Emulator.Identity.Endpoint.ToString(),
        });

        var error = await Assert.ThrowsAsync<VodCredentialsException>(() => provider.GetCredentialsAsync().AsTask());

        Assert.Contains("InvalidParameter.OIDCToken.Invalid", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("forged-token", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_instance_role_through_IMDSv2_and_the_credentials_URI_sign_calls_the_gateway_accepts()
    {
        var ecs = Environment(new() { ["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = null });
        using var onEcs = new VodClient(new VodClientOptions { Endpoint = Emulator.Endpoint, Credentials = new DefaultCredentialsChain(n => ecs.GetValueOrDefault(n)) });
        await onEcs.GetVideoListAsync(new GetVideoListRequest());

        var uri = Environment(new() { ["ALIBABA_CLOUD_CREDENTIALS_URI"] = Emulator.Identity.CredentialsUri.ToString() });
        using var fromUri = new VodClient(new VodClientOptions { Endpoint = Emulator.Endpoint, Credentials = new DefaultCredentialsChain(n => uri.GetValueOrDefault(n)) });
        await fromUri.GetVideoListAsync(new GetVideoListRequest());

        Assert.Equal(2, Emulator.Identity.MintedCount);
    }

    [Fact]
    public async Task AssumeRole_is_checked_against_the_source_key()
    {
        var options = new RamRoleArnOptions { RoleArn = "acs:ram::1:role/partner", ExternalId = "x", StsEndpoint = Emulator.Identity.Endpoint.ToString() };
        using var good = new RamRoleArnCredentialsProvider(new StaticCredentialsProvider(EmulatorCredential.Default.AccessKeyId, EmulatorCredential.Default.AccessKeySecret), options);
        using var bad = new RamRoleArnCredentialsProvider(new StaticCredentialsProvider(EmulatorCredential.Default.AccessKeyId, "not-the-secret"), options);

        Assert.StartsWith("STS.emulator", (await good.GetCredentialsAsync()).AccessKeyId, StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<VodCredentialsException>(() => bad.GetCredentialsAsync().AsTask());
        Assert.Contains("SignatureDoesNotMatch", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-secret", error.ToString(), StringComparison.Ordinal);
    }

    // The environment of a process that uses none of the machine's own credentials: no AccessKey, no CLI profile, no
    // credentials file, and the metadata service at the emulator.
    private Dictionary<string, string?> Environment(Dictionary<string, string?> extra)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"] = "true",
            ["ALIBABA_CLOUD_CREDENTIALS_FILE"] = Path.Combine(Path.GetTempPath(), "vodgen-no-credentials-file"),
            ["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true",
            ["VODGEN_ECS_METADATA_ENDPOINT"] = Emulator.Identity.Endpoint.ToString(),
            ["ALIBABA_CLOUD_STS_ENDPOINT"] = Emulator.Identity.Endpoint.ToString(),
        };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }
}

/// <summary>Minted credentials expire on the emulator's clock; the client's cache renews them before that.</summary>
public sealed class MintedExpiryTests : EmulatorTestBase
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override void Configure(VodEmulatorOptions options)
    {
        options.TimeProvider = _clock;
        options.MintedCredentialLifetime = TimeSpan.FromMinutes(15);
    }

    [Fact]
    public async Task The_gateway_refuses_an_expired_minted_credential_and_the_cache_has_renewed_it_before()
    {
        using var provider = new CredentialsUriProvider(Emulator.Identity.CredentialsUri.ToString(), clock: _clock);
        using var client = new VodClient(new VodClientOptions { Endpoint = Emulator.Endpoint, Credentials = provider, TimeProvider = _clock });
        var first = await provider.GetCredentialsAsync();
        await client.GetVideoListAsync(new GetVideoListRequest());

        _clock.Advance(TimeSpan.FromMinutes(11)); // a third of the lifetime left: renewed in the background
        await client.GetVideoListAsync(new GetVideoListRequest());
        await (provider.PendingFetch ?? Task.CompletedTask);
        _clock.Advance(TimeSpan.FromMinutes(5)); // the first credential has expired
        await client.GetVideoListAsync(new GetVideoListRequest());

        Assert.Equal(2, Emulator.Identity.MintedCount);
        Assert.NotEqual(first.AccessKeyId, (await provider.GetCredentialsAsync()).AccessKeyId);
        using var stale = new VodClient(new VodClientOptions { Endpoint = Emulator.Endpoint, Credentials = new StaticCredentialsProvider(first.AccessKeyId, first.AccessKeySecret, first.SecurityToken), TimeProvider = _clock });
        var refused = await Assert.ThrowsAsync<VodServiceException>(() => stale.GetVideoListAsync(new GetVideoListRequest()));
        Assert.Equal("InvalidSecurityToken.Expired", refused.Code);
    }
}
