using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using VodGen.Emulator.Gateway;

namespace VodGen.Emulator.Identity;

/// <summary>
/// Where applications get temporary credentials, emulated on a port of its own (<see cref="Endpoint"/>): STS
/// (<c>AssumeRole</c>, signature checked; <c>AssumeRoleWithOIDC</c>, accepting tokens from <see cref="IssueOidcToken"/>),
/// the ECS metadata service (IMDSv2) and a credentials URI. Every credential it mints is accepted by the VOD gateway
/// until it expires on the emulator's clock, so an application's production credential configuration can be tried
/// locally: point <c>ALIBABA_CLOUD_STS_ENDPOINT</c>, <c>VODGEN_ECS_METADATA_ENDPOINT</c> or
/// <c>ALIBABA_CLOUD_CREDENTIALS_URI</c> here.
/// </summary>
public sealed class EmulatorIdentity
{
    /// <summary>The role the emulated instance has.</summary>
    public const string InstanceRole = "EmulatorInstanceRole";

    private const int MinimumDurationSeconds = 900;
    private readonly ConcurrentDictionary<string, Minted> _minted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _oidcTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _imdsTokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    private readonly SignatureChecker _signatures;
    private int _count;

    internal EmulatorIdentity(TimeProvider clock, SignatureChecker signatures)
    {
        _clock = clock;
        _signatures = signatures;
    }

    /// <summary>The root of the identity front, for example <c>http://127.0.0.1:5082/</c>: STS at the root, the metadata service under <c>/latest/</c>.</summary>
    public Uri Endpoint { get; internal set; } = null!;

    /// <summary>The credentials URI it serves.</summary>
    public Uri CredentialsUri => new(Endpoint, "credentials");

    /// <summary>
    /// How long minted credentials last. Null (the default): what STS was asked for (<c>DurationSeconds</c>), one hour
    /// from the metadata service and the URI. Set it short to see an application renew them.
    /// </summary>
    public TimeSpan? CredentialLifetime { get; set; }

    /// <summary>How many credentials it has minted.</summary>
    public int MintedCount => Volatile.Read(ref _count);

    /// <summary>An OIDC token (as ACK writes to a pod's token file) that <c>AssumeRoleWithOIDC</c> accepts for <paramref name="lifetime"/> (default a day).</summary>
    public string IssueOidcToken(TimeSpan? lifetime = null)
    {
        var token = "emulator-oidc." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        _oidcTokens[token] = _clock.GetUtcNow() + (lifetime ?? TimeSpan.FromDays(1));
        return token;
    }

    /// <summary>A minted credential by its key ID, whether or not it has expired.</summary>
    internal bool TryFind(string accessKeyId, out EmulatorCredential credential, out bool expired)
    {
        if (_minted.TryGetValue(accessKeyId, out var minted))
        {
            (credential, expired) = (minted.Credential, _clock.GetUtcNow() >= minted.Expiration);
            return true;
        }

        (credential, expired) = (null!, false);
        return false;
    }

    internal async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        if (path.StartsWith("/latest/", StringComparison.Ordinal))
        {
            await MetadataAsync(context, path).ConfigureAwait(false);
        }
        else if (path == "/credentials" && HttpMethods.IsGet(request.Method))
        {
            await WriteAsync(context, 200, Fields(Mint(TimeSpan.FromHours(1)), new JsonObject { ["Code"] = "Success" })).ConfigureAwait(false);
        }
        else if (path == "/" && HttpMethods.IsPost(request.Method))
        {
            await StsAsync(context).ConfigureAwait(false);
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private async Task StsAsync(HttpContext context)
    {
        var sts = await EmulatorRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var p = sts.Parameters;
        var requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        var action = p.GetValueOrDefault("Action");
        GatewayError? error = p.GetValueOrDefault("Version") != "2015-04-01" || action is not ("AssumeRole" or "AssumeRoleWithOIDC")
            ? GatewayError.UnknownAction()
            : Missing(p, "RoleArn", "RoleSessionName");
        if (error is null && action == "AssumeRole")
        {
            error = _signatures.Check(sts, _clock.GetUtcNow(), out _);
        }
        else if (error is null)
        {
            error = Missing(p, "OIDCProviderArn", "OIDCToken")
                ?? (_oidcTokens.TryGetValue(p["OIDCToken"], out var until) && _clock.GetUtcNow() < until
                    ? null
                    : new GatewayError(400, "InvalidParameter.OIDCToken.Invalid", "The OIDC token is not one the emulator issued, or it expired."));
        }

        var seconds = MinimumDurationSeconds * 4;
        if (error is null && p.TryGetValue("DurationSeconds", out var duration)
            && !(int.TryParse(duration, NumberStyles.None, CultureInfo.InvariantCulture, out seconds) && seconds is >= MinimumDurationSeconds and <= 43200))
        {
            error = new GatewayError(400, "InvalidParameter.DurationSeconds", "DurationSeconds must be from 900 to 43200.");
        }

        if (error is not null)
        {
            await WriteAsync(context, error.Status, new JsonObject { ["RequestId"] = requestId, ["HostId"] = "sts.aliyuncs.com", ["Code"] = error.Code, ["Message"] = error.Message }).ConfigureAwait(false);
            return;
        }

        var minted = Mint(TimeSpan.FromSeconds(p.ContainsKey("DurationSeconds") ? seconds : 3600));
        await WriteAsync(context, 200, new JsonObject
        {
            ["RequestId"] = requestId,
            ["AssumedRoleUser"] = new JsonObject { ["Arn"] = p["RoleArn"] + "/" + p["RoleSessionName"], ["AssumedRoleId"] = "3" + minted.Credential.AccessKeyId[4..] },
            ["Credentials"] = Fields(minted, new JsonObject()),
        }).ConfigureAwait(false);
    }

    // IMDSv2: a session token first; a request that carries one must carry a live one. Plain requests are answered too.
    private async Task MetadataAsync(HttpContext context, string path)
    {
        var request = context.Request;
        if (path == "/latest/api/token" && HttpMethods.IsPut(request.Method))
        {
            if (!int.TryParse(request.Headers["X-aliyun-ecs-metadata-token-ttl-seconds"], NumberStyles.None, CultureInfo.InvariantCulture, out var ttl) || ttl is < 1 or > 21600)
            {
                context.Response.StatusCode = 400;
                return;
            }

            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            _imdsTokens[token] = _clock.GetUtcNow().AddSeconds(ttl);
            await context.Response.WriteAsync(token).ConfigureAwait(false);
            return;
        }

        var presented = request.Headers["X-aliyun-ecs-metadata-token"].ToString();
        if (presented.Length > 0 && !(_imdsTokens.TryGetValue(presented, out var until) && _clock.GetUtcNow() < until))
        {
            context.Response.StatusCode = 401;
            return;
        }

        const string Roles = "/latest/meta-data/ram/security-credentials/";
        if (path == Roles)
        {
            await context.Response.WriteAsync(InstanceRole).ConfigureAwait(false);
        }
        else if (path == Roles + InstanceRole)
        {
            await WriteAsync(context, 200, Fields(Mint(TimeSpan.FromHours(1)), new JsonObject { ["Code"] = "Success", ["LastUpdated"] = Format(_clock.GetUtcNow()) })).ConfigureAwait(false);
        }
        else
        {
            context.Response.StatusCode = 404;
        }
    }

    private Minted Mint(TimeSpan requested)
    {
        var n = Interlocked.Increment(ref _count);
        var credential = new EmulatorCredential(
            "STS.emulator" + n.ToString("D6", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)),
            Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20)),
            "emulator-sts-token." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
        var minted = new Minted(credential, _clock.GetUtcNow() + (CredentialLifetime ?? requested));
        _minted[credential.AccessKeyId] = minted;
        return minted;
    }

    private static JsonObject Fields(Minted minted, JsonObject into)
    {
        into["AccessKeyId"] = minted.Credential.AccessKeyId;
        into["AccessKeySecret"] = minted.Credential.AccessKeySecret;
        into["SecurityToken"] = minted.Credential.SecurityToken;
        into["Expiration"] = Format(minted.Expiration);
        return into;
    }

    private static GatewayError? Missing(Dictionary<string, string> parameters, params string[] names)
        => names.FirstOrDefault(n => string.IsNullOrEmpty(parameters.GetValueOrDefault(n))) is { } missing ? GatewayError.MissingParameter(missing) : null;

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static Task WriteAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private sealed record Minted(EmulatorCredential Credential, DateTimeOffset Expiration);
}
