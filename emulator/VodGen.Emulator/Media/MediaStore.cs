using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;

namespace VodGen.Emulator.Media;

/// <summary>
/// The emulator's in-memory media library: videos, images, auxiliary files, URL fetch jobs, and the transcoding
/// and snapshot templates that exist. Thread-safe; tests may inspect and change it.
/// </summary>
public sealed class MediaStore
{
    private readonly ConcurrentDictionary<string, MediaVideo> _videos = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MediaAsset> _assets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UrlUploadJob> _urlJobs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _templateGroups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _snapshotTemplates = new(StringComparer.Ordinal);
    private readonly string _regionId;

    internal MediaStore(string regionId)
    {
        _regionId = regionId;
        DefaultTemplateGroupId = NewHex(16);
        DefaultSnapshotTemplateId = NewHex(16);
        _templateGroups[DefaultTemplateGroupId] = true;
        _templateGroups["VOD_NO_TRANSCODE"] = true;
        _snapshotTemplates[DefaultSnapshotTemplateId] = true;
    }

    /// <summary>A transcoding template group that exists (SubmitTranscodeJobs accepts it and VOD_NO_TRANSCODE).</summary>
    public string DefaultTemplateGroupId { get; }

    /// <summary>A snapshot template that exists.</summary>
    public string DefaultSnapshotTemplateId { get; }

    /// <summary>Every video, in no particular order.</summary>
    public IReadOnlyCollection<MediaVideo> Videos => _videos.Values.ToList();

    /// <summary>Every image and auxiliary file, in no particular order.</summary>
    public IReadOnlyCollection<MediaAsset> Assets => _assets.Values.ToList();

    internal IReadOnlyCollection<UrlUploadJob> UrlJobs => _urlJobs.Values.ToList();

    internal string StorageHost => $"outin-{_regionId}.oss-{_regionId}.aliyuncs.com";

    /// <summary>The storage front that mints upload credentials; set when the emulator starts.</summary>
    internal Storage.EmulatorStorage? Storage { get; set; }

    /// <summary>Where events about its media go.</summary>
    internal Events.EmulatorEvents? Events { get; set; }

    /// <summary>The playback domain, which makes (and signs) stream URLs.</summary>
    internal Playback.EmulatorPlayback Playback { get; set; } = null!;

    /// <summary>The stream events of a transcoding that produced <paramref name="streams"/>: one per stream, then the job's.</summary>
    internal void PublishTranscoded(MediaVideo video, IReadOnlyList<MediaStream> streams)
    {
        if (Events is not { } events)
        {
            return;
        }

        var infos = new System.Text.Json.Nodes.JsonArray();
        foreach (var stream in streams)
        {
            var info = new System.Text.Json.Nodes.JsonObject
            {
                ["Status"] = "success", ["Definition"] = stream.Definition, ["Format"] = stream.Format,
                ["Bitrate"] = stream.Bitrate.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
                ["Duration"] = video.Duration.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture),
                ["Width"] = stream.Width, ["Height"] = stream.Height, ["Size"] = stream.Size, ["Encrypt"] = false, ["JobId"] = stream.JobId,
                ["FileUrl"] = Playback.Url(video.VideoId, stream.Definition, stream.Format, expires: null), // events carry URLs without auth_key
            };
            events.Publish("StreamTranscodeComplete", video, null, info);
            infos.Add(info.DeepClone());
        }

        events.Publish("TranscodeComplete", video, "success", new System.Text.Json.Nodes.JsonObject { ["StreamInfos"] = infos });
    }

    /// <summary>Finds a video.</summary>
    public MediaVideo? Find(string videoId) => _videos.TryGetValue(videoId, out var video) ? video : null;

    /// <summary>Creates a video with a new ID and upload address, as CreateUploadVideo does.</summary>
    public MediaVideo Create(string title, string fileName, DateTimeOffset now, string? description = null)
    {
        var id = NewHex(16);
        var extension = Path.GetExtension(fileName);
        var video = new MediaVideo
        {
            VideoId = id,
            Title = title,
            FileName = fileName,
            Description = description,
            StorageEndpoint = Storage?.Endpoint.ToString().TrimEnd('/') ?? $"https://oss-{_regionId}.aliyuncs.com",
            Bucket = "outin-" + NewHex(8),
            ObjectKey = $"sv/{id[..8]}/{id}{extension}",
            CreationTime = now,
            ModificationTime = now,
        };
        _videos[id] = video;
        return video;
    }

    /// <summary>
    /// Stands in for the file arriving in storage (the emulator receives no bytes): the video becomes
    /// <c>UploadSucc</c> with a size, duration and resolution, ready for transcoding and snapshots.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No such video.</exception>
    public MediaVideo CompleteUpload(string videoId, double durationSeconds = 135.6, long size = 10_897_890, int width = 1280, int height = 720)
        => Update(videoId, v => v with { Status = "UploadSucc", Duration = durationSeconds, Size = size, Width = width, Height = height });

    /// <summary>Marks a video damaged (or repaired), so RefreshUploadVideo answers accordingly.</summary>
    /// <exception cref="KeyNotFoundException">No such video.</exception>
    public void MarkDamaged(string videoId, bool damaged = true) => Update(videoId, v => v with { Damaged = damaged });

    /// <summary>Sets a video's status, for example <c>Blocked</c>.</summary>
    /// <exception cref="KeyNotFoundException">No such video.</exception>
    public MediaVideo SetStatus(string videoId, string status) => Update(videoId, v => v with { Status = status });

    /// <summary>Changes a video atomically.</summary>
    /// <exception cref="KeyNotFoundException">No such video.</exception>
    public MediaVideo Update(string videoId, Func<MediaVideo, MediaVideo> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        while (true)
        {
            if (!_videos.TryGetValue(videoId, out var current))
            {
                throw new KeyNotFoundException($"The emulator has no video '{videoId}'.");
            }

            var changed = change(current);
            if (_videos.TryUpdate(videoId, changed, current))
            {
                return changed;
            }
        }
    }

    /// <summary>Removes every video (with its files), image, auxiliary file and URL job.</summary>
    public void Clear()
    {
        foreach (var id in _videos.Keys)
        {
            Remove(id);
        }

        _assets.Clear();
        _urlJobs.Clear();
    }

    /// <summary>Removes a video, with its stored source file and unfinished uploads; false when there was none.</summary>
    public bool Remove(string videoId)
    {
        if (!_videos.TryRemove(videoId, out var video))
        {
            return false;
        }

        Storage?.Drop(video.Bucket, video.ObjectKey);
        return true;
    }

    /// <summary>Whether a transcoding template group exists.</summary>
    public bool HasTemplateGroup(string id) => _templateGroups.ContainsKey(id);

    /// <summary>Whether a snapshot template exists.</summary>
    public bool HasSnapshotTemplate(string id) => _snapshotTemplates.ContainsKey(id);

    internal MediaAsset AddAsset(string mediaType, string kind, string title, string extension, DateTimeOffset now)
    {
        var id = NewHex(16);
        var key = $"{kind}/{id[..8]}/{id}.{extension}";
        var asset = new MediaAsset(id, mediaType, kind, title, $"https://{StorageHost}/{key}", key, now);
        _assets[id] = asset;
        return asset;
    }

    internal UrlUploadJob AddUrlJob(string url, string userData, DateTimeOffset now)
    {
        var name = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? Path.GetFileName(uri.AbsolutePath) : "media.mp4";
        var video = Create(Path.GetFileNameWithoutExtension(name) is { Length: > 0 } title ? title : "media", name.Length > 0 ? name : "media.mp4", now);
        Update(video.VideoId, v => v with { UserData = userData.Length > 0 ? userData : null });
        var pulled = CompleteUpload(video.VideoId);
        var job = new UrlUploadJob(NewHex(16), url, video.VideoId, now, userData);
        _urlJobs[job.JobId] = job;
        Events?.Publish("UploadByURLComplete", pulled, "success", new System.Text.Json.Nodes.JsonObject { ["JobId"] = job.JobId, ["SourceURL"] = url, ["Size"] = pulled.Size });

        return job;
    }

    internal UrlUploadJob? FindUrlJob(string jobId) => _urlJobs.TryGetValue(jobId, out var job) ? job : null;

    internal static string NewHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));

    internal static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
