using System.Text.Json.Nodes;

namespace VodGen.Emulator.Media;

/// <summary>The JSON shapes the service uses for videos, streams and other media, built from the store.</summary>
internal static class MediaJson
{
    public static JsonObject Video(MediaVideo video, MediaStore store, string regionId)
    {
        var json = new JsonObject
        {
            ["VideoId"] = video.VideoId,
            ["Title"] = video.Title,
            ["Status"] = video.Status,
            ["CreationTime"] = MediaStore.Timestamp(video.CreationTime),
            ["ModificationTime"] = MediaStore.Timestamp(video.ModificationTime),
            ["StorageLocation"] = store.StorageHost,
            ["RegionId"] = regionId,
            ["AppId"] = "app-1000000",
        };
        Optional(json, "Description", video.Description);
        Optional(json, "Tags", video.Tags);
        Optional(json, "CoverURL", video.CoverUrl ?? video.Snapshots.FirstOrDefault(s => s.Type == "CoverSnapshot")?.Url);
        if (video.CateId is { } category)
        {
            json["CateId"] = category;
            json["CateName"] = "Category " + category;
        }

        if (video.Size > 0)
        {
            json["Size"] = video.Size;
            json["Duration"] = video.Duration;
        }

        var normal = video.Snapshots.Where(s => s.Type == "NormalSnapshot").Select(s => (JsonNode?)s.Url).ToArray();
        if (normal.Length > 0)
        {
            json["Snapshots"] = new JsonObject { ["Snapshot"] = new JsonArray(normal) };
        }

        return json;
    }

    /// <summary>A stream as GetPlayInfo lists it; its URL signed until <paramref name="expires"/> when URL authentication is on.</summary>
    public static JsonObject Stream(MediaStream stream, MediaVideo video, MediaStore store, DateTimeOffset expires) => new()
    {
        ["PlayURL"] = store.Playback.Url(video.VideoId, stream.Definition, stream.Format, expires),
        ["Definition"] = stream.Definition,
        ["Format"] = stream.Format,
        ["StreamType"] = "video",
        ["Duration"] = video.Duration.ToString("0.0###", System.Globalization.CultureInfo.InvariantCulture),
        ["Size"] = stream.Size,
        ["Width"] = stream.Width,
        ["Height"] = stream.Height,
        ["Bitrate"] = stream.Bitrate.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
        ["Fps"] = "25",
        ["Encrypt"] = 0,
        ["Status"] = "Normal",
        ["JobId"] = stream.JobId,
        ["CreationTime"] = MediaStore.Timestamp(stream.CreationTime),
    };

    public static void Optional(JsonObject json, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            json[name] = value;
        }
    }

    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)v).ToArray());
}
