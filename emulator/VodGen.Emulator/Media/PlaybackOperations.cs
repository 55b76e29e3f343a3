using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using VodGen.Emulator.Gateway;

namespace VodGen.Emulator.Media;

/// <summary>GetPlayInfo and GetVideoPlayAuth: the streams transcoding made, and playback credentials.</summary>
internal static class PlaybackOperations
{
    private static readonly GatewayError IllegalStatus = new(403, "Forbidden.IllegalStatus", "Status of the video is illegal.");

    // States in which the service refuses playback outright; the others answer with whatever streams exist.
    private static readonly HashSet<string> Unplayable = new(StringComparer.Ordinal) { "Blocked", "UploadFail", "TranscodeFail", "ProduceFail" };

    public static OperationResult GetPlayInfo(OperationContext context)
    {
        if (context.Store.Find(context.Parameters["VideoId"]) is not { } video)
        {
            return LibraryOperations.NotFound;
        }

        if (video.Damaged || Unplayable.Contains(video.Status))
        {
            return IllegalStatus;
        }

        // The emulator makes video streams only, so asking for audio finds none.
        var formats = context.List("Formats").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var definitions = context.List("Definition").ToHashSet(StringComparer.OrdinalIgnoreCase);
        var wantsVideo = context.Text("StreamType") is null or "video";
        var streams = video.Streams
            .Where(s => wantsVideo && (formats.Count == 0 || formats.Contains(s.Format)))
            .Where(s => definitions.Count == 0 || definitions.Contains(s.Definition))
            .ToList();
        if (context.Text("ResultType") is not "Multiple")
        {
            // Single: the newest stream per quality and format.
            streams = streams.GroupBy(s => (s.Definition, s.Format)).Select(g => g.MaxBy(s => s.CreationTime)!).ToList();
        }

        if (streams.Count == 0)
        {
            return new GatewayError(404, "InvalidVideo.NoneStream", "The video has no stream to play.");
        }

        // The gateway already held AuthTimeout to at least 1 second; VOD signs for 1800 seconds unless told otherwise.
        var expires = context.Now.AddSeconds(context.Number("AuthTimeout", 1800));
        return new JsonObject
        {
            ["VideoBase"] = new JsonObject
            {
                ["VideoId"] = video.VideoId,
                ["Title"] = video.Title,
                ["Duration"] = video.Duration.ToString("0.0###", CultureInfo.InvariantCulture),
                ["CoverURL"] = video.CoverUrl ?? string.Empty,
                ["Status"] = video.Status,
                ["MediaType"] = "video",
                ["CreationTime"] = MediaStore.Timestamp(video.CreationTime),
            },
            ["PlayInfoList"] = new JsonObject { ["PlayInfo"] = new JsonArray(streams.Select(s => (JsonNode?)MediaJson.Stream(s, video, context.Store, expires)).ToArray()) },
        };
    }

    public static OperationResult GetVideoPlayAuth(OperationContext context)
    {
        if (context.Store.Find(context.Parameters["VideoId"]) is not { } video)
        {
            return LibraryOperations.NotFound;
        }

        if (video.Damaged || Unplayable.Contains(video.Status) || video.Status == "Uploading")
        {
            return IllegalStatus;
        }

        // The gateway already held AuthInfoTimeout to the spec's 100 to 3000 seconds.
        var lifetime = context.Number("AuthInfoTimeout", 100);

        var auth = new JsonObject
        {
            ["VideoId"] = video.VideoId,
            ["AuthInfo"] = MediaStore.NewHex(32),
            ["ExpireTime"] = MediaStore.Timestamp(context.Now.AddSeconds(lifetime)),
            ["Region"] = context.RegionId,
        };
        return new JsonObject
        {
            ["PlayAuth"] = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(auth)),
            ["VideoMeta"] = new JsonObject
            {
                ["VideoId"] = video.VideoId,
                ["Title"] = video.Title,
                ["Duration"] = video.Duration,
                ["CoverURL"] = video.CoverUrl ?? string.Empty,
                ["Status"] = video.Status,
            },
        };
    }
}
