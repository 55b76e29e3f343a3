using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen;

/// <summary>
/// The usual order of Alibaba Cloud tools: environment variables, then the CLI profile (<c>~/.aliyun/config.json</c>),
/// then the credentials file (<c>~/.alibabacloud/credentials</c>). The first that has credentials wins; when none has,
/// the error lists what was tried and why each failed, without any secret.
/// </summary>
public sealed class DefaultCredentialsChain : IVodCredentialsProvider
{
    private readonly IReadOnlyList<IVodCredentialSource> _sources;

    /// <summary>The standard chain for this process's environment.</summary>
    public DefaultCredentialsChain()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>The standard chain, reading environment variables through <paramref name="environment"/> (for tests).</summary>
    public DefaultCredentialsChain(Func<string, string?> environment)
        : this(new IVodCredentialSource[]
        {
            new EnvironmentCredentialsProvider(environment),
            new CliProfileCredentialsProvider(profile: environment("ALIBABA_CLOUD_PROFILE")),
            new IniFileCredentialsProvider(environment("ALIBABA_CLOUD_CREDENTIALS_FILE") is { Length: > 0 } file ? file : null, environment("ALIBABA_CLOUD_PROFILE")),
        })
    {
    }

    /// <summary>A chain of the given sources, tried in order.</summary>
    public DefaultCredentialsChain(IReadOnlyList<IVodCredentialSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = sources;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">No source has credentials; the message says what was tried.</exception>
    public ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var tried = new List<string>(_sources.Count);
        foreach (var source in _sources)
        {
            if (source.TryResolve(out var reason) is { } credentials)
            {
                return ValueTask.FromResult(credentials);
            }

            tried.Add(reason);
        }

        throw new InvalidOperationException(
            "No Alibaba Cloud credentials found. Tried, in order: " + string.Join("; ", tried) +
            ". Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, configure the Alibaba Cloud CLI, or give VodClientOptions.Credentials a provider.");
    }
}
