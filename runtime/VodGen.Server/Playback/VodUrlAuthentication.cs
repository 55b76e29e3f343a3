using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VodGen.Server.Playback;

/// <summary>
/// URL authentication of VOD (and CDN) domains: a playback URL carries a signature made with the domain's private key
/// and a time, and the edge refuses it without one or after it expires. VOD domains use type A; B and C are here for
/// domains set up that way. Keys are never part of an error message.
/// </summary>
public static class VodUrlAuthentication
{
    // Type B's timestamp is the wall clock of UTC+8 (China Standard Time), whatever the domain's region.
    private static readonly TimeSpan TypeBOffset = TimeSpan.FromHours(8);

    /// <summary>
    /// Type A: appends <c>auth_key={timestamp}-{rand}-{uid}-{md5("{path}-{timestamp}-{rand}-{uid}-{key}")}</c>, where
    /// the timestamp is when the URL stops working (VOD's convention) in Unix seconds and the path excludes the query.
    /// </summary>
    /// <param name="url">An absolute http(s) URL; a query it has is kept.</param>
    /// <param name="privateKey">The domain's primary (or secondary) key.</param>
    /// <param name="expiresAt">When the URL stops working.</param>
    /// <param name="rand">A random value without hyphens (default: a new one), or <c>0</c>.</param>
    /// <param name="uid">The user ID field; <c>0</c> unless the domain uses it.</param>
    public static string SignTypeA(string url, string privateKey, DateTimeOffset expiresAt, string? rand = null, string uid = "0")
    {
        var uri = Check(url, privateKey);
        rand ??= Guid.NewGuid().ToString("N");
        if (rand.Contains('-', StringComparison.Ordinal) || uid.Contains('-', StringComparison.Ordinal))
        {
            throw new ArgumentException("rand and uid must not contain '-': it separates the fields of auth_key.");
        }

        var timestamp = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var hash = Md5Hex($"{uri.AbsolutePath}-{timestamp}-{rand}-{uid}-{privateKey}");
        var separator = string.IsNullOrEmpty(uri.Query) ? "?" : "&";
        return $"{uri.GetLeftPart(UriPartial.Query)}{separator}auth_key={timestamp}-{rand}-{uid}-{hash}{uri.Fragment}";
    }

    /// <summary>Type B: <c>http://domain/{yyyyMMddHHmm}/{md5(key + yyyyMMddHHmm + path)}/path</c>, the time being when the URL was signed (UTC+8 wall clock).</summary>
    public static string SignTypeB(string url, string privateKey, DateTimeOffset signedAt)
    {
        var uri = Check(url, privateKey);
        var timestamp = signedAt.ToOffset(TypeBOffset).ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        return $"{uri.GetLeftPart(UriPartial.Authority)}/{timestamp}/{Md5Hex(privateKey + timestamp + uri.AbsolutePath)}{uri.AbsolutePath}{uri.Query}";
    }

    /// <summary>Type C: <c>http://domain/{md5(key + path + hexTime)}/{hexTime}/path</c>, hexTime being when the URL was signed in Unix seconds, upper-case hex.</summary>
    public static string SignTypeC(string url, string privateKey, DateTimeOffset signedAt)
    {
        var uri = Check(url, privateKey);
        var hexTime = signedAt.ToUnixTimeSeconds().ToString("X", CultureInfo.InvariantCulture);
        return $"{uri.GetLeftPart(UriPartial.Authority)}/{Md5Hex(privateKey + uri.AbsolutePath + hexTime)}/{hexTime}{uri.AbsolutePath}{uri.Query}";
    }

    internal static string Md5Hex(string text) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private static Uri Check(string url, string privateKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(privateKey);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{(url.Length <= 100 ? url : url[..100] + "…")}' is not an absolute http(s) URL.", nameof(url));
        }

        if (uri.Query.Contains("auth_key=", StringComparison.Ordinal))
        {
            throw new ArgumentException("The URL is signed already (it has an auth_key).", nameof(url));
        }

        return uri;
    }
}
