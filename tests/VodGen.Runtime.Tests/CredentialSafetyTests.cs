using System.Net;

namespace VodGen.Runtime.Tests;

/// <summary>Items 3 and 6: credentials that could corrupt headers, files that rotate or are not files, null providers.</summary>
public sealed class CredentialSafetyTests : IDisposable
{
    private const string Token = "CAISsafeToken0123456789";
    private readonly string _folder = Directory.CreateTempSubdirectory("vodgen-credentials-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("LTAI5t\r\nX-Injected: yes", "a line break at position 7")]
    [InlineData("LTAI5t\nX", "a line break at position 7")]
    [InlineData("LTAI5t key", "white space at position 7")]
    [InlineData("LTAI5té", "a non-ASCII character at position 7")]
    [InlineData("LTAI5t\u0001", "a control character at position 7")]
    public void An_AccessKey_ID_that_could_break_a_header_is_refused_saying_what_and_where(string id, string what)
    {
        var exception = Assert.Throws<ArgumentException>(() => new VodCredentials(id, "secret"));

        Assert.Contains(what, exception.Message, StringComparison.Ordinal);
        Assert.Equal("accessKeyId", exception.ParamName);
    }

    [Fact]
    public void A_token_with_a_line_break_is_refused_without_showing_it()
    {
        var exception = Assert.Throws<ArgumentException>(() => new VodCredentials("LTAI5t", "secret", Token + "\r\nX-Evil: 1"));

        Assert.DoesNotContain(Token, exception.Message, StringComparison.Ordinal);
        Assert.Equal("securityToken", exception.ParamName);
    }

    [Theory]
    [InlineData("Zq9wXv\r\n", "a line break at position 7")]
    [InlineData("Zq9wXv\u00e9", "a non-ASCII character at position 7")]
    [InlineData("Zq9 wXv", "white space at position 4")]
    public void An_AccessKey_secret_pasted_with_a_line_break_or_a_non_ASCII_character_is_refused_without_showing_it(string secret, string what)
    {
        var exception = Assert.Throws<ArgumentException>(() => new VodCredentials("LTAI5t", secret));

        Assert.Contains(what, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Zq9", exception.Message, StringComparison.Ordinal);
        Assert.Equal("accessKeySecret", exception.ParamName);
    }

    [Fact]
    public async Task A_bad_value_from_the_environment_names_the_variable_and_nothing_is_sent_or_retried()
    {
        var environment = new Dictionary<string, string?>
        {
            [EnvironmentCredentialsProvider.AccessKeyIdVariable] = "LTAI5t",
            [EnvironmentCredentialsProvider.AccessKeySecretVariable] = "secret",
            [EnvironmentCredentialsProvider.SecurityTokenVariable] = Token + "\n",
        };
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok());
        using var client = TestClients.Create(handler, o => o.Credentials = new EnvironmentCredentialsProvider(name => environment.GetValueOrDefault(name)));

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(new EchoOperation(), new EchoRequest("x")));

        Assert.Contains(EnvironmentCredentialsProvider.SecurityTokenVariable, exception.Message, StringComparison.Ordinal);
        Assert.Contains("line break", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public void A_bad_value_in_a_credentials_file_names_the_file_and_key()
    {
        var path = Write("credentials", "[default]\ntype = sts\naccess_key_id = LTAI5t\u00e9\naccess_key_secret = s\nsecurity_token = t\n");

        var exception = Assert.Throws<InvalidOperationException>(() => new IniFileCredentialsProvider(path).TryResolve(out _));

        Assert.Contains("access_key_id of [default] in " + path, exception.Message, StringComparison.Ordinal);
        Assert.Contains("non-ASCII", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rotated_token_in_the_credentials_file_is_picked_up()
    {
        var path = Write("credentials", Ini("token-one"));
        var provider = new IniFileCredentialsProvider(path);
        Assert.Equal("token-one", provider.TryResolve(out _)!.SecurityToken);

        File.WriteAllText(path, Ini("token-two-rotated"));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));

        Assert.Equal("token-two-rotated", provider.TryResolve(out _)!.SecurityToken);
    }

    [Fact]
    public void A_rotated_token_in_the_CLI_profile_is_picked_up_and_an_unchanged_file_is_not_read_again()
    {
        var path = Write("config.json", Cli("token-one"));
        var provider = new CliProfileCredentialsProvider(path);
        var first = provider.TryResolve(out _)!;
        Assert.Same(first, provider.TryResolve(out _));

        File.WriteAllText(path, Cli("token-two-rotated"));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));

        Assert.Equal("token-two-rotated", provider.TryResolve(out _)!.SecurityToken);
    }

    [Fact]
    public async Task A_FIFO_is_refused_at_once_instead_of_blocking_the_caller()
    {
        var path = Path.Combine(_folder, "fifo");
        Assert.Equal(0, MakeFifo(path, 0x180)); // 0600

        var resolved = await Task.Run(() => (new IniFileCredentialsProvider(path).TryResolve(out var reason), reason)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(resolved.Item1);
        Assert.Contains("not a regular file", resolved.reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public async Task A_device_is_refused(string path)
    {
        var resolved = await Task.Run(() => (new CliProfileCredentialsProvider(path).TryResolve(out var reason), reason)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(resolved.Item1);
        Assert.Contains("not a regular file", resolved.reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_that_returns_null_gets_a_clear_error_and_nothing_is_sent()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok());
        using var client = TestClients.Create(handler, o => o.Credentials = new NullProvider());

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => client.SendAsync(new EchoOperation(), new EchoRequest("x")));

        Assert.Contains("NullProvider returned null", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, handler.Count);
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static extern int MakeFifo([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, uint mode);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Ini(string token) => $"[default]\ntype = sts\naccess_key_id = STS.key\naccess_key_secret = secret\nsecurity_token = {token}\n";

    private static string Cli(string token)
        => $$"""{ "current": "p", "profiles": [ { "name": "p", "mode": "StsToken", "access_key_id": "STS.key", "access_key_secret": "s", "sts_token": "{{token}}" } ] }""";

    private sealed class NullProvider : IVodCredentialsProvider
    {
        public ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<VodCredentials>(null!);
    }
}
