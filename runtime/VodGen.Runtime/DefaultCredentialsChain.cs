using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using VodGen.Credentials;

namespace VodGen;

/// <summary>
/// Alibaba Cloud's default order: environment variables (AccessKey or STS), then an OIDC role (RRSA, when
/// <c>ALIBABA_CLOUD_ROLE_ARN</c>, <c>ALIBABA_CLOUD_OIDC_PROVIDER_ARN</c> and <c>ALIBABA_CLOUD_OIDC_TOKEN_FILE</c> are all
/// set), the CLI profile (<c>~/.aliyun/config.json</c>, unless <c>ALIBABA_CLOUD_CLI_PROFILE_DISABLED=true</c>), the
/// credentials file (<c>~/.alibabacloud/credentials</c>), the ECS instance's RAM role (unless
/// <c>ALIBABA_CLOUD_ECS_METADATA_DISABLED=true</c>), and a credentials URI (when <c>ALIBABA_CLOUD_CREDENTIALS_URI</c> is
/// set). The first source that has credentials is kept while it keeps giving them; when it fails, the next call looks
/// again from the start, so a source configured later is found and the chain never stays on one that failed. When no
/// source has credentials, the error lists what each tried and why, without any secret. Thread-safe.
/// </summary>
public sealed class DefaultCredentialsChain : IVodCredentialsProvider
{
    private readonly IReadOnlyList<IVodCredentialsProvider> _sources;
    private volatile IVodCredentialsProvider? _current;

    /// <summary>The standard chain for this process's environment.</summary>
    public DefaultCredentialsChain()
        : this(Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>The standard chain, reading environment variables through <paramref name="environment"/> (for tests).</summary>
    public DefaultCredentialsChain(Func<string, string?> environment)
        : this(StandardSources(environment ?? throw new ArgumentNullException(nameof(environment))))
    {
    }

    /// <summary>A chain of the given sources, tried in order.</summary>
    public DefaultCredentialsChain(IReadOnlyList<IVodCredentialSource> sources)
        : this((IReadOnlyList<IVodCredentialsProvider>)(sources ?? throw new ArgumentNullException(nameof(sources))))
    {
    }

    /// <summary>A chain of any providers (sources whose failures are exceptions), tried in order; for tests.</summary>
    internal DefaultCredentialsChain(IReadOnlyList<IVodCredentialsProvider> sources) => _sources = sources;

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">No source has credentials; the message says what was tried.</exception>
    public ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        // The source that gave credentials last: its own cache makes this cheap; a failure starts a new search.
        switch (_current)
        {
            case IVodCredentialSource simple and not ICredentialLookup when simple.TryResolve(out _) is { } resolved:
                return new ValueTask<VodCredentials>(resolved);
            case { } current and (ICredentialLookup or not IVodCredentialSource):
                ValueTask<VodCredentials> pending;
                try
                {
                    pending = current.GetCredentialsAsync(cancellationToken);
                }
                catch (Exception exception) when (IsSourceFailure(exception))
                {
                    pending = ValueTask.FromException<VodCredentials>(exception);
                }

                return pending.IsCompletedSuccessfully ? pending : KeepOrSearchAsync(current, pending, cancellationToken);
        }

        return SearchAsync(cancellationToken);
    }

    private async ValueTask<VodCredentials> KeepOrSearchAsync(IVodCredentialsProvider current, ValueTask<VodCredentials> pending, CancellationToken cancellationToken)
    {
        try
        {
            return await pending.ConfigureAwait(false);
        }
        catch (Exception exception) when (IsSourceFailure(exception) && !cancellationToken.IsCancellationRequested)
        {
            Interlocked.CompareExchange(ref _current, null, current);
            return await SearchAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask<VodCredentials> SearchAsync(CancellationToken cancellationToken)
    {
        var tried = new List<string>(_sources.Count);
        foreach (var source in _sources)
        {
            cancellationToken.ThrowIfCancellationRequested();
            VodCredentials? credentials;
            string reason;
            if (source is ICredentialLookup lookup)
            {
                (credentials, reason) = await lookup.LookupAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (source is IVodCredentialSource simple)
            {
                credentials = simple.TryResolve(out reason);
            }
            else
            {
                try
                {
                    credentials = await source.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
                    reason = string.Empty;
                }
                catch (Exception exception) when (IsSourceFailure(exception) && !cancellationToken.IsCancellationRequested)
                {
                    (credentials, reason) = (null, exception.Message);
                }
            }

            if (credentials is not null)
            {
                _current = source;
                return credentials;
            }

            tried.Add(reason);
        }

        _current = null;
        throw new InvalidOperationException(
            "No Alibaba Cloud credentials found. Tried, in order: " + string.Join("; ", tried) +
            ". Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, configure the Alibaba Cloud CLI, run where a RAM role is attached (ECS, ACK with RRSA), or give VodClientOptions.Credentials a provider. docs/credentials.md lists every source.");
    }

    private static bool IsSourceFailure(Exception exception)
        => exception is VodCredentialsException or InvalidOperationException or ArgumentException or System.IO.IOException or UnauthorizedAccessException;

    // The official order; sources that need configuration join only when it is there, and a source configured wrongly
    // (such as a metadata endpoint over plain HTTP to another host) stays in the chain as a failure that says so.
    private static IReadOnlyList<IVodCredentialsProvider> StandardSources(Func<string, string?> environment)
    {
        var profile = environment(CredentialVariables.Profile);
        var sources = new List<IVodCredentialsProvider> { new EnvironmentCredentialsProvider(environment) };
        if (IsSet(environment, CredentialVariables.RoleArn) && IsSet(environment, CredentialVariables.OidcProviderArn) && IsSet(environment, CredentialVariables.OidcTokenFile))
        {
            sources.Add(Configured("OIDC role (RRSA)", () => new OidcRoleCredentialsProvider(new OidcRoleOptions(), environment, null, null, null)));
        }

        if (!CredentialVariables.IsTrue(environment(CredentialVariables.CliProfileDisabled)))
        {
            sources.Add(new CliProfileCredentialsProvider(null, profile, environment));
        }

        sources.Add(new IniFileCredentialsProvider(environment(CredentialVariables.CredentialsFile) is { Length: > 0 } file ? file : null, profile, environment));
        if (!CredentialVariables.IsTrue(environment(CredentialVariables.EcsMetadataDisabled)))
        {
            sources.Add(Configured("ECS RAM role", () => new EcsRamRoleCredentialsProvider(new EcsRamRoleOptions(), environment, null, null, null)));
        }

        if (environment(CredentialVariables.CredentialsUri) is { Length: > 0 } uri)
        {
            sources.Add(Configured("credentials URI", () => new CredentialsUriProvider(uri, null, null, null, null)));
        }

        return sources;
    }

    private static bool IsSet(Func<string, string?> environment, string name) => !string.IsNullOrWhiteSpace(environment(name));

    private static IVodCredentialsProvider Configured(string name, Func<IVodCredentialsProvider> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException exception)
        {
            return new Misconfigured($"{name}: {exception.Message}");
        }
    }

    /// <summary>A source whose configuration is wrong: tried in its place, it fails with what is wrong.</summary>
    private sealed class Misconfigured(string reason) : IVodCredentialSource
    {
        public ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
            => throw new InvalidOperationException(reason);

        public VodCredentials? TryResolve(out string why)
        {
            why = reason;
            return null;
        }
    }
}
