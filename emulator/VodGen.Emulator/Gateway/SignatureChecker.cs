using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VodGen.Emulator.Gateway;

/// <summary>Who signed a request and how, once the gateway accepted it.</summary>
internal sealed record CallerIdentity(string AccessKeyId, string SignatureVersion, string Action, string Version, string Nonce);

/// <summary>
/// Verifies requests as the gateway does: V1 (HMAC-SHA1 over the sorted, encoded parameters) or V3
/// (ACS3-HMAC-SHA256 over the canonical request), the timestamp window, the key and its STS token.
/// Written independently of the client runtime's signer.
/// </summary>
internal sealed class SignatureChecker
{
    public static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);
    private static readonly string[] RequiredV3Headers = { "host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version" };
    private static readonly string[] RepeatableNever = { "Authorization", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256", "x-acs-security-token", "Host" };
    private readonly IReadOnlyDictionary<string, EmulatorCredential> _credentials;

    public SignatureChecker(IEnumerable<EmulatorCredential> credentials)
        => _credentials = credentials.ToDictionary(c => c.AccessKeyId, StringComparer.Ordinal);

    /// <summary>Where minted STS credentials are looked up (accepted until they expire), once the identity front exists.</summary>
    public Identity.EmulatorIdentity? Identity { get; set; }

    // A configured key, or a minted one that has not expired.
    internal GatewayError? Find(string accessKeyId, out EmulatorCredential credential)
    {
        if (_credentials.TryGetValue(accessKeyId, out credential!))
        {
            return null;
        }

        if (Identity is { } identity && identity.TryFind(accessKeyId, out credential, out var expired))
        {
            return expired ? GatewayError.TokenExpired() : null;
        }

        return GatewayError.UnknownAccessKey();
    }

    public GatewayError? Check(EmulatorRequest request, DateTimeOffset now, out CallerIdentity? caller)
    {
        caller = null;

        // A repeated signing header is ambiguous (which one was signed?), so the gateway refuses it outright.
        foreach (var name in RepeatableNever)
        {
            if (request.Http.Headers[name].Count > 1)
            {
                return GatewayError.IncompleteSignature($"the {name} header is given more than once");
            }
        }

        var authorization = request.Header("Authorization");
        return authorization.StartsWith("ACS3-HMAC-SHA256", StringComparison.Ordinal)
            ? CheckV3(request, authorization, now, out caller)
            : CheckV1(request, now, out caller);
    }

    private GatewayError? CheckV1(EmulatorRequest request, DateTimeOffset now, out CallerIdentity? caller)
    {
        caller = null;
        var p = request.Parameters;
        foreach (var name in new[] { "AccessKeyId", "Action", "Version", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature" })
        {
            if (!p.ContainsKey(name))
            {
                return name is "Signature" or "SignatureMethod" or "SignatureNonce" or "SignatureVersion"
                    ? GatewayError.IncompleteSignature($"{name} is missing")
                    : GatewayError.MissingParameter(name);
            }
        }

        if (p["SignatureMethod"] != "HMAC-SHA1" || p["SignatureVersion"] != "1.0")
        {
            return GatewayError.IncompleteSignature("only SignatureMethod HMAC-SHA1 with SignatureVersion 1.0 is accepted");
        }

        if (CheckTime(p["Timestamp"], now) is { } timeError)
        {
            return timeError;
        }

        if (Find(p["AccessKeyId"], out var credential) is { } keyError)
        {
            return keyError;
        }

        var canonical = Canonicalize(request.All.Where(pair => pair.Key != "Signature"));
        var stringToSign = request.Method + "&" + Encode("/") + "&" + Encode(canonical);
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(credential.AccessKeySecret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
        if (!FixedTimeEquals(expected, p["Signature"]))
        {
            return GatewayError.SignatureDoesNotMatch(stringToSign);
        }

        if (credential.SecurityToken != p.GetValueOrDefault("SecurityToken"))
        {
            return GatewayError.TokenMismatch();
        }

        caller = new CallerIdentity(credential.AccessKeyId, "V1", p["Action"], p["Version"], p["SignatureNonce"]);
        return null;
    }

    private GatewayError? CheckV3(EmulatorRequest request, string authorization, DateTimeOffset now, out CallerIdentity? caller)
    {
        caller = null;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in authorization["ACS3-HMAC-SHA256".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2))
            .Where(f => f.Length == 2))
        {
            // Two Authorization headers joined by a proxy, or one that names a field twice: which one was meant?
            if (!fields.TryAdd(field[0].Trim(), field[1].Trim()))
            {
                return GatewayError.IncompleteSignature($"the Authorization header gives {field[0].Trim()} more than once");
            }
        }
        if (!fields.TryGetValue("Credential", out var keyId) || !fields.TryGetValue("SignedHeaders", out var signedList) || !fields.TryGetValue("Signature", out var signature))
        {
            return GatewayError.IncompleteSignature("the Authorization header needs Credential, SignedHeaders and Signature");
        }

        var signed = signedList.Split(';');
        var missing = RequiredV3Headers.Where(h => !signed.Contains(h) || (h != "host" && request.Header(h).Length == 0)).ToList();
        if (request.Header("x-acs-security-token").Length > 0 && !signed.Contains("x-acs-security-token"))
        {
            missing.Add("x-acs-security-token");
        }

        if (missing.Count > 0)
        {
            return GatewayError.IncompleteSignature("these headers must be sent and signed: " + string.Join(", ", missing));
        }

        if (CheckTime(request.Header("x-acs-date"), now) is { } timeError)
        {
            return timeError;
        }

        if (Find(keyId, out var credential) is { } keyError)
        {
            return keyError;
        }

        var payloadHash = Convert.ToHexStringLower(SHA256.HashData(request.Body));
        if (!string.Equals(payloadHash, request.Header("x-acs-content-sha256"), StringComparison.Ordinal))
        {
            return GatewayError.IncompleteSignature("x-acs-content-sha256 is not the SHA-256 of the body");
        }

        var headers = new StringBuilder();
        foreach (var name in signed.Order(StringComparer.Ordinal))
        {
            var value = name == "host" ? request.Http.Host.Value ?? string.Empty : request.Header(name);
            headers.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        var canonicalRequest = request.Method + "\n/\n" + Canonicalize(request.Query) + "\n" + headers + "\n" + string.Join(';', signed.Order(StringComparer.Ordinal)) + "\n" + payloadHash;
        var stringToSign = "ACS3-HMAC-SHA256\n" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)));
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(credential.AccessKeySecret), Encoding.UTF8.GetBytes(stringToSign)));
        if (!FixedTimeEquals(expected, signature))
        {
            return GatewayError.SignatureDoesNotMatch(stringToSign);
        }

        var token = request.Header("x-acs-security-token");
        if (credential.SecurityToken != (token.Length == 0 ? null : token))
        {
            return GatewayError.TokenMismatch();
        }

        caller = new CallerIdentity(credential.AccessKeyId, "V3", request.Header("x-acs-action"), request.Header("x-acs-version"), request.Header("x-acs-signature-nonce"));
        return null;
    }

    private static GatewayError? CheckTime(string text, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
        {
            return GatewayError.TimestampFormat();
        }

        return (now - time).Duration() > AllowedSkew ? GatewayError.TimestampExpired() : null;
    }

    // Sorted by name, then value; names and values encoded as the signature rules require.
    private static string Canonicalize(IEnumerable<KeyValuePair<string, string>> pairs)
        => string.Join('&', pairs
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => Encode(p.Key) + "=" + Encode(p.Value)));

    private static string Encode(string value) => Uri.EscapeDataString(value);

    private static bool FixedTimeEquals(string expected, string actual)
        => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
