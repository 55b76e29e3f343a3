using System;
using System.Net;

namespace VodGen.Credentials;

/// <summary>
/// Where credential sources may send requests that carry or return credentials: HTTPS anywhere, plain HTTP only to a
/// loopback address (local testing) or to the ECS metadata service's own link-local address. A host name alone means
/// HTTPS.
/// </summary>
internal static class CredentialEndpoint
{
    /// <summary>The ECS instance metadata service.</summary>
    public static readonly Uri EcsMetadata = new("http://100.100.100.200");

    /// <summary>
    /// Parses <paramref name="value"/> (a host name, or an <c>https://</c> or loopback <c>http://</c> URL) as the root of
    /// an endpoint; <paramref name="what"/> names where it came from in the error.
    /// </summary>
    public static Uri Parse(string value, string what, bool allowEcsMetadata = false)
    {
        var text = value.Trim();
        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0 || !string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new ArgumentException($"{what} '{Shorten(value)}' is not a host name or an http(s) URL.");
        }

        var allowed = uri.Scheme == Uri.UriSchemeHttps
            || (uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (allowEcsMetadata && uri.Host == EcsMetadata.Host)));
        if (!allowed)
        {
            throw new ArgumentException(
                $"{what} '{Shorten(value)}' would send credentials over plain HTTP to {uri.Host}; use HTTPS, or http:// only with a loopback address for local testing.");
        }

        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    /// <summary>Checks a full URL (such as a credentials URI) by the same rule, keeping its path and query.</summary>
    public static Uri ParseUrl(string value, string what)
    {
        _ = Parse(value, what);
        return new Uri(value.Trim(), UriKind.Absolute);
    }

    private static string Shorten(string value) => value.Length <= 80 ? value : value[..80] + "…";
}
