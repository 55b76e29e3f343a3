using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace VodGen.Emulator.Storage;

/// <summary>
/// Checks storage request signatures as the storage service does, V1 (<c>OSS ak:signature</c>) and V4
/// (<c>OSS4-HMAC-SHA256</c>). Written from the published rules, apart from the uploader's signer, so that a mistake
/// in one is not hidden by the same mistake in the other.
/// </summary>
internal static class StorageSignatureChecker
{
    private static readonly string[] V1SubResources = { "acl", "uploads", "uploadId", "partNumber", "append", "position", "security-token", "tagging", "versionId", "restore", "symlink" };

    /// <summary>The AccessKeyId the request claims, and how it is signed; null when it is not signed at all.</summary>
    public static (string AccessKeyId, bool V4)? Claim(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("OSS4-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            var credential = Field(authorization, "Credential");
            return credential is null ? null : (credential.Split('/')[0], true);
        }

        if (authorization.StartsWith("OSS ", StringComparison.Ordinal) && authorization.IndexOf(':') > 4)
        {
            return (authorization[4..authorization.IndexOf(':')], false);
        }

        return null;
    }

    /// <summary>The request's time (x-oss-date, or Date for V1), or null when absent or malformed.</summary>
    public static DateTimeOffset? RequestTime(HttpRequest request, bool v4)
    {
        var text = request.Headers["x-oss-date"].ToString();
        if (v4)
        {
            return DateTimeOffset.TryParseExact(text, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
        }

        if (text.Length == 0)
        {
            text = request.Headers.Date.ToString();
        }

        return DateTimeOffset.TryParseExact(text, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ? date : null;
    }

    /// <summary>Whether the signature is the one <paramref name="secret"/> gives for <paramref name="bucket"/>/<paramref name="key"/>.</summary>
    public static bool Verify(HttpRequest request, bool v4, string bucket, string key, string secret, string region)
    {
        var authorization = request.Headers.Authorization.ToString();
        string expected;
        string given;
        if (v4)
        {
            var credential = Field(authorization, "Credential") ?? string.Empty;
            var scope = credential.Contains('/') ? credential[(credential.IndexOf('/') + 1)..] : string.Empty;
            var parts = scope.Split('/');
            if (parts.Length != 4 || parts[1] != region || parts[2] != "oss" || parts[3] != "aliyun_v4_request")
            {
                return false;
            }

            given = Field(authorization, "Signature") ?? string.Empty;
            var canonical = CanonicalRequestV4(request, bucket, key);
            var toSign = "OSS4-HMAC-SHA256\n" + request.Headers["x-oss-date"] + "\n" + scope + "\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
            var signingKey = Encoding.UTF8.GetBytes("aliyun_v4" + secret);
            foreach (var step in new[] { parts[0], parts[1], "oss", "aliyun_v4_request" })
            {
                signingKey = HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(step));
            }

            expected = Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(toSign)));
        }
        else
        {
            given = authorization[(authorization.IndexOf(':') + 1)..];
            expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(StringToSignV1(request, bucket, key))));
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(given));
    }

    private static string StringToSignV1(HttpRequest request, string bucket, string key)
    {
        var text = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(request.Headers["Content-MD5"]).Append('\n')
            .Append(request.Headers.ContentType).Append('\n')
            // Browsers cannot set Date: the storage service then signs (and checks) x-oss-date in its place.
            .Append(request.Headers.Date.Count > 0 ? request.Headers.Date.ToString() : request.Headers["x-oss-date"].ToString()).Append('\n');
        foreach (var header in request.Headers.Where(h => h.Key.StartsWith("x-oss-", StringComparison.OrdinalIgnoreCase)).OrderBy(h => h.Key.ToLowerInvariant(), StringComparer.Ordinal))
        {
            text.Append(header.Key.ToLowerInvariant()).Append(':').Append(header.Value.ToString().Trim()).Append('\n');
        }

        text.Append('/').Append(bucket).Append('/').Append(key);
        var signed = request.Query.Where(q => V1SubResources.Contains(q.Key)).OrderBy(q => q.Key, StringComparer.Ordinal).ToList();
        for (var i = 0; i < signed.Count; i++)
        {
            text.Append(i == 0 ? '?' : '&').Append(signed[i].Key);
            if (signed[i].Value.ToString().Length > 0)
            {
                text.Append('=').Append(signed[i].Value);
            }
        }

        return text.ToString();
    }

    private static string CanonicalRequestV4(HttpRequest request, string bucket, string key)
    {
        var query = request.Query
            .SelectMany(q => q.Value.Select(v => (Name: Encode(q.Key, false), Value: Encode(v ?? string.Empty, false))))
            .OrderBy(q => q.Name, StringComparer.Ordinal)
            .Select(q => q.Value.Length == 0 ? q.Name : q.Name + "=" + q.Value);
        var headers = request.Headers
            .Where(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase) || h.Key.Equals("Content-MD5", StringComparison.OrdinalIgnoreCase) || h.Key.StartsWith("x-oss-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Key.ToLowerInvariant(), Value: h.Value.ToString().Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal)
            .Select(h => h.Name + ":" + h.Value + "\n");
        return request.Method + "\n" + Encode("/" + bucket + "/" + key, true) + "\n" + string.Join("&", query) + "\n" + string.Concat(headers) + "\n\n" + "UNSIGNED-PAYLOAD";
    }

    // RFC 3986 (Uri.EscapeDataString), with the slashes between path segments kept.
    private static string Encode(string text, bool path)
        => path ? string.Join('/', text.Split('/').Select(Uri.EscapeDataString)) : Uri.EscapeDataString(text);

    private static string? Field(string authorization, string name)
    {
        foreach (var part in authorization[(authorization.IndexOf(' ') + 1)..].Split(','))
        {
            var trimmed = part.Trim();
            if (trimmed.StartsWith(name + "=", StringComparison.Ordinal))
            {
                return trimmed[(name.Length + 1)..];
            }
        }

        return null;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
