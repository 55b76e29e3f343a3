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
/// whose parts go out in parallel, each acknowledged part checkpointed before it is reported. It plans and schedules;
/// storage requests are <see cref="StorageCalls"/>, the checkpoint is <see cref="PartLedger"/>'s, and nothing is
/// reported complete until <see cref="ObjectCheck"/> knows the storage's object holds exactly the source's bytes.
/// </summary>
internal sealed class UploadRun
{
    private readonly VodUploadOptions _options;
    private readonly IUploadSource _source;
    private readonly StorageCalls _storage;
    private readonly CredentialKeeper _credentials;
    private readonly IProgress<VodUploadProgress>? _progress;
    private readonly ILogger _logger;
    private readonly string _videoId;
    private readonly long _started;
    private readonly object _gate = new();
    private readonly PartLedger _ledger;
    private readonly PartPlan _plan;
    private readonly ObjectCheck _check;
    private int _partsResent;
    private int _restarts;
    private VodUploadStage _stage = VodUploadStage.Uploading;

    public UploadRun(VodUploadOptions options, IUploadSource source, StorageCalls storage, CredentialKeeper credentials, IProgress<VodUploadProgress>? progress, ILogger logger, string videoId, long partSize)
    {
        _options = options;
        _source = source;
        _storage = storage;
        _credentials = credentials;
        _progress = progress;
        _logger = logger;
        _videoId = videoId;
        _started = options.TimeProvider.GetTimestamp();
        _plan = new PartPlan(source.Length, partSize, options.PartLimit);
        _ledger = new PartLedger(source.CanResume ? options.Checkpoints : null, Checkpoint);
        _check = new ObjectCheck(storage, options, logger, videoId);
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

    public void Refreshing()
    {
        VodUploadStage previous;
        lock (_gate)
        {
            previous = _stage;
            _stage = VodUploadStage.RefreshingCredential;
        }

        Report();
        lock (_gate)
        {
            _stage = previous == VodUploadStage.RefreshingCredential ? VodUploadStage.Uploading : previous;
        }
    }

    private async Task<VodUploadResult> PutObjectAsync(UploadPart? buffered, CancellationToken cancellationToken)
    {
        var part = buffered ?? (await _source.ReadPartAsync(1, Math.Max(1, _source.Length), cancellationToken).ConfigureAwait(false))!;
        using (part)
        {
            Report();
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
        Report();
        var next = first is null ? 0 : 1;
        var ended = false;
        var restart = false;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var taking = new SemaphoreSlim(1, 1);

        // The next part to send. Numbers are taken and read under one lock, so a stream is read strictly in order.
        async Task<UploadPart?> TakeAsync()
        {
            if (Interlocked.Exchange(ref first, null) is { } taken)
            {
                return taken;
            }

            await taking.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                if (ended)
                {
                    return null;
                }

                int number;
                do
                {
                    number = ++next;
                }
                while (_ledger.Contains(number));

                CheckUnchanged(thorough: false);
                var part = await _source.ReadPartAsync(number, _plan.SizeOf(number), failed.Token).ConfigureAwait(false);
                ended = part is null;
                if (part is not null && number > _plan.MaximumParts)
                {
                    part.Dispose();
                    throw new VodUploadException(
                        $"The stream to video {_videoId} goes on past {_plan.MaximumParts} parts ({ObjectCheck.Bytes(_ledger.Parts)} bytes), the most one object may have; nothing past that was sent. Give a larger VodUploadOptions.PartSize, or a stream whose length is known.",
                        _videoId, "TooManyParts", partNumber: number);
                }

                return part;
            }
            finally
            {
                taking.Release();
            }
        }

        async Task WorkAsync()
        {
            while (!failed.IsCancellationRequested && await TakeAsync().ConfigureAwait(false) is { } part)
            {
                using (part)
                {
                    var answer = await _storage.PutAsync(part, uploadId, failed.Token).ConfigureAwait(false);
                    var etag = answer.ETag ?? throw new VodUploadException($"The storage acknowledged part {part.Number} of {_videoId} without an ETag.", _videoId, requestId: answer.RequestId, partNumber: part.Number);
                    _ledger.Add(new VodUploadedPart(part.Number, part.Size, etag, part.Crc64 ?? 0));
                    UploadLog.PartStored(_logger, _videoId, part.Number, part.Size);

                    // Saved before it is reported: a part a caller saw acknowledged survives a crash right after.
                    await SaveAsync(uploadId, failed.Token).ConfigureAwait(false);
                    Report();
                }
            }
        }

        var workers = Enumerable.Range(0, _options.Parallelism).Select(_ => Task.Run(async () =>
        {
            try
            {
                await WorkAsync().ConfigureAwait(false);
            }
            catch (VodUploadException exception) when (exception.StorageCode == "NoSuchUpload" && _source.CanResume)
            {
                restart = true;
                failed.Cancel();
            }
            catch
            {
                failed.Cancel();
                throw;
            }
        })).ToArray();

        try
        {
            await Task.WhenAll(workers).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Inspected below: the first worker's own failure is the one to report, not the others' cancellation.
        }

        var error = workers.Select(w => w.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException);
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

        if (restart)
        {
            // Once: a storage that keeps losing uploads would otherwise be fed the file for ever.
            if (++_restarts > 1)
            {
                throw new VodUploadException($"The storage lost the multipart upload of {_videoId} again after it was started anew; giving up.", _videoId, "NoSuchUpload");
            }

            UploadLog.UploadGone(_logger, _videoId, uploadId);
            lock (_gate)
            {
                _stage = VodUploadStage.Preparing;
            }

            var restarted = await InitiateAsync(cancellationToken).ConfigureAwait(false);
            Report(); // committed bytes fall back to zero here: the storage no longer holds the earlier parts
            lock (_gate)
            {
                _stage = VodUploadStage.Uploading;
            }

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

    private void CheckUnchanged(bool thorough)
    {
        try
        {
            _source.CheckUnchanged(thorough);
        }
        catch (SourceChangedException exception)
        {
            throw new VodUploadException(exception.Message, _videoId, "SourceChanged", innerException: exception);
        }
    }

    private async Task SaveAsync(string uploadId, CancellationToken cancellationToken)
    {
        try
        {
            await _ledger.SaveAsync(uploadId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new VodUploadException($"The checkpoint of the upload of {_videoId} could not be saved ({exception.Message}); the upload stopped and can be resumed from its last saved checkpoint.", _videoId, "CheckpointNotSaved", innerException: exception);
        }
    }

    private async Task<VodUploadResult> CompleteAsync(string uploadId, CancellationToken cancellationToken)
    {
        var parts = _ledger.Parts;
        lock (_gate)
        {
            _stage = VodUploadStage.Completing;
        }

        Report();
        var (size, crc) = _check.Combine(parts, _source.Length);

        // The file must still be the one whose parts were sent: a rewrite during the upload would otherwise be stored
        // as a mix of both versions, which every part's own CRC passes.
        CheckUnchanged(thorough: true);
        await _check.CompleteAsync(uploadId, parts, size, crc, cancellationToken).ConfigureAwait(false);
        await ForgetCheckpointAsync().ConfigureAwait(false);
        return Finish(uploadId, size, crc, parts.Length);
    }

    private VodUploadResult Finish(string? uploadId, long size, ulong crc, int parts)
    {
        lock (_gate)
        {
            _stage = VodUploadStage.Completed;
        }

        Report(size, parts);
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

    // Durable parts only; the total is reached once the storage has assembled the object, not before.
    private void Report(long? total = null, int? parts = null)
    {
        if (_progress is null)
        {
            return;
        }

        var (reportedParts, reportedBytes) = _ledger.Reportable;
        VodUploadProgress report;
        lock (_gate)
        {
            var committed = total ?? (_source.Length > 0 ? Math.Min(reportedBytes, _source.Length - 1) : reportedBytes);
            report = new VodUploadProgress(_videoId, _stage, committed, total ?? _source.Length, parts ?? reportedParts, _plan.Total);
        }

        _progress.Report(report);
    }

    private static bool SameETag(string a, string b) => string.Equals(a.Trim('"'), b.Trim('"'), StringComparison.OrdinalIgnoreCase);

}
