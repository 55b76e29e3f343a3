using System;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen;

/// <summary>
/// Reads <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c>, <c>ALIBABA_CLOUD_ACCESS_KEY_SECRET</c> and, for STS credentials,
/// <c>ALIBABA_CLOUD_SECURITY_TOKEN</c> from the environment on each call, so rotated values are picked up.
/// </summary>
public sealed class EnvironmentCredentialsProvider : IVodCredentialSource
{
    /// <summary>The variable holding the AccessKey ID.</summary>
    internal const string AccessKeyIdVariable = "ALIBABA_CLOUD_ACCESS_KEY_ID";

    /// <summary>The variable holding the AccessKey secret.</summary>
    internal const string AccessKeySecretVariable = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";

    /// <summary>The variable holding the STS security token, when temporary credentials are used.</summary>
    internal const string SecurityTokenVariable = "ALIBABA_CLOUD_SECURITY_TOKEN";

    private readonly Func<string, string?> _read;
    private VodCredentials? _last;

    /// <summary>Reads the process environment.</summary>
    public EnvironmentCredentialsProvider()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Reads variables through <paramref name="read"/> (for tests).</summary>
    public EnvironmentCredentialsProvider(Func<string, string?> read)
        => _read = read ?? throw new ArgumentNullException(nameof(read));

    /// <summary>True when both the key ID and the secret are set.</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(_read(AccessKeyIdVariable)) && !string.IsNullOrEmpty(_read(AccessKeySecretVariable));

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">A variable is missing; the message names which.</exception>
    public ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
        => ValueTask.FromResult(TryResolve(out var reason) ?? throw new InvalidOperationException(
            $"No Alibaba Cloud credentials: {reason}. Set them, or give VodClientOptions.Credentials a provider such as StaticCredentialsProvider."));

    /// <inheritdoc/>
    public VodCredentials? TryResolve(out string reason)
    {
        var id = _read(AccessKeyIdVariable);
        var secret = _read(AccessKeySecretVariable);
        if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret))
        {
            var missing = string.IsNullOrEmpty(id)
                ? string.IsNullOrEmpty(secret) ? $"{AccessKeyIdVariable} and {AccessKeySecretVariable} are" : $"{AccessKeyIdVariable} is"
                : $"{AccessKeySecretVariable} is";
            reason = $"the environment variable {missing} not set";
            return null;
        }

        reason = string.Empty;
        var token = _read(SecurityTokenVariable);
        var last = _last;
        if (last is not null && last.AccessKeyId == id && last.AccessKeySecret == secret && last.SecurityToken == (string.IsNullOrEmpty(token) ? null : token))
        {
            return last;
        }

        // Keep the object while the variables stay the same, so its derived signing keys are reused.
        last = CredentialCheck.Create(id, secret, token, "the environment variable " + AccessKeyIdVariable, "the environment variable " + SecurityTokenVariable);
        _last = last;
        return last;
    }
}
