using System.Collections.Concurrent;
using VodGen.AspNetCore.Callbacks;
using VodGen.Server.Events;

namespace WebUpload;

/// <summary>What the application has heard about each video from VOD's events, and who uploaded it (from the event's Extend).</summary>
public sealed class VideoEvents : IVodEventHandler
{
    private readonly ConcurrentDictionary<string, VideoState> _videos = new(StringComparer.Ordinal);

    public VideoState? Find(string videoId) => _videos.GetValueOrDefault(videoId);

    public Task HandleAsync(VodEvent vodEvent, CancellationToken cancellationToken)
    {
        if (vodEvent.VideoId is { } videoId)
        {
            var uploader = VodUserData.ReadExtend(vodEvent.Extend).GetValueOrDefault(UploadPolicy.UploaderKey);
            var state = _videos.GetOrAdd(videoId, _ => new VideoState(uploader));
            state.Add(vodEvent);
        }

        return Task.CompletedTask;
    }
}

/// <summary>One video's events, in the order they arrived (events can repeat: each type is kept once).</summary>
public sealed class VideoState(string? uploader)
{
    private readonly List<string> _events = [];

    public string? Uploader { get; } = uploader;

    public bool Transcoded { get; private set; }

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return _events.ToArray();
            }
        }
    }

    public void Add(VodEvent vodEvent)
    {
        lock (_events)
        {
            if (!_events.Contains(vodEvent.EventType))
            {
                _events.Add(vodEvent.EventType);
            }
        }

        Transcoded |= vodEvent is VodTranscodeComplete { Succeeded: true };
    }
}
