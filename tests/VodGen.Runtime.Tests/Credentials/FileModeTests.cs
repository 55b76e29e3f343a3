using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using VodGen.Credentials;
using VodGen.Signing;

namespace VodGen.Runtime.Tests.Credentials;

/// <summary>
/// Every mode of the CLI's config.json and every type of the credentials file, against a local STS, metadata service
/// and credentials URI (real servers on 127.0.0.1: these sources use the shared HTTP client).
/// </summary>
public sealed class FileModeTests : IDisposable
{
    private static readonly string Expiration = DateTimeOffset.UtcNow.AddHours(1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    private readonly string _home = Directory.CreateTempSubdirectory("vodgen-modes-").FullName;
    private readonly ConcurrentQueue<Dictionary<string, string>> _stsCalls = new();
    private readonly LoopbackServer _sts;
    private readonly LoopbackServer _metadata;
    private readonly Dictionary<string, string?> _environment = new();
    private int _issued;

    public FileModeTests()
    {
        _sts = new LoopbackServer(request =>
        {
            var form = new StreamReader(request.InputStream).ReadToEnd().Split('&').Select(p => p.Split('=', 2))
                .ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
            _stsCalls.Enqueue(form);
            var n = Interlocked.Increment(ref _issued);
            return (200, $"{{\"RequestId\":\"r{n}\",\"Credentials\":{{\"AccessKeyId\":\"STS.issued-{n}\",\"AccessKeySecret\":\"issued-secret-{n}\",\"SecurityToken\":\"issued-token-{n}\",\"Expiration\":\"{Expiration}\"}}}}");
        });
        _metadata = new LoopbackServer(request => request.Url!.AbsolutePath switch
        {
            "/latest/api/token" => (200, "imds-token"),
            "/latest/meta-data/ram/security-credentials/file-role" => (200, $"{{\"Code\":\"Success\",\"AccessKeyId\":\"STS.ecs\",\"AccessKeySecret\":\"s\",\"SecurityToken\":\"t\",\"Expiration\":\"{Expiration}\"}}"),
            _ => (404, string.Empty),
        });
        _environment["ALIBABA_CLOUD_STS_ENDPOINT"] = _sts.Uri.ToString();
        _environment["VODGEN_ECS_METADATA_ENDPOINT"] = _metadata.Uri.ToString();
    }

    public void Dispose()
    {
        _sts.Dispose();
        _metadata.Dispose();
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public async Task RamRoleArn_assumes_the_role_with_the_profiles_key()
    {
        var credentials = await Cli("""{ "name": "p", "mode": "RamRoleArn", "access_key_id": "LTAI-p", "access_key_secret": "p-secret", "ram_role_arn": "acs:ram::1:role/r", "ram_session_name": "sess", "expired_seconds": 1200, "external_id": "x-1" }""");

        Assert.Equal("STS.issued-1", credentials.AccessKeyId);
        var call = Assert.Single(_stsCalls);
        Assert.Equal(("AssumeRole", "acs:ram::1:role/r", "sess", "1200", "x-1", "LTAI-p"), (call["Action"], call["RoleArn"], call["RoleSessionName"], call["DurationSeconds"], call["ExternalId"], call["AccessKeyId"]));
        AssertSignedWith(call, "p-secret");
    }

    [Fact]
    public async Task ChainableRamRoleArn_goes_through_two_levels_of_source_profiles_each_signed_by_the_one_below()
    {
        var credentials = await Cli(
            """{ "name": "p", "mode": "ChainableRamRoleArn", "source_profile": "mid", "ram_role_arn": "acs:ram::3:role/top" }""",
            """{ "name": "mid", "mode": "ChainableRamRoleArn", "source_profile": "base", "ram_role_arn": "acs:ram::2:role/mid" }""",
            """{ "name": "base", "mode": "AK", "access_key_id": "LTAI-base", "access_key_secret": "base-secret" }""");

        Assert.Equal("STS.issued-2", credentials.AccessKeyId);
        var calls = _stsCalls.ToList();
        Assert.Equal(("acs:ram::2:role/mid", "LTAI-base"), (calls[0]["RoleArn"], calls[0]["AccessKeyId"]));
        AssertSignedWith(calls[0], "base-secret");
        Assert.Equal(("acs:ram::3:role/top", "STS.issued-1", "issued-token-1"), (calls[1]["RoleArn"], calls[1]["AccessKeyId"], calls[1]["SecurityToken"]));
        AssertSignedWith(calls[1], "issued-secret-1");
    }

    [Fact]
    public async Task Source_profiles_that_loop_are_named_in_the_error()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Cli(
            """{ "name": "p", "mode": "ChainableRamRoleArn", "source_profile": "q", "ram_role_arn": "acs:ram::1:role/a" }""",
            """{ "name": "q", "mode": "ChainableRamRoleArn", "source_profile": "p", "ram_role_arn": "acs:ram::1:role/b" }"""));

        Assert.Contains("form a loop: p → q → p", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EcsRamRole_OIDC_and_CredentialsURI_profiles_use_their_sources()
    {
        using var uri = new LoopbackServer(_ => (200, $"{{\"AccessKeyId\":\"STS.uri\",\"AccessKeySecret\":\"s\",\"SecurityToken\":\"t\",\"Expiration\":\"{Expiration}\"}}"));
        var token = Path.Combine(_home, "oidc-token");
        File.WriteAllText(token, "oidc-token-value");

        Assert.Equal("STS.ecs", (await Cli("""{ "name": "p", "mode": "EcsRamRole", "ram_role_name": "file-role" }""")).AccessKeyId);
        Assert.Equal("STS.uri", (await Cli($$"""{ "name": "p", "mode": "CredentialsURI", "credentials_uri": "{{uri.Uri}}creds" }""")).AccessKeyId);
        Assert.StartsWith("STS.issued", (await Cli($$"""{ "name": "p", "mode": "OIDC", "ram_role_arn": "acs:ram::1:role/o", "oidc_provider_arn": "acs:ram::1:oidc-provider/k", "oidc_token_file": "{{token}}" }""")).AccessKeyId, StringComparison.Ordinal);
        Assert.Equal(("AssumeRoleWithOIDC", "oidc-token-value"), (_stsCalls.Last()["Action"], _stsCalls.Last()["OIDCToken"]));
    }

    [Fact]
    public async Task External_runs_the_command_and_reads_what_it_prints()
    {
        var script = Script("ok.sh", $$"""echo '{"mode":"StsToken","access_key_id":"STS.ext","access_key_secret":"ext-secret","sts_token":"ext-token","expiration":"{{Expiration}}"}'""");

        var credentials = await Cli($$"""{ "name": "p", "mode": "External", "process_command": "sh {{script}}" }""");

        Assert.Equal(("STS.ext", "ext-token"), (credentials.AccessKeyId, credentials.SecurityToken));
    }

    [Theory]
    [InlineData("echo 'leaked-secret-text'; exit 3", "exited with code 3")]
    [InlineData("echo 'not json but leaked-secret-text'", "not JSON")]
    [InlineData("echo '{\"mode\":\"StsToken\",\"access_key_id\":\"a\",\"access_key_secret\":\"leaked-secret-text\",\"sts_token\":\"t\"}'", "without a readable expiration")]
    public async Task External_failures_say_why_and_never_show_what_the_command_printed(string body, string expected)
    {
        var script = Script("bad.sh", body);

        var error = await Assert.ThrowsAsync<VodCredentialsException>(() => Cli($$"""{ "name": "p", "mode": "External", "process_command": "sh {{script}}" }"""));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("leaked-secret-text", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CloudSSO_says_it_is_not_supported_yet()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Cli("""{ "name": "p", "mode": "CloudSSO" }"""));

        Assert.Contains("CloudSSO, which VodGen does not support yet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_credentials_file_types_name_their_sources()
    {
        var token = Path.Combine(_home, "oidc-token");
        File.WriteAllText(token, "ini-oidc-token");
        var path = Path.Combine(_home, "credentials");
        File.WriteAllText(path, $"""
            [ecs]
            type = ecs_ram_role
            role_name = file-role

            [role]
            type = ram_role_arn
            access_key_id = LTAI-ini
            access_key_secret = ini-secret
            role_arn = acs:ram::9:role/ini
            role_session_name = ini-session

            [oidc]
            type = oidc_role_arn
            role_arn = acs:ram::9:role/oidc
            oidc_provider_arn = acs:ram::9:oidc-provider/k
            oidc_token_file_path = {token}
            """);

        Assert.Equal("STS.ecs", (await new IniFileCredentialsProvider(path, "ecs", n => _environment.GetValueOrDefault(n)).GetCredentialsAsync()).AccessKeyId);
        await new IniFileCredentialsProvider(path, "role", n => _environment.GetValueOrDefault(n)).GetCredentialsAsync();
        Assert.Equal(("AssumeRole", "acs:ram::9:role/ini", "ini-session", "LTAI-ini"), (_stsCalls.Last()["Action"], _stsCalls.Last()["RoleArn"], _stsCalls.Last()["RoleSessionName"], _stsCalls.Last()["AccessKeyId"]));
        await new IniFileCredentialsProvider(path, "oidc", n => _environment.GetValueOrDefault(n)).GetCredentialsAsync();
        Assert.Equal(("AssumeRoleWithOIDC", "ini-oidc-token"), (_stsCalls.Last()["Action"], _stsCalls.Last()["OIDCToken"]));
    }

    [Fact]
    public async Task A_profile_naming_a_source_keeps_one_cache_until_the_file_changes()
    {
        var provider = Provider("""{ "name": "p", "mode": "RamRoleArn", "access_key_id": "LTAI-p", "access_key_secret": "p-secret", "ram_role_arn": "acs:ram::1:role/r" }""");

        for (var i = 0; i < 5; i++)
        {
            await provider.GetCredentialsAsync();
        }

        Assert.Single(_stsCalls);
    }

    private async Task<VodCredentials> Cli(params string[] profiles) => await Provider(profiles).GetCredentialsAsync();

    private CliProfileCredentialsProvider Provider(params string[] profiles)
    {
        var path = Path.Combine(_home, "config.json");
        File.WriteAllText(path, $$"""{ "current": "p", "profiles": [ {{string.Join(",", profiles)}} ] }""");
        return new CliProfileCredentialsProvider(path, null, n => _environment.GetValueOrDefault(n));
    }

    private string Script(string name, string body)
    {
        var path = Path.Combine(_home, name);
        File.WriteAllText(path, body + "\n");
        return path;
    }

    private static void AssertSignedWith(Dictionary<string, string> form, string secret)
    {
        var canonical = string.Join('&', form.Where(p => p.Key != "Signature").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => VodPercentEncoding.Encode(p.Key) + "=" + VodPercentEncoding.Encode(p.Value)));
        Assert.Equal(VodSignatureV1.Sign("POST", canonical, secret), form["Signature"]);
    }
}
