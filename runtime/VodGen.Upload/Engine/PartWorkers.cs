using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace VodGen.Upload.Engine;

/// <summary>How a round of part workers ended.</summary>
/// <param name="Error">The first worker's own failure (not the others' cancellation), or null.</param>
/// <param name="UploadLost">The storage no longer has the multipart upload and the source can be sent again.</param>
internal readonly record struct PartRound(Exception? Error, bool UploadLost);

/// <summary>
/// Sends the parts of one multipart upload with <see cref="VodUploadOptions.Parallelism"/> workers. Parts are taken
/// and read in order under one lock (a stream is read strictly once, front to back); each acknowledged part is
/// checkpointed before it is reported; the first failure stops every worker.
/// </summary>
internal sealed class PartWorkers
{
    private readonly IUploadSource _source;
    private readonly StorageCalls _storage;
    private readonly PartLedger _ledger;
    private readonly PartPlan _plan;
    private readonly UploadProgressReporter _reporter;
    private readonly ILogger _logger;
    private readonly string _videoId;
    private readonly int _parallelism;

    public PartWorkers(IUploadSource source, StorageCalls storage, PartLedger ledger, PartPlan plan, UploadProgressReporter reporter, ILogger logger, string videoId, int parallelism)
    {
        _source = source;
        _storage = storage;
        _ledger = ledger;
        _plan = plan;
        _reporter = reporter;
        _logger = logger;
        _videoId = videoId;
        _parallelism = parallelism;
    }

    /// <summary>Sends every part the ledger does not hold; <paramref name="first"/> is part 1 when it was read already.</summary>
    public async Task<PartRound> RunAsync(string uploadId, UploadPart? first, CancellationToken cancellationToken)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = new Queue(this, first, failed.Token);
        var lost = false;
        var workers = Enumerable.Range(0, _parallelism).Select(_ => Task.Run(async () =>
        {
            try
            {
                await WorkAsync(queue, uploadId, failed.Token).ConfigureAwait(false);
            }
            catch (VodUploadException exception) when (exception.StorageCode == "NoSuchUpload" && _source.CanResume)
            {
                lost = true;
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

        queue.Dispose();
        var error = workers.Select(w => w.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException);
        return new PartRound(error, lost);
    }

    private async Task WorkAsync(Queue queue, string uploadId, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && await queue.TakeAsync().ConfigureAwait(false) is { } part)
        {
            using (part)
            {
                var answer = await _storage.PutAsync(part, uploadId, cancellationToken).ConfigureAwait(false);
                var etag = answer.ETag ?? throw new VodUploadException($"The storage acknowledged part {part.Number} of {_videoId} without an ETag.", _videoId, requestId: answer.RequestId, partNumber: part.Number);
                _ledger.Add(new VodUploadedPart(part.Number, part.Size, etag, part.Crc64 ?? 0));
                UploadLog.PartStored(_logger, _videoId, part.Number, part.Size);

                // Saved before it is reported: a part a caller saw acknowledged survives a crash right after.
                await SaveAsync(uploadId, cancellationToken).ConfigureAwait(false);
                _reporter.Report();
            }
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

    /// <summary>The next part to send: numbers the ledger holds are skipped, and the source is read in order.</summary>
    private sealed class Queue(PartWorkers workers, UploadPart? first, CancellationToken cancellationToken) : IDisposable
    {
        private readonly SemaphoreSlim _taking = new(1, 1);
        private UploadPart? _first = first;
        private int _next = first is null ? 0 : 1;
        private bool _ended;

        public async Task<UploadPart?> TakeAsync()
        {
            if (Interlocked.Exchange(ref _first, null) is { } taken)
            {
                return taken;
            }

            await _taking.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_ended)
                {
                    return null;
                }

                int number;
                do
                {
                    number = ++_next;
                }
                while (workers._ledger.Contains(number));

                UploadRun.CheckUnchanged(workers._source, workers._videoId, thorough: false);
                var part = await workers._source.ReadPartAsync(number, workers._plan.SizeOf(number), cancellationToken).ConfigureAwait(false);
                _ended = part is null;
                if (part is not null && number > workers._plan.MaximumParts)
                {
                    part.Dispose();
                    throw new VodUploadException(
                        $"The stream to video {workers._videoId} goes on past {workers._plan.MaximumParts} parts ({ObjectCheck.Bytes(workers._ledger.Parts)} bytes), the most one object may have; nothing past that was sent. Give a larger VodUploadOptions.PartSize, or a stream whose length is known.",
                        workers._videoId, "TooManyParts", partNumber: number);
                }

                return part;
            }
            finally
            {
                _taking.Release();
            }
        }

        // A first part no worker took (every worker stopped before it) is released here.
        public void Dispose()
        {
            Interlocked.Exchange(ref _first, null)?.Dispose();
            _taking.Dispose();
        }
    }
}
