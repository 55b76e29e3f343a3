using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VodGen.Emulator.Gateway;

namespace VodGen.Emulator.Media;

/// <summary>
/// The upload operations over the media store: upload addresses with real Base64 JSON credentials, the checks
/// the service makes on names and text, and URL fetch jobs (which complete at once in the emulator).
/// </summary>
internal static class UploadOperations
{
    private static readonly TimeSpan CredentialLifetime = TimeSpan.FromSeconds(3000);

    private static readonly HashSet<string> MediaExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".3gp", ".asf", ".avi", ".dat", ".dv", ".flv", ".f4v", ".gif", ".m2t", ".m3u8", ".m4v", ".mj2", ".mjpeg", ".mkv", ".mov", ".mp4",
        ".mpe", ".mpg", ".mpeg", ".mts", ".ogg", ".qt", ".rm", ".rmvb", ".swf", ".ts", ".vob", ".wmv", ".webm",
        ".aac", ".ac3", ".acm", ".amr", ".ape", ".caf", ".flac", ".m4a", ".mp3", ".ra", ".wav", ".wma",
    };

    private static readonly Dictionary<string, string[]> AttachedExtensions = new(StringComparer.Ordinal)
    {
        ["watermark"] = ["png", "gif", "apng", "mov"],
        ["subtitle"] = ["srt", "ass", "stl", "ttml", "vtt"],
        ["material"] = ["jpg", "gif", "png", "mp4", "mat", "zip", "apk"],
    };

    public static OperationResult CreateUploadVideo(OperationContext context)
    {
        var fileName = context.Parameters["FileName"];
        if (!MediaExtensions.Contains(Path.GetExtension(fileName)))
        {
            return new GatewayError(400, "InvalidFileName.Extension", "The specified FileName’s extension is illegal.");
        }

        if (CheckText(context, ("Title", 128), ("Description", 1024), ("Tags", 1024)) is { } textError)
        {
            return textError;
        }

        if (context.List("Tags").Length > 16)
        {
            return new GatewayError(400, "TagsExceededMax", "The specified Tags count has exceeded 16.");
        }

        if (context.Text("TemplateGroupId") is { } group && !context.Store.HasTemplateGroup(group))
        {
            return new GatewayError(404, "InvalidTemplateGroupId.NotFound", "The TemplateGroupId does not exist.");
        }

        if (CheckStorage(context) is { } storageError)
        {
            return storageError;
        }

        var video = context.Store.Create(context.Parameters["Title"], fileName, context.Now, context.Text("Description"));
        video = context.Store.Update(video.VideoId, v => v with { Tags = context.Text("Tags"), CateId = context.Text("CateId") is null ? null : context.Number("CateId", 0), CoverUrl = context.Text("CoverURL"), UserData = context.Text("UserData") });
        var answer = UploadAnswer(video.StorageEndpoint, video.Bucket, video.ObjectKey, context);
        answer["VideoId"] = video.VideoId;
        return answer;
    }

    public static OperationResult RefreshUploadVideo(OperationContext context)
    {
        var video = context.Store.Find(context.Parameters["VideoId"]);
        if (video is null)
        {
            return new GatewayError(404, "InvalidVideo.NotFound", "The video not exist.");
        }

        if (video.Damaged)
        {
            return new GatewayError(400, "InvalidVideo.Damaged", "The video has been Damaged.");
        }

        var answer = UploadAnswer(video.StorageEndpoint, video.Bucket, video.ObjectKey, context);
        answer["VideoId"] = video.VideoId;
        return answer;
    }

    public static OperationResult CreateUploadImage(OperationContext context)
    {
        if (CheckText(context, ("Title", 128), ("Description", 1024)) is { } textError)
        {
            return textError;
        }

        var asset = context.Store.AddAsset("image", context.Parameters["ImageType"], context.Text("Title") ?? string.Empty, context.Text("ImageExt") ?? "png", context.Now);
        return AssetAnswer(asset, "ImageId", "ImageURL", context);
    }

    public static OperationResult CreateUploadAttachedMedia(OperationContext context)
    {
        var businessType = context.Parameters["BusinessType"];
        var extension = context.Parameters["MediaExt"].ToLowerInvariant();
        if (!AttachedExtensions[businessType].Contains(extension))
        {
            return GatewayError.InvalidParameter("MediaExt", $"'{extension}' is not a {businessType} format");
        }

        if (CheckText(context, ("Title", 128), ("Description", 1024)) is { } textError)
        {
            return textError;
        }

        var asset = context.Store.AddAsset("attached", businessType, context.Text("Title") ?? string.Empty, extension, context.Now);
        return AssetAnswer(asset, "MediaId", "MediaURL", context);
    }

    public static OperationResult UploadMediaByURL(OperationContext context)
    {
        var urls = context.List("UploadURLs");
        if (context.TooMany("UploadURLs", 20) is { } tooMany)
        {
            return tooMany;
        }

        var jobs = new JsonArray();
        foreach (var encoded in urls)
        {
            var url = Uri.UnescapeDataString(encoded);
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                return GatewayError.InvalidParameter("UploadURLs", "every entry must be an http or https address");
            }

            var job = context.Store.AddUrlJob(url, context.Text("UserData") ?? string.Empty, context.Now);
            jobs.Add(new JsonObject { ["JobId"] = job.JobId, ["SourceURL"] = url });
        }

        return new JsonObject { ["UploadJobs"] = jobs };
    }

    public static OperationResult GetURLUploadInfos(OperationContext context)
    {
        if ((context.TooMany("JobIds", 10) ?? context.TooMany("UploadURLs", 10)) is { } tooMany)
        {
            return tooMany;
        }

        var byJob = context.List("JobIds");
        var keys = byJob.Length > 0 ? byJob : context.List("UploadURLs").Select(Uri.UnescapeDataString).ToArray();
        if (keys.Length == 0)
        {
            return GatewayError.MissingParameter("JobIds");
        }

        var found = new JsonArray();
        var missing = new List<string>();
        foreach (var key in keys)
        {
            var jobs = byJob.Length > 0
                ? context.Store.FindUrlJob(key) is { } one ? [one] : Array.Empty<UrlUploadJob>()
                : context.Store.UrlJobs.Where(j => j.UploadUrl == key).ToArray();
            if (jobs.Length == 0)
            {
                missing.Add(key);
            }

            foreach (var job in jobs)
            {
                var video = context.Store.Find(job.MediaId);
                found.Add(new JsonObject
                {
                    ["JobId"] = job.JobId,
                    ["UploadURL"] = job.UploadUrl,
                    ["MediaId"] = job.MediaId,
                    ["Status"] = "SUCCESS",
                    ["FileSize"] = (video?.Size ?? 0).ToString(CultureInfo.InvariantCulture),
                    ["CreationTime"] = MediaStore.Timestamp(job.CreationTime),
                    ["CompleteTime"] = MediaStore.Timestamp(job.CreationTime),
                    ["UserData"] = job.UserData,
                });
            }
        }

        return new JsonObject { ["URLUploadInfoList"] = found, ["NonExists"] = MediaJson.Strings(missing) };
    }

    /// <summary>The service's text checks: no emoji or other symbols, and limits counted in UTF-8 bytes.</summary>
    internal static GatewayError? CheckText(OperationContext context, params (string Name, int MaxBytes)[] fields)
    {
        foreach (var (name, maxBytes) in fields)
        {
            if (context.Text(name) is not { } text)
            {
                continue;
            }

            if (text.Any(c => char.IsSurrogate(c) || char.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol))
            {
                return new GatewayError(400, "IllegalCharacters", $"The specified {name} contains illegal emoticon or special characters.");
            }

            if (Encoding.UTF8.GetByteCount(text) > maxBytes)
            {
                return new GatewayError(400, "LengthExceededMax", $"The specified {name} length has exceeded {maxBytes} bytes.");
            }
        }

        return null;
    }

    private static GatewayError? CheckStorage(OperationContext context)
        => context.Text("StorageLocation") is { } storage && storage != context.Store.StorageHost
            ? new GatewayError(404, "InvalidStorage.NotFound", "The StorageLocation does not exist.")
            : null;

    private static JsonObject AssetAnswer(MediaAsset asset, string idField, string urlField, OperationContext context)
    {
        var answer = UploadAnswer($"https://oss-{context.RegionId}.aliyuncs.com", context.Store.StorageHost.Split('.')[0], asset.ObjectKey, context);
        answer[idField] = asset.MediaId;
        answer[urlField] = asset.Url;
        answer["FileURL"] = asset.Url;
        return answer;
    }

    // The same upload address every time; a fresh temporary credential every time.
    private static JsonObject UploadAnswer(string endpoint, string bucket, string objectKey, OperationContext context)
    {
        var address = new JsonObject { ["Endpoint"] = endpoint, ["Bucket"] = bucket, ["FileName"] = objectKey };

        // A credential the storage front accepts for this one object, expiring on the emulator's clock.
        var minted = context.Store.Storage?.Mint(bucket, objectKey, context.Now);
        var lifetime = context.Store.Storage?.CredentialLifetime ?? CredentialLifetime;
        var auth = new JsonObject
        {
            ["SecurityToken"] = minted?.SecurityToken ?? "CAIS" + MediaStore.NewHex(48),
            ["AccessKeyId"] = minted?.AccessKeyId ?? "STS.NT" + MediaStore.NewHex(10),
            ["ExpireUTCTime"] = MediaStore.Timestamp(context.Now + lifetime),
            ["AccessKeySecret"] = minted?.AccessKeySecret ?? MediaStore.NewHex(20),
            ["Expiration"] = ((int)lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["Region"] = context.RegionId,
        };
        return new JsonObject { ["UploadAddress"] = Base64(address), ["UploadAuth"] = Base64(auth) };
    }

    private static string Base64(JsonObject value) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value));
}
