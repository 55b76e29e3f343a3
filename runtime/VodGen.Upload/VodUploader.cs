using System;
using System.ComponentModel;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
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

    private static readonly Lazy<HttpClient> SharedHttp = new(() => new HttpClient(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    });

    /// <summary>Creates the video and uploads <paramref name="filePath"/> to it.</summary>
    public static async Task<VodUploadResult> UploadFileAsync(IVodUploadSession session, string filePath, VodUploadOptions? options = null, IProgress<VodUploadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        options = Checked(options);
        using var source = FileSource.Open(filePath);
        var ticket = await session.CreateAsync(options.TimeProvider, cancellationToken).ConfigureAwait(false);
        return await RunAsync(session, ticket, source, options, progress, checkpoint: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates the video and uploads what <paramref name="stream"/> holds from its position on.</summary>
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
        var ticket = await session.CreateAsync(options.TimeProvider, cancellationToken).ConfigureAwait(false);
        return await RunAsync(session, ticket, source, options, progress, checkpoint: null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Goes on with the interrupted upload of <paramref name="videoId"/> from its checkpoint: a new credential from
    /// RefreshUploadVideo (never a second CreateUploadVideo), acknowledged parts not sent again.
    /// </summary>
    /// <exception cref="VodUploadException">There is no checkpoint for the video, or the file is not the one it was started with.</exception>
    public static async Task<VodUploadResult> ResumeFileAsync(IVodUploadSession session, string videoId, string filePath, VodUploadOptions? options = null, IProgress<VodUploadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(videoId);
        ArgumentException.ThrowIfNullOrEmpty(filePath);
        options = Checked(options);
        var checkpoint = await options.Checkpoints.LoadAsync(videoId, cancellationToken).ConfigureAwait(false)
            ?? throw new VodUploadException($"There is no upload checkpoint for video {videoId} in {Describe(options.Checkpoints)}, so there is nothing to resume; start it with UploadVideoAsync.", videoId);
        using var source = FileSource.Open(filePath);
        if (source.Fingerprint != checkpoint.SourceFingerprint || source.Length != checkpoint.TotalBytes)
        {
            throw new VodUploadException(
                $"The file {source.Path} is not the one whose upload of video {videoId} was interrupted (its size, modification time or content differ); resuming would mix two files. Upload it as a new video, or delete the checkpoint.",
                videoId, "SourceChanged");
        }

        var ticket = await session.RefreshAsync(videoId, options.TimeProvider, cancellationToken).ConfigureAwait(false);
        return await RunAsync(session, ticket, source, options, progress, checkpoint, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<VodUploadResult> RunAsync(IVodUploadSession session, VodUploadTicket ticket, IUploadSource source, VodUploadOptions options, IProgress<VodUploadProgress>? progress, VodUploadCheckpoint? checkpoint, CancellationToken cancellationToken)
    {
        var storage = new OssClient(options.HttpClient ?? SharedHttp.Value, options.SignatureVersion, options.TimeProvider, options.RequestTimeout);
        UploadRun? run = null;
        var credentials = new CredentialKeeper(session, ticket, options, () => storage.Now, () => run?.Refreshing());
        run = new UploadRun(options, source, storage, credentials, progress, ticket.VideoId);

        // One activity per upload, beside the client's per call; tags name the video and the outcome, never a secret.
        using var activity = VodTelemetry.ActivitySource.HasListeners() ? VodTelemetry.ActivitySource.StartActivity("VodGen Upload") : null;
        activity?.SetTag("vod.video_id", ticket.VideoId);
        activity?.SetTag("vod.upload.resumed", checkpoint is not null);
        try
        {
            var result = checkpoint is null
                ? await run.StartAsync(cancellationToken).ConfigureAwait(false)
                : await run.ResumeAsync(checkpoint, cancellationToken).ConfigureAwait(false);
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
            UploadTelemetry.Refreshes.Add(credentials.Refreshes);
            activity?.SetTag("vod.upload.credential_refreshes", credentials.Refreshes);
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
