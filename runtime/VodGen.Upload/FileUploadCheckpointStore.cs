using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen.Upload;

/// <summary>
/// Checkpoints as JSON files in a folder, one per video (<c>{VideoId}.upload.json</c>), written to a temporary file
/// and renamed over the old one, so a crash at any moment leaves a whole checkpoint. They hold no credential.
/// </summary>
public sealed class FileUploadCheckpointStore : IUploadCheckpointStore
{
    private readonly string _directory;

    /// <summary>Keeps checkpoints in <paramref name="directory"/>, which is created when missing.</summary>
    public FileUploadCheckpointStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = Path.GetFullPath(directory);
    }

    /// <summary>The folder the checkpoints are in.</summary>
    public string Directory => _directory;

    /// <inheritdoc/>
    /// <exception cref="InvalidDataException">The file is not a checkpoint; the message names it.</exception>
    public async ValueTask<VodUploadCheckpoint?> LoadAsync(string videoId, CancellationToken cancellationToken = default)
    {
        var path = PathOf(videoId);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            return await JsonSerializer.DeserializeAsync(stream, CheckpointJson.Default.VodUploadCheckpoint, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"The upload checkpoint {path} is empty.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The upload checkpoint {path} cannot be read (line {exception.LineNumber + 1}); delete it to start the upload anew.", exception);
        }
    }

    /// <inheritdoc/>
    public async ValueTask SaveAsync(VodUploadCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        System.IO.Directory.CreateDirectory(_directory);
        var path = PathOf(checkpoint.VideoId);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true))
            {
                await JsonSerializer.SerializeAsync(stream, checkpoint, CheckpointJson.Default.VodUploadCheckpoint, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <inheritdoc/>
    public ValueTask DeleteAsync(string videoId, CancellationToken cancellationToken = default)
    {
        if (!System.IO.Directory.Exists(_directory))
        {
            return ValueTask.CompletedTask; // nothing was ever saved here
        }

        File.Delete(PathOf(videoId));

        // The lock file goes with the checkpoint (its holder, if any, is the upload that just completed). A process
        // that races for the old file afterwards finds no checkpoint, so nothing can run twice.
        File.Delete(PathOf(videoId, ".upload.lock"));
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// A lock file beside the checkpoint (<c>{VideoId}.upload.lock</c>), held open without sharing: the operating
    /// system refuses a second holder, in this process or another, and frees it if the holder dies.
    /// </remarks>
    public ValueTask<IAsyncDisposable> AcquireAsync(string videoId, CancellationToken cancellationToken = default)
    {
        var path = PathOf(videoId, ".upload.lock");
        try
        {
            System.IO.Directory.CreateDirectory(_directory);
            return ValueTask.FromResult<IAsyncDisposable>(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
        }
        catch (IOException exception) when (IsHeldElsewhere(exception))
        {
            throw new VodUploadException(
                $"Another upload of video {videoId} holds {path} (in this process or another); wait for it to end before resuming.",
                videoId,
                "UploadInProgress",
                innerException: exception);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new VodUploadException(
                $"The upload of video {videoId} cannot keep checkpoints in {_directory} ({exception.Message}); nothing was sent. Give FileUploadCheckpointStore a folder this process can write.",
                videoId,
                "CheckpointNotSaved",
                innerException: exception);
        }
    }

    // The file is held without sharing elsewhere: a sharing or lock violation on Windows; on Unix, where .NET takes an
    // advisory lock (flock) for FileShare.None, the errno EWOULDBLOCK (11 on Linux, 35 on macOS and BSD).
    private static bool IsHeldElsewhere(IOException exception)
        => OperatingSystem.IsWindows() ? (exception.HResult & 0xFFFF) is 32 or 33 : exception.HResult is 11 or 35;

    // VideoIds are hex; anything else is made safe for a file name rather than trusted.
    private string PathOf(string videoId, string suffix = ".upload.json")
    {
        ArgumentException.ThrowIfNullOrEmpty(videoId);
        var safe = string.Create(videoId.Length, videoId, static (span, id) =>
        {
            for (var i = 0; i < id.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(id[i]) || id[i] is '-' or '_' ? id[i] : '_';
            }
        });
        return Path.Combine(_directory, safe + suffix);
    }
}

[JsonSerializable(typeof(VodUploadCheckpoint))]
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
internal sealed partial class CheckpointJson : JsonSerializerContext;
