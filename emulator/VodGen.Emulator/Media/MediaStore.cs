using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace VodGen.Emulator.Media;

/// <summary>The emulator's in-memory videos. Thread-safe; tests may inspect and change it.</summary>
public sealed class MediaStore
{
    private readonly ConcurrentDictionary<string, MediaVideo> _videos = new(StringComparer.Ordinal);
    private readonly string _regionId;

    internal MediaStore(string regionId) => _regionId = regionId;

    /// <summary>Every video, in no particular order.</summary>
    public IReadOnlyCollection<MediaVideo> Videos => _videos.Values.ToList();

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
            StorageEndpoint = $"https://oss-{_regionId}.aliyuncs.com",
            Bucket = "outin-" + NewHex(8),
            ObjectKey = $"sv/{id[..8]}/{id}{extension}",
            CreationTime = now,
        };
        _videos[id] = video;
        return video;
    }

    /// <summary>Marks a video damaged (or repaired), so RefreshUploadVideo answers accordingly.</summary>
    /// <exception cref="KeyNotFoundException">No such video.</exception>
    public void MarkDamaged(string videoId, bool damaged = true)
    {
        if (!_videos.TryGetValue(videoId, out var video))
        {
            throw new KeyNotFoundException($"The emulator has no video '{videoId}'.");
        }

        _videos[videoId] = video with { Damaged = damaged };
    }

    /// <summary>Removes a video; false when there was none.</summary>
    public bool Remove(string videoId) => _videos.TryRemove(videoId, out _);

    internal static string NewHex(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
