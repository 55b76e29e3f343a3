namespace VodGen.Runtime.Tests;

public class CredentialsTests
{
    [Fact]
    public async Task Environment_provider_reads_variables_including_the_token()
    {
        var variables = new Dictionary<string, string?>
        {
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = "id",
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "secret",
            ["ALIBABA_CLOUD_SECURITY_TOKEN"] = "token",
        };
        var provider = new EnvironmentCredentialsProvider(name => variables.GetValueOrDefault(name));

        var credentials = await provider.GetCredentialsAsync();

        Assert.Equal(("id", "secret", "token"), (credentials.AccessKeyId, credentials.AccessKeySecret, credentials.SecurityToken));
        Assert.Same(credentials, await provider.GetCredentialsAsync());
        variables["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "rotated";
        Assert.Equal("rotated", (await provider.GetCredentialsAsync()).AccessKeySecret);
    }

    [Theory]
    [InlineData(null, null, "ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set")]
    [InlineData("id", null, "ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set")]
    [InlineData(null, "secret", "ALIBABA_CLOUD_ACCESS_KEY_ID is not set")]
    public async Task Missing_environment_variables_are_named(string? id, string? secret, string expected)
    {
        var provider = new EnvironmentCredentialsProvider(name => name switch
        {
            "ALIBABA_CLOUD_ACCESS_KEY_ID" => id,
            "ALIBABA_CLOUD_ACCESS_KEY_SECRET" => secret,
            _ => null,
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetCredentialsAsync().AsTask());

        Assert.Contains(expected, error.Message);
        Assert.False(provider.IsConfigured);
    }

    [Fact]
    public void Secrets_never_appear_in_ToString()
    {
        var credentials = new VodCredentials("key-id", "very-secret", "sts-token");
        var provider = new StaticCredentialsProvider("key-id", "very-secret", "sts-token");

        foreach (var text in new[] { credentials.ToString(), provider.ToString() })
        {
            Assert.Contains("key-id", text);
            Assert.DoesNotContain("very-secret", text);
            Assert.DoesNotContain("sts-token", text);
        }
    }

    [Fact]
    public void Empty_key_parts_are_rejected()
    {
        Assert.Equal("accessKeyId", Assert.Throws<ArgumentException>(() => new VodCredentials("", "s")).ParamName);
        Assert.Equal("accessKeySecret", Assert.Throws<ArgumentException>(() => new VodCredentials("i", "")).ParamName);
        Assert.Null(new VodCredentials("i", "s", "").SecurityToken);
    }
}
