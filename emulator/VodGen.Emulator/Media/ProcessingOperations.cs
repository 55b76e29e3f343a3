using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using VodGen.Emulator.Gateway;

namespace VodGen.Emulator.Media;

/// <summary>Transcoding and snapshots. Jobs finish at once in the emulator, so their results are there on the next call.</summary>
internal static class ProcessingOperations
{
    private static readonly (string Definition, int Height, double Bitrate)[] Ladder = [("LD", 360, 450.9), ("SD", 540, 900.2), ("HD", 720, 1500.5)];

    // The states the service takes snapshots in.
    private static readonly HashSet<string> Snapshottable = new(StringComparer.Ordinal) { "UploadSucc", "Normal", "Checking", "Blocked" };

    public static OperationResult SubmitTranscodeJobs(OperationContext context)
    {
        if (context.Store.Find(context.Parameters["VideoId"]) is not { } video)
        {
            return LibraryOperations.NotFound;
        }

        var group = context.Parameters["TemplateGroupId"];
        if (!context.Store.HasTemplateGroup(group))
        {
            return new GatewayError(404, "InvalidTemplateGroupId.NotFound", "The TemplateGroupId does not exist.");
        }

        if (video.Size == 0 || video.Damaged)
        {
            return GatewayError.InvalidParameter("VideoId", "the video has no uploaded source to transcode");
        }

        var jobs = new JsonArray();
        var streams = new List<MediaStream>();
        if (group != "VOD_NO_TRANSCODE")
        {
            foreach (var (definition, height, bitrate) in Ladder.Where(l => l.Height <= Math.Max(video.Height, 360)))
            {
                var jobId = MediaStore.NewHex(16);
                jobs.Add(new JsonObject { ["JobId"] = jobId });
                var width = video.Height == 0 ? height * 16 / 9 : height * video.Width / video.Height;
                var size = (long)(bitrate * 1000 / 8 * video.Duration);
                streams.Add(new MediaStream(definition, "m3u8", width, height, bitrate, size, jobId, context.Now));
                streams.Add(new MediaStream(definition, "mp4", width, height, bitrate, size, jobId, context.Now));
            }
        }
        else
        {
            var jobId = MediaStore.NewHex(16);
            jobs.Add(new JsonObject { ["JobId"] = jobId });
            streams.Add(new MediaStream("OD", Path.GetExtension(video.FileName).TrimStart('.').ToLowerInvariant(), video.Width, video.Height, video.Size * 8 / 1000.0 / video.Duration, video.Size, jobId, context.Now));
        }

        context.Store.Update(video.VideoId, v => v with { Status = "Normal", Streams = v.Streams.AddRange(streams), ModificationTime = context.Now });
        context.Store.PublishTranscoded(video, streams);
        return new JsonObject { ["TranscodeTaskId"] = MediaStore.NewHex(16), ["TranscodeJobs"] = new JsonObject { ["TranscodeJob"] = jobs } };
    }

    public static OperationResult SubmitSnapshotJob(OperationContext context)
    {
        if (context.Store.Find(context.Parameters["VideoId"]) is not { } video)
        {
            return LibraryOperations.NotFound;
        }

        if (context.Text("SnapshotTemplateId") is { } template && !context.Store.HasSnapshotTemplate(template))
        {
            return new GatewayError(404, "NoSuchResource", $"The specified resource {template} does not exist.");
        }

        if (!Snapshottable.Contains(video.Status))
        {
            return new GatewayError(400, "Forbidden.IllegalStatus", "Status of the video is illegal.");
        }

        var count = (int)Math.Clamp(context.Number("Count", 1), 1, 1000);
        var jobId = MediaStore.NewHex(16);
        var first = video.Snapshots.Count(s => s.Type == "NormalSnapshot");
        var taken = Enumerable.Range(first + 1, count)
            .Select(i => new MediaSnapshot("NormalSnapshot", i, $"https://{context.Store.StorageHost}/snapshot/{video.VideoId}/{i.ToString("00000", CultureInfo.InvariantCulture)}.jpg", jobId, context.Now));
        var cover = video.Snapshots.Any(s => s.Type == "CoverSnapshot")
            ? []
            : new[] { new MediaSnapshot("CoverSnapshot", 1, $"https://{context.Store.StorageHost}/snapshot/{video.VideoId}/cover.jpg", jobId, context.Now) };
        context.Store.Update(video.VideoId, v => v with { Snapshots = v.Snapshots.AddRange(cover).AddRange(taken) });
        var info = new JsonObject
        {
            ["Status"] = "success", ["SnapshotType"] = "NormalSnapshot", ["SnapshotCount"] = count, ["SnapshotFormat"] = "jpg", ["JobId"] = jobId,
            ["SnapshotRegular"] = $"https://{context.Store.StorageHost}/snapshot/{video.VideoId}/{{SnapshotCount}}.jpg",
        };
        context.Store.Events?.Publish("SnapshotComplete", video, "success", new JsonObject
        {
            ["CoverUrl"] = video.Snapshots.FirstOrDefault(s => s.Type == "CoverSnapshot")?.Url ?? cover.FirstOrDefault()?.Url,
            ["SnapshotInfos"] = new JsonArray(info),
        }, context.Text("UserData"));
        return new JsonObject { ["SnapshotJob"] = new JsonObject { ["JobId"] = jobId } };
    }

    public static OperationResult ListSnapshots(OperationContext context)
    {
        if (context.Store.Find(context.Parameters["VideoId"]) is not { } video)
        {
            return LibraryOperations.NotFound;
        }

        var type = context.Text("SnapshotType") ?? "NormalSnapshot";
        var all = video.Snapshots.Where(s => s.Type == type).OrderBy(s => s.Index).ToList();
        var page = LibraryOperations.Page(all, context, defaultSize: 20, out var total);
        var snapshot = new JsonObject
        {
            ["Total"] = total,
            ["Snapshots"] = new JsonObject
            {
                ["Snapshot"] = new JsonArray(page.Select(s => (JsonNode?)new JsonObject { ["Index"] = s.Index, ["Url"] = s.Url }).ToArray()),
            },
        };
        if (all.Count > 0)
        {
            snapshot["CreationTime"] = MediaStore.Timestamp(all[^1].CreationTime);
            snapshot["JobId"] = all[^1].JobId;
            snapshot["Regular"] = $"https://{context.Store.StorageHost}/snapshot/{video.VideoId}/{{SnapshotCount}}.jpg";
        }

        return new JsonObject { ["MediaSnapshot"] = snapshot };
    }
}
