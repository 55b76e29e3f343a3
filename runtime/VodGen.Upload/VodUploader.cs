using System;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using VodGen.Upload.Engine;
using VodGen.Upload.Storage;

namespace VodGen.Upload;

/// <summary>
/// Runs uploads. Generated code calls it from <c>UploadVideoAsync</c> and <c>ResumeVideoUploadAsync</c>, giving it
/// the operations as an <see cref="IVodUploadSession"/>; call those extension methods rather than this class.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VodUploader
{
    // Streams are cut into pooled buffers, one per part in flight.
    private const long LargestStreamPart = 512L * 1024 * 1024;

    // The client's handler configuration (no redirects, connections renewed for DNS changes); timeouts are per request.
    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient(VodClient.CreateHandler())
    {
        Timeout = Timeout.InfiniteTimeSpan,
    });

    /// <summary>Creates the video and uploads <paramref name="filePath"/> to it.</summary>
    /// <exception cref="ArgumentException">The file is empty (no video is created).</exception>
    /// <exception cref="VodUploadException">The upload failed after the video was created; it names the video.</exception>
    public static async Task<VodUploadResult> UploadFileAsync(IVodUploadSession session, string filePath, VodUploadOptions? options = null, IProgress<VodUploadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        options = Checked(options);
        using var source = FileSource.Open(filePath);
        if (source.Length == 0)
        {
            throw new ArgumentException($"The file {source.Path} is empty: there is nothing to upload, and VOD cannot process an empty video. No video was created.", nameof(filePath));
        }

        var ticket = await session.CreateAsync(options.TimeProvider, cancellationToken).ConfigureAwait(false);
        return await RunAsync(session, ticket, source, options, progress, null, null, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the video and uploads what <paramref name="stream"/> holds from its position on.</summary>
    /// <exception cref="ArgumentException">The stream holds nothing (no video is created).</exception>
    /// <exception cref="VodUploadException">The upload failed after the video was created; it names the video.</exception>
    public static async Task<VodUploadResult> UploadStreamAsync(IVodUploadSession session, Stream stream, VodUploadOptions? options = null, IProgress<VodUploadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream cannot be read.", nameof(stream));
        }

        options = Checked(options);
        if (options.PartSize > LargestStreamPart)
        {
            throw new ArgumentException($"Uploads from a stream hold each part in memory: VodUploadOptions.PartSize must be at most {LargestStreamPart} bytes for them.", nameof(options));
        }

        using var source = new StreamSource(stream);

        // Part 1 is read before the video is created, so that an empty stream creates nothing.
        var first = source.Length == 0 ? null : await source.ReadPartAsync(1, source.Length > 0 ? Math.Min(source.Length, options.PartSize) : options.PartSize, cancellationToken).ConfigureAwait(false);
        if (first is not { Size: > 0 })
        {
            first?.Dispose();
            throw new ArgumentException("The stream holds no bytes: there is nothing to upload, and VOD cannot process an empty video. No video was created.", nameof(stream));
        }

        // The run owns part 1 from here: it is sent and disposed there, or disposed when the run ends without it.
        using (first)
        {
            var ticket = await session.CreateAsync(options.TimeProvider, cancellationToken).ConfigureAwait(false);
            return await RunAsync(session, ticket, source, options, progress, null, null, first, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Goes on with the interrupted upload of <paramref name="videoId"/> from its checkpoint: a new credential from
    /// RefreshUploadVideo (never a second CreateUploadVideo), acknowledged parts not sent again.
    /// </summary>
    /// <exception cref="VodUploadException">
    /// There is no checkpoint for the video, it is not valid, the file is not the one it was started with, or another
    /// upload of the video is running (<c>UploadInProgress</c>).
    /// </exception>
    public static async Task<VodUploadResult> ResumeFileAsync(IVodUploadSession session, string videoId, string filePath, VodUploadOptions? options = null, IProgress<VodUploadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(videoId);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        options = Checked(options);

        // The lease first, the checkpoint after: whoever holds the lease reads the latest state.
        var lease = await Guarded(videoId, () => options.Checkpoints.AcquireAsync(videoId, cancellationToken).AsTask()).ConfigureAwait(false);
        await using (lease.ConfigureAwait(false))
        {
            var checkpoint = await Guarded(videoId, () => options.Checkpoints.LoadAsync(videoId, cancellationToken).AsTask()).ConfigureAwait(false)
                ?? throw new VodUploadException($"There is no upload checkpoint for video {videoId} in {Describe(options.Checkpoints)}, so there is nothing to resume; start it with UploadVideoAsync.", videoId);
            CheckpointRules.Validate(checkpoint, videoId, Describe(options.Checkpoints));
            using var source = FileSource.Open(filePath);
            if (source.Fingerprint != checkpoint.SourceFingerprint || source.Length != checkpoint.TotalBytes)
            {
                throw new VodUploadException(
                    $"The file {source.Path} is not the one whose upload of video {videoId} was interrupted (its size, modification time or content differ); resuming would mix two files. Upload it as a new video, or delete the checkpoint.",
                    videoId, "SourceChanged");
            }

            var ticket = await Guarded(videoId, () => session.RefreshAsync(videoId, options.TimeProvider, cancellationToken)).ConfigureAwait(false);
            if (ticket.Bucket != checkpoint.Bucket || ticket.Key != checkpoint.Key)
            {
                throw new VodUploadException(
                    $"RefreshUploadVideo gave video {videoId} another upload address ({ticket.Bucket}/{ticket.Key}) than its checkpoint names ({checkpoint.Bucket}/{checkpoint.Key}); the upload cannot be resumed.",
                    videoId, "AddressChanged");
            }

            return await RunAsync(session, ticket, source, options, progress, checkpoint, lease, null, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<VodUploadResult> RunAsync(IVodUploadSession session, VodUploadTicket ticket, IUploadSource source, VodUploadOptions options, IProgress<VodUploadProgress>? progress, VodUploadCheckpoint? checkpoint, IAsyncDisposable? lease, UploadPart? first, CancellationToken cancellationToken)
    {
        // One activity per upload, beside the client's per call; tags name the video and the outcome, never a secret.
        using var activity = VodTelemetry.ActivitySource.HasListeners() ? VodTelemetry.ActivitySource.StartActivity("VodGen Upload") : null;
        activity?.SetTag("vod.video_id", ticket.VideoId);
        activity?.SetTag("vod.upload.resumed", checkpoint is not null);
        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        UploadRun? upload = null;
        var credentials = new CredentialKeeper(session, ticket, options, () => upload?.Refreshing(), run.Token);
        var logger = options.Logger ?? NullLogger.Instance;
        var storage = new OssClient(options.HttpClient ?? SharedHttp.Value, options.SignatureVersion, options.TimeProvider, options.RequestTimeout);
        var calls = new StorageCalls(storage, credentials, options, logger, () => upload?.Resent());
        upload = new UploadRun(options, source, calls, credentials, progress, logger, ticket.VideoId, checkpoint?.PartSize ?? options.PartSize);
        var owned = lease is null && source.CanResume ? await Guarded(ticket.VideoId, () => options.Checkpoints.AcquireAsync(ticket.VideoId, cancellationToken).AsTask()).ConfigureAwait(false) : null;
        try
        {
            var result = await Guarded(ticket.VideoId, () => checkpoint is null ? upload.StartAsync(first, run.Token) : upload.ResumeAsync(checkpoint, run.Token)).ConfigureAwait(false);
            activity?.SetTag("vod.upload.bytes", result.Size);
            activity?.SetTag("vod.upload.parts", result.Parts);
            UploadTelemetry.Bytes.Add(result.Size);
            return result;
        }
        catch (Exception exception)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, (exception as VodUploadException)?.StorageCode ?? exception.GetType().Name);
            throw;
        }
        finally
        {
            run.Cancel(); // a renewal still running belongs to this upload alone
            UploadTelemetry.Refreshes.Add(credentials.Refreshes);
            activity?.SetTag("vod.upload.credential_refreshes", credentials.Refreshes);
            if (owned is not null)
            {
                await owned.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    // Once the video exists every failure names it, so that the documented catch-and-resume pattern sees them all.
    private static async Task<T> Guarded<T>(string videoId, Func<Task<T>> step)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not VodUploadException and not OperationCanceledException and not ArgumentException)
        {
            throw new VodUploadException($"The upload of video {videoId} failed: {exception.Message}", videoId, (exception as VodServiceException)?.Code, (exception as VodServiceException)?.RequestId, innerException: exception);
        }
    }

    private static VodUploadOptions Checked(VodUploadOptions? options)
    {
        options ??= new VodUploadOptions();
        options.Validate();
        return options;
    }

    private static string Describe(IUploadCheckpointStore store) => store is FileUploadCheckpointStore file ? file.Directory : store.GetType().Name;
}
