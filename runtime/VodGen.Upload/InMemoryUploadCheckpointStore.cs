using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen.Upload;

/// <summary>Checkpoints in this process's memory: an upload can be resumed after a failure, not after a crash.</summary>
public sealed class InMemoryUploadCheckpointStore : IUploadCheckpointStore
{
    private readonly ConcurrentDictionary<string, VodUploadCheckpoint> _checkpoints = new(System.StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lease> _leases = new(System.StringComparer.Ordinal);

    /// <inheritdoc/>
    public ValueTask<VodUploadCheckpoint?> LoadAsync(string videoId, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(_checkpoints.TryGetValue(videoId, out var checkpoint) ? checkpoint : null);

    /// <inheritdoc/>
    public ValueTask SaveAsync(VodUploadCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        System.ArgumentNullException.ThrowIfNull(checkpoint);
        _checkpoints[checkpoint.VideoId] = checkpoint;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask DeleteAsync(string videoId, CancellationToken cancellationToken = default)
    {
        _checkpoints.TryRemove(videoId, out _);
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<System.IAsyncDisposable> AcquireAsync(string videoId, CancellationToken cancellationToken = default)
    {
        System.ArgumentException.ThrowIfNullOrEmpty(videoId);
        var lease = new Lease(this, videoId);
        return _leases.TryAdd(videoId, lease)
            ? ValueTask.FromResult<System.IAsyncDisposable>(lease)
            : throw new VodUploadException($"Another upload of video {videoId} is running in this process; wait for it to end before resuming.", videoId, "UploadInProgress");
    }

    private sealed class Lease(InMemoryUploadCheckpointStore store, string videoId) : System.IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            store._leases.TryRemove(new KeyValuePair<string, Lease>(videoId, this));
            return ValueTask.CompletedTask;
        }
    }
}
