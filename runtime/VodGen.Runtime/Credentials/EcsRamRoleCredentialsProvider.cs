using System;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace VodGen.Credentials;

/// <summary>
/// The RAM role of an ECS (or ECI) instance, from the instance metadata service: an IMDSv2 session token first
/// (<c>PUT /latest/api/token</c>), plain requests only when the service answered without a token and IMDSv1 is allowed;
/// the role named or discovered; each request limited to <see cref="EcsRamRoleOptions.Timeout"/>. Refreshed by the
/// shared cache (<see cref="RefreshingCredentialsProvider"/>).
/// </summary>
public sealed class EcsRamRoleCredentialsProvider : RefreshingCredentialsProvider
{
    private const string TokenTtlSeconds = "21600";
    private const string RolesPath = "latest/meta-data/ram/security-credentials/";
    private readonly Uri _endpoint;
    private readonly string? _role;
    private readonly bool _imdsV1Disabled;
    private readonly TimeSpan _timeout;
    private readonly HttpClient _http;

    /// <summary>Reads the role from the metadata service; unset options come from the environment.</summary>
    public EcsRamRoleCredentialsProvider(EcsRamRoleOptions? options = null, TimeProvider? clock = null, ILogger? logger = null)
        : this(options ?? new EcsRamRoleOptions(), Environment.GetEnvironmentVariable, clock, logger, null)
    {
    }

    internal EcsRamRoleCredentialsProvider(EcsRamRoleOptions options, Func<string, string?> environment, TimeProvider? clock, ILogger? logger, HttpClient? http)
        : base(clock, logger)
    {
        var endpoint = options.MetadataEndpoint ?? NonEmpty(environment(CredentialVariables.EcsMetadataEndpoint));
        _endpoint = endpoint is null
            ? CredentialEndpoint.EcsMetadata
            : CredentialEndpoint.Parse(endpoint, options.MetadataEndpoint is null ? CredentialVariables.EcsMetadataEndpoint : "EcsRamRoleOptions.MetadataEndpoint", allowEcsMetadata: true);
        _role = NonEmpty(options.RoleName) ?? NonEmpty(environment(CredentialVariables.EcsRoleName));
        _imdsV1Disabled = options.DisableImdsV1 ?? CredentialVariables.IsTrue(environment(CredentialVariables.ImdsV1Disabled));
        _timeout = options.Timeout > TimeSpan.Zero ? options.Timeout : throw new ArgumentException("EcsRamRoleOptions.Timeout must be positive.", nameof(options));
        _http = http ?? CredentialsHttp.Client;
    }

    /// <inheritdoc/>
    protected override string SourceDescription => $"ECS RAM role {(_role is null ? "(discovered)" : $"'{_role}'")} at {_endpoint}";

    /// <inheritdoc/>
    protected override async ValueTask<VodTemporaryCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var token = await SessionTokenAsync(cancellationToken).ConfigureAwait(false);
        var role = _role;
        if (role is null)
        {
            var (status, body) = await GetAsync(RolesPath, token, cancellationToken).ConfigureAwait(false);
            role = status == 200 ? Encoding.UTF8.GetString(body).Split('\n', 2)[0].Trim() : null;
            if (string.IsNullOrEmpty(role))
            {
                throw Fail($"no RAM role is attached to this instance (the metadata service answered HTTP {status} for the role name)");
            }
        }

        var (roleStatus, roleBody) = await GetAsync(RolesPath + Uri.EscapeDataString(role), token, cancellationToken).ConfigureAwait(false);
        if (roleStatus != 200)
        {
            throw Fail($"the metadata service answered HTTP {roleStatus} for role '{role}'{(roleStatus == 404 ? ": it is not attached to this instance" : string.Empty)}");
        }

        return CredentialAnswer.Read(roleBody, $"{SourceDescription} (role '{role}')", container: null, codeRequired: true);
    }

    // IMDSv2: a session token for the requests that follow. No answer at all means no metadata service (not on ECS):
    // give up at once rather than wait again for plain requests.
    private async Task<string?> SessionTokenAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(_endpoint, "latest/api/token"));
        request.Headers.TryAddWithoutValidation("X-aliyun-ecs-metadata-token-ttl-seconds", TokenTtlSeconds);
        var (status, body) = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (status == 200 && body.Length > 0)
        {
            return Encoding.UTF8.GetString(body).Trim();
        }

        return _imdsV1Disabled
            ? throw Fail($"the metadata service gave no IMDSv2 token (HTTP {status}) and IMDSv1 is disabled ({CredentialVariables.ImdsV1Disabled})")
            : null;
    }

    private async Task<(int Status, byte[] Body)> GetAsync(string path, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_endpoint, path));
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("X-aliyun-ecs-metadata-token", token);
        }

        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<(int Status, byte[] Body)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await CredentialsHttp.SendAsync(_http, request, _timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or IOException or VodException)
        {
            throw Fail($"the metadata service could not be reached ({exception.Message}): not on ECS, or the service is blocked", exception);
        }
    }

    private VodCredentialsException Fail(string reason, Exception? inner = null) => new(SourceDescription, $"No credentials from {SourceDescription}: {reason}.", inner);

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
