namespace VodGen.Runtime.Tests;

public sealed class CredentialsChainTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("vodgen-home-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_home, name);
        File.WriteAllText(path, text);
        return path;
    }

    private const string CliConfig = """
        {
          "current": "work",
          "profiles": [
            { "name": "default", "mode": "AK", "access_key_id": "id-default", "access_key_secret": "secret-default", "region_id": "cn-shanghai" },
            { "name": "work", "mode": "StsToken", "access_key_id": "STS.id-work", "access_key_secret": "secret-work", "sts_token": "token-work" },
            { "name": "ram", "mode": "RamRoleArn", "access_key_id": "id-ram", "access_key_secret": "secret-ram" }
          ]
        }
        """;

    private const string Ini = """
        # comment
        [default]
        type = access_key
        access_key_id = id-ini
        access_key_secret = secret-ini

        [temp]
        type = sts
        access_key_id = STS.id-temp
        access_key_secret = secret-temp
        security_token = token-temp

        [role]
        type = ecs_ram_role
        """;

    [Fact]
    public void Cli_profile_uses_the_current_profile_or_the_named_one()
    {
        var path = Write("config.json", CliConfig);

        var current = new CliProfileCredentialsProvider(path).TryResolve(out _)!;
        var named = new CliProfileCredentialsProvider(path, "default").TryResolve(out _)!;

        Assert.Equal(("STS.id-work", "secret-work", "token-work"), (current.AccessKeyId, current.AccessKeySecret, current.SecurityToken));
        Assert.Equal(("id-default", null), (named.AccessKeyId, named.SecurityToken));
    }

    [Theory]
    [InlineData("ram", "has no ram_role_arn")]
    [InlineData("missing", "has no profile 'missing'")]
    public void Cli_profile_explains_what_it_cannot_use(string profile, string expected)
    {
        var provider = new CliProfileCredentialsProvider(Write("config.json", CliConfig), profile);

        Assert.Null(provider.TryResolve(out var reason));
        Assert.Contains(expected, reason);
        Assert.DoesNotContain("secret-ram", reason);
    }

    [Fact]
    public void Ini_file_reads_access_keys_and_sts_sections()
    {
        var path = Write("credentials", Ini);

        var plain = new IniFileCredentialsProvider(path).TryResolve(out _)!;
        var sts = new IniFileCredentialsProvider(path, "temp").TryResolve(out _)!;

        Assert.Equal(("id-ini", "secret-ini", null), (plain.AccessKeyId, plain.AccessKeySecret, plain.SecurityToken));
        Assert.Equal(("STS.id-temp", "token-temp"), (sts.AccessKeyId, sts.SecurityToken));
        // A section naming a source (here the instance's RAM role) is asked through GetCredentialsAsync.
        Assert.Null(new IniFileCredentialsProvider(path, "role").TryResolve(out var reason));
        Assert.Contains("use GetCredentialsAsync", reason);
    }

    [Fact]
    public async Task Chain_prefers_the_environment_then_the_cli_profile_then_the_file()
    {
        var cli = Write("config.json", CliConfig);
        var ini = Write("credentials", Ini);
        var environment = new Dictionary<string, string?>();
        IVodCredentialSource[] Sources() => new IVodCredentialSource[]
        {
            new EnvironmentCredentialsProvider(n => environment.GetValueOrDefault(n)),
            new CliProfileCredentialsProvider(File.Exists(cli) ? cli : Path.Combine(_home, "none.json")),
            new IniFileCredentialsProvider(ini),
        };

        Assert.Equal("STS.id-work", (await new DefaultCredentialsChain(Sources()).GetCredentialsAsync()).AccessKeyId);
        File.Delete(cli);
        Assert.Equal("id-ini", (await new DefaultCredentialsChain(Sources()).GetCredentialsAsync()).AccessKeyId);
        environment["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "id-env";
        environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "secret-env";
        Assert.Equal("id-env", (await new DefaultCredentialsChain(Sources()).GetCredentialsAsync()).AccessKeyId);
    }

    [Fact]
    public async Task Standard_chain_follows_the_profile_and_file_variables()
    {
        var ini = Write("custom-credentials", Ini);
        var environment = new Dictionary<string, string?>
        {
            ["ALIBABA_CLOUD_CREDENTIALS_FILE"] = ini,
            ["ALIBABA_CLOUD_PROFILE"] = "temp",
        };

        var credentials = await new DefaultCredentialsChain(n => environment.GetValueOrDefault(n)).GetCredentialsAsync();

        Assert.Equal("STS.id-temp", credentials.AccessKeyId);
    }

    [Fact]
    public async Task Nothing_found_lists_every_source_tried_without_secrets()
    {
        var chain = new DefaultCredentialsChain(new IVodCredentialSource[]
        {
            new EnvironmentCredentialsProvider(_ => null),
            new CliProfileCredentialsProvider(Path.Combine(_home, "none.json")),
            new IniFileCredentialsProvider(Write("credentials", Ini), "absent"),
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => chain.GetCredentialsAsync().AsTask());

        Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set", error.Message);
        Assert.Contains("none.json not found", error.Message);
        Assert.Contains("has no [absent] section", error.Message);
        Assert.DoesNotContain("secret-ini", error.Message);
    }
}
