using System;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace VodGen.Upload.Storage;

/// <summary>
/// The storage service's header signature V4 (<c>OSS4-HMAC-SHA256</c>): a canonical request over the path
/// <c>/bucket/key</c>, every query parameter, <c>content-type</c>, <c>content-md5</c> and the <c>x-oss-*</c>
/// headers, with an unsigned payload; the signing key is derived from the secret, the day, the region and the service.
/// </summary>
internal static class OssSignatureV4
{
    public const string Algorithm = "OSS4-HMAC-SHA256";
    public const string UnsignedPayload = "UNSIGNED-PAYLOAD";

    /// <summary>The <c>x-oss-date</c> form of a time: <c>yyyyMMddTHHmmssZ</c>.</summary>
    public static string DateTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public static string CanonicalRequest(string verb, OssSignedRequest request)
    {
        var builder = new StringBuilder(512)
            .Append(verb).Append('\n')
            .Append(OssEncoding.Path("/" + request.Bucket + "/" + request.Key)).Append('\n');
        var query = request.Query
            .Select(q => (Name: OssEncoding.Component(q.Name), Value: q.Value is null ? null : OssEncoding.Component(q.Value)))
            .OrderBy(q => q.Name, StringComparer.Ordinal)
            .Select(q => q.Value is null || q.Value.Length == 0 ? q.Name : q.Name + "=" + q.Value);
        builder.Append(string.Join('&', query)).Append('\n');
        foreach (var (name, value) in request.Headers
            .Where(h => h.Name is "content-type" or "content-md5" || h.Name.StartsWith("x-oss-", StringComparison.Ordinal))
            .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        // No additional headers are signed: their line is empty.
        return builder.Append('\n').Append('\n').Append(UnsignedPayload).ToString();
    }

    public static string Scope(string day, string region) => day + "/" + region + "/oss/aliyun_v4_request";

    public static string StringToSign(string verb, OssSignedRequest request, string region)
    {
        var date = request.Header("x-oss-date");
        var hash = Hex(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalRequest(verb, request))));
        return Algorithm + "\n" + date + "\n" + Scope(date[..8], region) + "\n" + hash;
    }

    public static string Signature(string verb, OssSignedRequest request, string region, string accessKeySecret)
    {
        var day = request.Header("x-oss-date")[..8];
        var key = HMACSHA256.HashData(Encoding.UTF8.GetBytes("aliyun_v4" + accessKeySecret), Encoding.UTF8.GetBytes(day));
        key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(region));
        key = HMACSHA256.HashData(key, "oss"u8);
        key = HMACSHA256.HashData(key, "aliyun_v4_request"u8);
        return Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(StringToSign(verb, request, region))));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    public static string Authorization(string verb, OssSignedRequest request, string region, string accessKeyId, string accessKeySecret)
        => Algorithm + " Credential=" + accessKeyId + "/" + Scope(request.Header("x-oss-date")[..8], region)
            + ",Signature=" + Signature(verb, request, region, accessKeySecret);
}
