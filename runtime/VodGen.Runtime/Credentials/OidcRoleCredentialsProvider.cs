using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace VodGen.Credentials;

/// <summary>
/// RRSA: a role assumed with the pod's OIDC token (<c>AssumeRoleWithOIDC</c>, unsigned). The token file is read again at
/// every refresh, because ACK rotates it. Refreshed by the shared cache (<see cref="RefreshingCredentialsProvider"/>).
/// </summary>
public sealed class OidcRoleCredentialsProvider : RefreshingCredentialsProvider
{
    // An OIDC token is a JWT of a few kilobytes; a far larger file is not one.
    private const long LargestTokenFile = 64 * 1024;
    private readonly Dictionary<string, string?> _parameters;
    private readonly string _tokenFile;
    private readonly StsClient _sts;

    /// <summary>Assumes the role; unset options come from the environment.</summary>
    public OidcRoleCredentialsProvider(OidcRoleOptions? options = null, TimeProvider? clock = null, ILogger? logger = null)
        : this(options ?? new OidcRoleOptions(), Environment.GetEnvironmentVariable, clock, logger, null)
    {
    }

    internal OidcRoleCredentialsProvider(OidcRoleOptions options, Func<string, string?> environment, TimeProvider? clock, ILogger? logger, HttpClient? http)
        : base(clock, logger)
    {
        var time = clock ?? TimeProvider.System;
        var resolved = new OidcRoleOptions
        {
            RoleArn = options.RoleArn ?? environment(CredentialVariables.RoleArn),
            OidcProviderArn = options.OidcProviderArn ?? environment(CredentialVariables.OidcProviderArn),
            OidcTokenFile = options.OidcTokenFile ?? environment(CredentialVariables.OidcTokenFile),
            RoleSessionName = options.RoleSessionName,
            DurationSeconds = options.DurationSeconds,
            Policy = options.Policy,
            StsEndpoint = options.StsEndpoint,
            StsRegion = options.StsRegion,
            EnableVpcEndpoint = options.EnableVpcEndpoint,
        };
        _parameters = resolved.SessionParameters(nameof(OidcRoleOptions), environment, time);
        _parameters["OIDCProviderArn"] = string.IsNullOrWhiteSpace(resolved.OidcProviderArn)
            ? throw new ArgumentException($"OidcRoleOptions.OidcProviderArn is required (or set {CredentialVariables.OidcProviderArn}).")
            : resolved.OidcProviderArn.Trim();
        _tokenFile = string.IsNullOrWhiteSpace(resolved.OidcTokenFile)
            ? throw new ArgumentException($"OidcRoleOptions.OidcTokenFile is required (or set {CredentialVariables.OidcTokenFile}).")
            : resolved.OidcTokenFile.Trim();
        _sts = resolved.Sts(environment, time, http);
    }

    /// <inheritdoc/>
    protected override string SourceDescription => $"OIDC role {_parameters["RoleArn"]} (token file {_tokenFile})";

    /// <inheritdoc/>
    protected override async ValueTask<VodTemporaryCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var parameters = new Dictionary<string, string?>(_parameters, StringComparer.Ordinal) { ["OIDCToken"] = await ReadTokenAsync(cancellationToken).ConfigureAwait(false) };
        return await _sts.AssumeRoleWithOidcAsync(parameters, SourceDescription, cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> ReadTokenAsync(CancellationToken cancellationToken)
    {
        var info = new FileInfo(_tokenFile);
        if (!info.Exists)
        {
            throw Fail($"the token file {_tokenFile} does not exist");
        }

        if (info.Length is 0 or > LargestTokenFile)
        {
            throw Fail($"the token file {_tokenFile} is {info.Length} bytes, which is not an OIDC token");
        }

        try
        {
            var token = (await File.ReadAllTextAsync(_tokenFile, cancellationToken).ConfigureAwait(false)).Trim();
            return token.Length > 0 ? token : throw Fail($"the token file {_tokenFile} holds only white space");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Fail($"the token file {_tokenFile} could not be read ({exception.GetType().Name})");
        }
    }

    private VodCredentialsException Fail(string reason) => new(SourceDescription, $"No credentials from {SourceDescription}: {reason}.");
}
