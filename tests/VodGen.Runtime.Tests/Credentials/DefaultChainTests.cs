using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using VodGen.Credentials;

namespace VodGen.Runtime.Tests.Credentials;

/// <summary>
/// The default chain's order, toggles and recovery. Every chain here points the ECS metadata source at a local server or
/// disables it: no test sends a packet to the real metadata address.
/// </summary>
public sealed class DefaultChainTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("vodgen-chain-").FullName;
    private readonly Dictionary<string, string?> _environment = new();

    public DefaultChainTests()
    {
        // No CLI profile or credentials file of the machine running the tests takes part.
        _environment["ALIBABA_CLOUD_CLI_PROFILE_DISABLED"] = "true";
        _environment["ALIBABA_CLOUD_CREDENTIALS_FILE"] = Path.Combine(_home, "no-credentials");
        _environment["ALIBABA_CLOUD_ECS_METADATA_DISABLED"] = "true";
    }

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private DefaultCredentialsChain Chain() => new(n => _environment.GetValueOrDefault(n));

    [Fact]
    public async Task Off_ECS_with_no_credentials_anywhere_the_chain_fails_quickly_listing_every_source()
    {
        using var metadata = new SilentServer();
        _environment.Remove("ALIBABA_CLOUD_CLI_PROFILE_DISABLED");
        _environment.Remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED");
        _environment["VODGEN_ECS_METADATA_ENDPOINT"] = metadata.Uri.ToString();
        var started = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Chain().GetCredentialsAsync().AsTask());

        // The metadata source gives its one request 1 s and tries no plain request after silence; the bound here
        // leaves a loaded machine room, the request count is the exact part.
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
        Assert.Equal(1, metadata.Connections);
        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("CLI profile file", error.Message, StringComparison.Ordinal);
        Assert.Contains("no-credentials", error.Message, StringComparison.Ordinal);
        Assert.Contains("ECS RAM role", error.Message, StringComparison.Ordinal);
        Assert.Contains("no answer within 1 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disabled_and_unconfigured_sources_are_not_tried()
    {
        _environment["ALIBABA_CLOUD_ROLE_ARN"] = "acs:ram::1:role/r"; // two of the three OIDC variables: not an OIDC setup

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Chain().GetCredentialsAsync().AsTask());

        var tried = error.Message.Split("Tried, in order: ")[1].Split(". Set ALIBABA")[0];
        Assert.DoesNotContain("CLI profile", tried, StringComparison.Ordinal);
        Assert.DoesNotContain("ECS", tried, StringComparison.Ordinal);
        Assert.DoesNotContain("OIDC", tried, StringComparison.Ordinal);
        Assert.DoesNotContain("credentials URI", tried, StringComparison.Ordinal);
        Assert.Contains("no-credentials", tried, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ECS_role_and_the_credentials_URI_come_after_the_files_in_that_order()
    {
        var expiration = DateTimeOffset.UtcNow.AddHours(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
        using var metadata = new LoopbackServer(r => r.Url!.AbsolutePath switch
        {
            "/latest/api/token" => (200, "imds-token"),
            "/latest/meta-data/ram/security-credentials/" => (200, "role"),
            _ => (200, $"{{\"Code\":\"Success\",\"AccessKeyId\":\"STS.ecs\",\"AccessKeySecret\":\"s\",\"SecurityToken\":\"t\",\"Expiration\":\"{expiration}\"}}"),
        });
        using var uri = new LoopbackServer(_ => (200, $"{{\"AccessKeyId\":\"STS.uri\",\"AccessKeySecret\":\"s\",\"SecurityToken\":\"t\",\"Expiration\":\"{expiration}\"}}"));
        _environment["ALIBABA_CLOUD_CREDENTIALS_URI"] = uri.Uri + "creds";
        Assert.Equal("STS.uri", (await Chain().GetCredentialsAsync()).AccessKeyId);

        _environment.Remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED");
        _environment["VODGEN_ECS_METADATA_ENDPOINT"] = metadata.Uri.ToString();
        Assert.Equal("STS.ecs", (await Chain().GetCredentialsAsync()).AccessKeyId);

        _environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI-env";
        _environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "env-secret";
        Assert.Equal("LTAI-env", (await Chain().GetCredentialsAsync()).AccessKeyId);
    }

    [Fact]
    public async Task A_source_configured_after_a_failed_lookup_is_found_by_the_next_call()
    {
        var chain = Chain();
        await Assert.ThrowsAsync<InvalidOperationException>(() => chain.GetCredentialsAsync().AsTask());

        _environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "LTAI-later";
        _environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "later-secret";

        Assert.Equal("LTAI-later", (await chain.GetCredentialsAsync()).AccessKeyId);
    }

    [Fact]
    public async Task A_kept_source_that_fails_is_left_for_the_next_one_that_has_credentials()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var minting = new MintingSource(clock, TimeSpan.FromSeconds(900));
        var chain = new DefaultCredentialsChain(new IVodCredentialsProvider[] { minting, new StaticCredentialsProvider("LTAI-fallback", "fallback-secret") });
        Assert.StartsWith("STS.minted", (await chain.GetCredentialsAsync()).AccessKeyId, StringComparison.Ordinal);

        minting.Failing = true;
        clock.Advance(TimeSpan.FromSeconds(901));

        Assert.Equal("LTAI-fallback", (await chain.GetCredentialsAsync()).AccessKeyId);
    }

    [Fact]
    public async Task A_metadata_endpoint_over_plain_HTTP_to_another_host_is_reported_not_used()
    {
        _environment.Remove("ALIBABA_CLOUD_ECS_METADATA_DISABLED");
        _environment["VODGEN_ECS_METADATA_ENDPOINT"] = "http://192.0.2.10";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Chain().GetCredentialsAsync().AsTask());

        Assert.Contains("VODGEN_ECS_METADATA_ENDPOINT", error.Message, StringComparison.Ordinal);
        Assert.Contains("plain HTTP", error.Message, StringComparison.Ordinal);
    }
}
