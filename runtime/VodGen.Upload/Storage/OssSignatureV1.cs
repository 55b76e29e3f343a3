using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace VodGen.Upload.Storage;

/// <summary>
/// The storage service's header signature V1: <c>Authorization: OSS {AccessKeyId}:{Base64(HMAC-SHA1(secret, StringToSign))}</c>,
/// where StringToSign is the verb, Content-MD5, Content-Type and Date lines, the <c>x-oss-*</c> headers and the
/// resource <c>/bucket/key</c> with its signed sub-resources.
/// </summary>
internal static class OssSignatureV1
{
    // Sub-resources that are part of the signed resource; others (max-parts, part-number-marker) are not.
    private static readonly HashSet<string> SignedSubResources = new(StringComparer.Ordinal)
    {
        "acl", "uploads", "location", "cors", "logging", "website", "referer", "lifecycle", "delete", "append", "tagging",
        "objectMeta", "uploadId", "partNumber", "security-token", "position", "img", "style", "styleName", "replication",
        "replicationProgress", "replicationLocation", "cname", "bucketInfo", "comp", "qos", "live", "status", "vod",
        "startTime", "endTime", "symlink", "x-oss-process", "response-content-type", "response-content-language",
        "response-expires", "response-cache-control", "response-content-disposition", "response-content-encoding",
        "udf", "udfName", "udfImage", "udfId", "udfImageDesc", "udfApplication", "udfApplicationLog", "restore",
        "callback", "callback-var", "policy", "stat", "encryption", "versions", "versioning", "versionId",
    };

    public static string StringToSign(string verb, OssSignedRequest request)
    {
        var builder = new StringBuilder(256)
            .Append(verb).Append('\n')
            .Append(request.Header("content-md5")).Append('\n')
            .Append(request.Header("content-type")).Append('\n')
            .Append(request.Header("date")).Append('\n');
        foreach (var (name, value) in request.Headers.Where(h => h.Name.StartsWith("x-oss-", StringComparison.Ordinal)).OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(name).Append(':').Append(value.Trim()).Append('\n');
        }

        builder.Append('/').Append(request.Bucket).Append('/').Append(request.Key);
        var separator = '?';
        foreach (var (name, value) in request.Query.Where(q => SignedSubResources.Contains(q.Name)).OrderBy(q => q.Name, StringComparer.Ordinal))
        {
            builder.Append(separator).Append(name);
            if (value is not null)
            {
                builder.Append('=').Append(value);
            }

            separator = '&';
        }

        return builder.ToString();
    }

    public static string Authorization(string verb, OssSignedRequest request, string accessKeyId, string accessKeySecret)
    {
        var signature = HMACSHA1.HashData(Encoding.UTF8.GetBytes(accessKeySecret), Encoding.UTF8.GetBytes(StringToSign(verb, request)));
        return "OSS " + accessKeyId + ":" + Convert.ToBase64String(signature);
    }
}
