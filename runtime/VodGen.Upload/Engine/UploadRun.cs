using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using VodGen.Upload.Storage;

namespace VodGen.Upload.Engine;

/// <summary>
/// One upload of one source to one video: a single PutObject when it fits one part, otherwise a multipart upload
/// (started, resumed from a checkpoint, or started again once when the storage lost it). It decides what happens in
/// which order; the parts go out through <see cref="PartWorkers"/>, storage requests are <see cref="StorageCalls"/>,
/// the checkpoint is <see cref="PartLedger"/>'s, progress is <see cref="UploadProgressReporter"/>'s, and nothing is
/// reported complete until <see cref="ObjectCheck"/> knows the storage's object holds exactly the source's bytes.
/// </summary>
internal sealed class UploadRun
{
    private readonly VodUploadOptions _options;
    private readonly IUploadSource _source;
    private readonly StorageCalls _storage;
    private readonly CredentialKeeper _credentials;
    private readonly ILogger _logger;
    private readonly string _videoId;
    private readonly long _started;
    private readonly PartLedger _ledger;
    private readonly PartPlan _plan;
    private readonly ObjectCheck _check;
    private readonly UploadProgressReporter _reporter;
    private readonly PartWorkers _workers;
    private int _partsResent;
    private int _restarts;

    public UploadRun(VodUploadOptions options, IUploadSource source, StorageCalls storage, CredentialKeeper credentials, IProgress<VodUploadProgress>? progress, ILogger logger, string videoId, long partSize)
    {
        _options = options;
        _source = source;
        _storage = storage;
        _credentials = credentials;
        _logger = logger;
        _videoId = videoId;
        _started = options.TimeProvider.GetTimestamp();
        _plan = new PartPlan(source.Length, partSize, options.PartLimit);
        _ledger = new PartLedger(source.CanResume ? options.Checkpoints : null, Checkpoint);
        _check = new ObjectCheck(storage, options, logger, videoId);
        _reporter = new UploadProgressReporter(progress, _ledger, _plan, source.Length, videoId);
        _workers = new PartWorkers(source, storage, _ledger, _plan, _reporter, logger, videoId, options.Parallelism);
    }

    /// <summary>Counts a part sent again after a failure.</summary>
    public void Resent()
    {
        Interlocked.Increment(ref _partsResent);
        UploadTelemetry.PartsResent.Add(1);
    }

    /// <summary>Uploads from scratch; <paramref name="first"/> is part 1 when it was read already.</summary>
    public async Task<VodUploadResult> StartAsync(UploadPart? first, CancellationToken cancellationToken)
    {
        if (_plan.SingleRequest)
        {
            return await PutObjectAsync(first, cancellationToken).ConfigureAwait(false);
        }

        if (_plan.Length < 0)
        {
            // A stream of unknown length: one that ends within the first part still goes as a single object.
            first ??= await _source.ReadPartAsync(1, _plan.SizeOf(1), cancellationToken).ConfigureAwait(false);
            if (first!.Size < _plan.SizeOf(1))
            {
                return await PutObjectAsync(first, cancellationToken).ConfigureAwait(false);
            }
        }

        return await MultipartAsync(await InitiateAsync(cancellationToken).ConfigureAwait(false), first, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Goes on with an interrupted multipart upload: parts the storage holds as recorded are not sent again.</summary>
    public async Task<VodUploadResult> ResumeAsync(VodUploadCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        var file = (FileSource)_source;
        IReadOnlyDictionary<int, ListedPart> listed;
        try
        {
            listed = await _storage.ListPartsAsync(checkpoint.UploadId, cancellationToken).ConfigureAwait(false);
        }
        catch (VodUploadException exception) when (exception.StorageCode == "NoSuchUpload")
        {
            // Completed already (the answer to Complete was lost), or aborted or expired: the object tells which.
            if (await _storage.HeadAsync(cancellationToken).ConfigureAwait(false) is { Size: { } size, Crc64: { } stored }
                && size == file.Length
                && await file.Crc64Async(0, file.Length, cancellationToken).ConfigureAwait(false) is var crc
                && crc == stored)
            {
                UploadLog.AlreadyStored(_logger, _videoId, file.Length);
                await ForgetCheckpointAsync().ConfigureAwait(false);
                return Finish(checkpoint.UploadId, file.Length, crc, _plan.Total);
            }

            UploadLog.UploadGone(_logger, _videoId, checkpoint.UploadId);
            return await MultipartAsync(await InitiateAsync(cancellationToken).ConfigureAwait(false), null, cancellationToken).ConfigureAwait(false);
        }

        // OSS's advice: the local record is the truth; the listing confirms it. A part the storage lost, or holds with
        // other bytes, is sent again; a recorded CRC the storage contradicts is computed again from the file.
        foreach (var part in checkpoint.Parts)
        {
            if (!listed.TryGetValue(part.PartNumber, out var stored) || !SameETag(stored.ETag, part.ETag))
            {
                continue;
            }

            var crc = part.Crc64;
            if (stored.Crc64 != crc)
            {
                crc = await file.Crc64Async((part.PartNumber - 1) * _plan.PartSize, part.Size, cancellationToken).ConfigureAwait(false);
                if (stored.Crc64 is { } listedCrc && listedCrc != crc)
                {
                    continue;
                }
            }

            _ledger.Add(part with { Crc64 = crc });
        }

        await _ledger.SaveAsync(checkpoint.UploadId, cancellationToken).ConfigureAwait(false);
        return await MultipartAsync(checkpoint.UploadId, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reports a credential renewal.</summary>
    public void Refreshing() => _reporter.Refreshing();

    private async Task<VodUploadResult> PutObjectAsync(UploadPart? buffered, CancellationToken cancellationToken)
    {
        var part = buffered ?? (await _source.ReadPartAsync(1, Math.Max(1, _source.Length), cancellationToken).ConfigureAwait(false))!;
        using (part)
        {
            _reporter.Report();
            var answer = await _storage.PutAsync(part, uploadId: null, cancellationToken).ConfigureAwait(false);
            var crc = part.Crc64 ?? throw new InvalidOperationException("A part's CRC is known once it was sent.");
            await _check.VerifyAsync(answer.Crc64, part.Size, crc, answer.RequestId, cancellationToken).ConfigureAwait(false);
            return Finish(null, part.Size, crc, 1);
        }
    }

    private async Task<string> InitiateAsync(CancellationToken cancellationToken)
    {
        var uploadId = await _storage.InitiateAsync(cancellationToken).ConfigureAwait(false);
        _ledger.Clear();
        try
        {
            await _ledger.SaveAsync(uploadId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Without a checkpoint nobody could resume or find this upload: leave nothing open in the storage.
            await _storage.AbortAsync(uploadId, "its checkpoint could not be saved").ConfigureAwait(false);
            throw new VodUploadException($"The checkpoint of the upload of {_videoId} could not be saved ({exception.Message}); the upload was not started.", _videoId, "CheckpointNotSaved", innerException: exception);
        }

        UploadLog.Initiated(_logger, _videoId, uploadId, _plan.PartSize);
        return uploadId;
    }

    private async Task<VodUploadResult> MultipartAsync(string uploadId, UploadPart? first, CancellationToken cancellationToken)
    {
        _reporter.Report();
        var (error, lost) = await _workers.RunAsync(uploadId, first, cancellationToken).ConfigureAwait(false);
        if (error is VodUploadException { StorageCode: "SourceChanged" })
        {
            // The parts mix two versions of the file: nothing of them may ever be completed.
            await _storage.AbortAsync(uploadId, "the file changed during the upload").ConfigureAwait(false);
            await ForgetCheckpointAsync().ConfigureAwait(false);
        }
        else if ((error is not null || cancellationToken.IsCancellationRequested) && !_source.CanResume)
        {
            await _storage.AbortAsync(uploadId, "a stream cannot be resumed").ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        }

        if (lost)
        {
            // Once: a storage that keeps losing uploads would otherwise be fed the file for ever.
            if (++_restarts > 1)
            {
                throw new VodUploadException($"The storage lost the multipart upload of {_videoId} again after it was started anew; giving up.", _videoId, "NoSuchUpload");
            }

            UploadLog.UploadGone(_logger, _videoId, uploadId);
            _reporter.Enter(VodUploadStage.Preparing);
            var restarted = await InitiateAsync(cancellationToken).ConfigureAwait(false);
            _reporter.Report(); // committed bytes fall back to zero here: the storage no longer holds the earlier parts
            _reporter.Enter(VodUploadStage.Uploading);

            return await MultipartAsync(restarted, null, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await CompleteAsync(uploadId, cancellationToken).ConfigureAwait(false);
        }
        catch (VodUploadException exception) when (exception.StorageCode == "SourceChanged")
        {
            await _storage.AbortAsync(uploadId, "the file changed during the upload").ConfigureAwait(false);
            await ForgetCheckpointAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Only a source that can be resumed ever has a checkpoint.
    private ValueTask ForgetCheckpointAsync()
        => _source.CanResume ? _options.Checkpoints.DeleteAsync(_videoId, CancellationToken.None) : ValueTask.CompletedTask;

    /// <summary>Fails the upload when the source is no longer what it started with.</summary>
    public static void CheckUnchanged(IUploadSource source, string videoId, bool thorough)
    {
        try
        {
            source.CheckUnchanged(thorough);
        }
        catch (SourceChangedException exception)
        {
            throw new VodUploadException(exception.Message, videoId, "SourceChanged", innerException: exception);
        }
    }

    private async Task<VodUploadResult> CompleteAsync(string uploadId, CancellationToken cancellationToken)
    {
        var parts = _ledger.Parts;
        _reporter.Enter(VodUploadStage.Completing);
        _reporter.Report();
        var (size, crc) = _check.Combine(parts, _source.Length);

        // The file must still be the one whose parts were sent: a rewrite during the upload would otherwise be stored
        // as a mix of both versions, which every part's own CRC passes.
        CheckUnchanged(_source, _videoId, thorough: true);
        await _check.CompleteAsync(uploadId, parts, size, crc, cancellationToken).ConfigureAwait(false);
        await ForgetCheckpointAsync().ConfigureAwait(false);
        return Finish(uploadId, size, crc, parts.Length);
    }

    private VodUploadResult Finish(string? uploadId, long size, ulong crc, int parts)
    {
        _reporter.Enter(VodUploadStage.Completed);
        _reporter.Report(size, parts);
        var elapsed = _options.TimeProvider.GetElapsedTime(_started);
        UploadLog.Completed(_logger, _videoId, size, parts, elapsed.TotalMilliseconds);
        return new VodUploadResult(_videoId, uploadId, size, crc, parts, _partsResent, _credentials.Refreshes, elapsed);
    }

    private VodUploadCheckpoint Checkpoint(string uploadId, IReadOnlyList<VodUploadedPart> parts) => new()
    {
        VideoId = _videoId,
        UploadId = uploadId,
        Endpoint = _credentials.Endpoint.ToString(),
        Bucket = _credentials.Bucket,
        Key = _credentials.Key,
        PartSize = _plan.PartSize,
        TotalBytes = _source.Length,
        SourceFingerprint = _source.Fingerprint,
        Parts = parts,
    };

    private static bool SameETag(string a, string b) => string.Equals(a.Trim('"'), b.Trim('"'), StringComparison.OrdinalIgnoreCase);

}
