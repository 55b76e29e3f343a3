using System.Threading;
using System.Threading.Tasks;

namespace VodGen.Upload;

/// <summary>Keeps upload checkpoints by VideoId. Implementations must be thread-safe and save atomically.</summary>
public interface IUploadCheckpointStore
{
    /// <summary>The checkpoint of <paramref name="videoId"/>, or null when there is none.</summary>
    ValueTask<VodUploadCheckpoint?> LoadAsync(string videoId, CancellationToken cancellationToken = default);

    /// <summary>Saves (replaces) a checkpoint; after it returns, a crash leaves either the old or the new one.</summary>
    ValueTask SaveAsync(VodUploadCheckpoint checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Forgets the checkpoint of <paramref name="videoId"/>, once its upload is complete.</summary>
    ValueTask DeleteAsync(string videoId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes the sole right to run the upload of <paramref name="videoId"/> until the returned lease is disposed, so
    /// that two uploads of one video (two resumes, in one process or in two sharing the store) never run at once.
    /// </summary>
    /// <exception cref="VodUploadException">Another upload of the video holds it (code <c>UploadInProgress</c>).</exception>
    ValueTask<System.IAsyncDisposable> AcquireAsync(string videoId, CancellationToken cancellationToken = default);
}
