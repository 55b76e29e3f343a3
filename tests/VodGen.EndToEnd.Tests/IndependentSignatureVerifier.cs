using System.Security.Cryptography;
using System.Text;

namespace VodGen.EndToEnd.Tests;

/// <summary>
/// Checks V1 and V3 signatures the straightforward way (decode, sort, re-encode with
/// <see cref="Uri.EscapeDataString(string)"/>, hash), sharing no code with the runtime's signer.
/// </summary>
internal static class IndependentSignatureVerifier
{
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters)
        => string.Join("&", parameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    public static string V1(string method, IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        var stringToSign = method + "&" + Uri.EscapeDataString("/") + "&" + Uri.EscapeDataString(CanonicalQuery(parameters.Where(p => p.Key != "Signature")));
        using var hmac = new HMACSHA1(Encoding.UTF8.GetBytes(secret + "&"));
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string V3(string method, IEnumerable<KeyValuePair<string, string>> query, IReadOnlyList<(string Name, string Value)> signedHeaders, string payloadHash, string secret)
    {
        var canonicalHeaders = string.Concat(signedHeaders.OrderBy(h => h.Name, StringComparer.Ordinal).Select(h => h.Name + ":" + h.Value.Trim() + "\n"));
        var names = string.Join(";", signedHeaders.Select(h => h.Name).OrderBy(n => n, StringComparer.Ordinal));
        var canonicalRequest = method + "\n/\n" + CanonicalQuery(query) + "\n" + canonicalHeaders + "\n" + names + "\n" + payloadHash;
        var hashed = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))).ToLowerInvariant();
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        return Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes("ACS3-HMAC-SHA256\n" + hashed))).ToLowerInvariant();
    }
}
