using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace VodGen.Credentials;

/// <summary>
/// A role assumed with another credential (<c>AssumeRole</c>, V1-signed with the source's key, and its token when the
/// source is itself temporary): cross-account access, or a narrower role for one application. Refreshed by the shared
/// cache (<see cref="RefreshingCredentialsProvider"/>); the source is asked for its credential at every refresh.
/// </summary>
public sealed class RamRoleArnCredentialsProvider : RefreshingCredentialsProvider
{
    private readonly IVodCredentialsProvider _source;
    private readonly Dictionary<string, string?> _parameters;
    private readonly StsClient _sts;

    /// <summary>Assumes <see cref="StsRoleOptions.RoleArn"/> with the credentials of <paramref name="source"/>.</summary>
    public RamRoleArnCredentialsProvider(IVodCredentialsProvider source, RamRoleArnOptions options, TimeProvider? clock = null, ILogger? logger = null)
        : this(source, options, Environment.GetEnvironmentVariable, clock, logger, null)
    {
    }

    internal RamRoleArnCredentialsProvider(IVodCredentialsProvider source, RamRoleArnOptions options, Func<string, string?> environment, TimeProvider? clock, ILogger? logger, HttpClient? http)
        : base(clock, logger)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var time = clock ?? TimeProvider.System;
        _source = source;
        _parameters = options.SessionParameters(nameof(RamRoleArnOptions), environment, time);
        _parameters["ExternalId"] = options.ExternalId;
        _sts = options.Sts(environment, time, http);
    }

    /// <inheritdoc/>
    protected override string SourceDescription => $"RAM role {_parameters["RoleArn"]}";

    /// <inheritdoc/>
    protected override async ValueTask<VodTemporaryCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        VodCredentials signer;
        try
        {
            signer = await _source.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new VodCredentialsException(SourceDescription, $"No credentials from {SourceDescription}: its source credential failed: {exception.Message}", exception);
        }

        return await _sts.AssumeRoleAsync(signer, _parameters, SourceDescription, cancellationToken).ConfigureAwait(false);
    }
}
