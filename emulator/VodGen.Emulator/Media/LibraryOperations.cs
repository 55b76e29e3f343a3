using System.Globalization;
using System.Text.Json.Nodes;
using VodGen.Emulator.Gateway;

namespace VodGen.Emulator.Media;

/// <summary>Reading, listing, changing and deleting videos in the store.</summary>
internal static class LibraryOperations
{
    internal static readonly GatewayError NotFound = new(404, "InvalidVideo.NotFound", "The video does not exist.");

    public static OperationResult GetVideoInfo(OperationContext context)
        => context.Store.Find(context.Parameters["VideoId"]) is { } video
            ? new JsonObject { ["Video"] = MediaJson.Video(video, context.Store, context.RegionId) }
            : NotFound;

    public static OperationResult GetVideoInfos(OperationContext context)
    {
        if (context.TooMany("VideoIds", 20) is { } tooMany)
        {
            return tooMany;
        }

        var found = new JsonArray();
        var missing = new List<string>();
        foreach (var id in context.List("VideoIds").Distinct(StringComparer.Ordinal))
        {
            if (context.Store.Find(id) is { } video)
            {
                found.Add(MediaJson.Video(video, context.Store, context.RegionId));
            }
            else
            {
                missing.Add(id);
            }
        }

        return new JsonObject { ["VideoList"] = found, ["NonExistVideoIds"] = MediaJson.Strings(missing) };
    }

    public static OperationResult GetVideoList(OperationContext context)
    {
        var statuses = context.List("Status").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var category = context.Text("CateId") is null ? (long?)null : context.Number("CateId", 0);
        var (start, startError) = Time(context, "StartTime");
        var (end, endError) = Time(context, "EndTime");
        if ((startError ?? endError) is { } timeError)
        {
            return timeError;
        }

        if (start is not null && end is not null && end <= start)
        {
            return GatewayError.InvalidParameter("EndTime", "it must be later than StartTime");
        }

        var matches = context.Store.Videos
            .Where(v => statuses.Count == 0 || statuses.Contains(v.Status))
            .Where(v => category is null || v.CateId == category)
            .Where(v => (start is null || v.CreationTime >= start) && (end is null || v.CreationTime <= end));
        var page = Page(Sorted(matches, context.Text("SortBy")), context, defaultSize: 10, out var total);
        return new JsonObject
        {
            ["Total"] = total,
            ["VideoList"] = new JsonObject { ["Video"] = new JsonArray(page.Select(v => (JsonNode?)MediaJson.Video(v, context.Store, context.RegionId)).ToArray()) },
        };
    }

    public static OperationResult UpdateVideoInfo(OperationContext context)
    {
        var id = context.Parameters["VideoId"];
        if (context.Store.Find(id) is null)
        {
            return NotFound;
        }

        if (UploadOperations.CheckText(context, ("Title", 128), ("Description", 1024), ("Tags", 1024)) is { } textError)
        {
            return textError;
        }

        context.Store.Update(id, v => v with
        {
            Title = context.Text("Title") ?? v.Title,
            Description = context.Text("Description") ?? v.Description,
            CoverUrl = context.Text("CoverURL") ?? v.CoverUrl,
            Tags = context.Text("Tags") ?? v.Tags,
            CateId = context.Text("CateId") is null ? v.CateId : context.Number("CateId", 0),
            ModificationTime = context.Now,
        });
        return new JsonObject();
    }

    public static OperationResult DeleteVideo(OperationContext context)
    {
        if (context.TooMany("VideoIds", 20) is { } tooMany)
        {
            return tooMany;
        }

        var missing = context.List("VideoIds").Distinct(StringComparer.Ordinal).Where(id => !context.Store.Remove(id)).ToList();
        return new JsonObject { ["NonExistVideoIds"] = MediaJson.Strings(missing), ["ForbiddenVideoIds"] = new JsonArray() };
    }

    public static OperationResult GetMezzanineInfo(OperationContext context)
    {
        if (context.Store.Find(context.Parameters["VideoId"]) is not { } video)
        {
            return NotFound;
        }

        var uploaded = video.Size > 0;
        var outputType = context.Text("OutputType") ?? "oss";
        var mezzanine = new JsonObject
        {
            ["VideoId"] = video.VideoId,
            ["FileName"] = video.FileName,
            ["FileURL"] = $"{video.StorageEndpoint.Replace("https://", "https://" + video.Bucket + ".", StringComparison.Ordinal)}/{video.ObjectKey}",
            ["Status"] = uploaded ? "Normal" : "Uploading",
            ["CreationTime"] = MediaStore.Timestamp(video.CreationTime),
            ["OutputType"] = outputType,
        };
        if (uploaded)
        {
            mezzanine["Size"] = video.Size;
            mezzanine["Width"] = video.Width;
            mezzanine["Height"] = video.Height;
            mezzanine["Duration"] = video.Duration.ToString("0.0###", CultureInfo.InvariantCulture);
            mezzanine["Bitrate"] = (video.Size * 8 / 1000.0 / video.Duration).ToString("0.0", CultureInfo.InvariantCulture);
            mezzanine["Fps"] = "25";
        }

        return new JsonObject { ["Mezzanine"] = mezzanine };
    }

    internal static IEnumerable<MediaVideo> Sorted(IEnumerable<MediaVideo> videos, string? sortBy)
        => string.Equals(sortBy, "CreationTime:Asc", StringComparison.Ordinal)
            ? videos.OrderBy(v => v.CreationTime).ThenBy(v => v.VideoId, StringComparer.Ordinal)
            : videos.OrderByDescending(v => v.CreationTime).ThenBy(v => v.VideoId, StringComparer.Ordinal);

    internal static List<T> Page<T>(IEnumerable<T> items, OperationContext context, int defaultSize, out int total)
    {
        var all = items.ToList();
        total = all.Count;
        var number = (int)context.Number("PageNo", 1);
        var size = (int)context.Number("PageSize", defaultSize);
        return number < 1 || size < 1 ? [] : all.Skip((int)Math.Min((long)(number - 1) * size, int.MaxValue)).Take(size).ToList();
    }

    private static (DateTimeOffset? Value, GatewayError? Error) Time(OperationContext context, string name)
    {
        if (context.Text(name) is not { } text)
        {
            return (null, null);
        }

        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? (value, null)
            : (null, GatewayError.InvalidParameter(name, "use UTC in the form yyyy-MM-ddTHH:mm:ssZ"));
    }
}
