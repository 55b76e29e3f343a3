using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VodGen.Upload.Storage;

namespace VodGen.Upload.Engine;

/// <summary>
/// One upload of one source to one video: a single PutObject when it fits one part, otherwise a multipart upload
/// whose parts go out in parallel, each acknowledged part checkpointed, with the credential renewed as it expires.
/// </summary>
internal sealed class UploadRun
{
    private readonly VodUploadOptions _options;
    private readonly IUploadSource _source;
    private readonly OssClient _storage;
    private readonly CredentialKeeper _credentials;
    private readonly IProgress<VodUploadProgress>? _progress;
    private readonly ILogger _logger;
    private readonly string _videoId;
    private readonly long _started;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _saving = new(1, 1);
    private readonly SemaphoreSlim _taking = new(1, 1);
    private readonly SortedDictionary<int, VodUploadedPart> _acknowledged = new();
    private long _bytesCommitted;
    private int _partsResent;
    private int _restarts;
    private int _partsTotal;
    private long _partSize;
    private VodUploadStage _stage = VodUploadStage.Uploading;

    public UploadRun(VodUploadOptions options, IUploadSource source, OssClient storage, CredentialKeeper credentials, IProgress<VodUploadProgress>? progress, string videoId)
    {
        _options = options;
        _source = source;
        _storage = storage;
        _credentials = credentials;
        _progress = progress;
        _logger = options.Logger ?? NullLogger.Instance;
        _videoId = videoId;
        _started = options.TimeProvider.GetTimestamp();
    }

    /// <summary>Bytes per part for a source of <paramref name="length"/> bytes: the option, grown to fit 10,000 parts.</summary>
    public static long PartSizeFor(long length, long requested)
    {
        const long MiB = 1024 * 1024;
        if (length <= requested * VodUploadOptions.MaximumParts)
        {
            return requested;
        }

        var needed = (length + VodUploadOptions.MaximumParts - 1) / VodUploadOptions.MaximumParts;
        return (needed + MiB - 1) / MiB * MiB;
    }

    /// <summary>Uploads from scratch.</summary>
    public async Task<VodUploadResult> StartAsync(CancellationToken cancellationToken)
    {
        _partSize = _source.Length < 0 ? _options.PartSize : PartSizeFor(_source.Length, _options.PartSize);
        if (_source.Length >= 0 && _source.Length <= _partSize)
        {
            return await PutObjectAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_source.Length < 0)
        {
            // A stream of unknown length: one that ends within the first part still goes as a single object.
            var first = await _source.ReadPartAsync(1, _partSize, cancellationToken).ConfigureAwait(false);
            if (first!.Size < _partSize)
            {
                using (first)
                {
                    return await PutObjectAsync(cancellationToken, first).ConfigureAwait(false);
                }
            }

            var uploadId = await InitiateAsync(cancellationToken).ConfigureAwait(false);
            return await MultipartAsync(uploadId, cancellationToken, first).ConfigureAwait(false);
        }

        return await MultipartAsync(await InitiateAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Goes on with an interrupted multipart upload: acknowledged parts are not sent again.</summary>
    public async Task<VodUploadResult> ResumeAsync(VodUploadCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        _partSize = checkpoint.PartSize;
        IReadOnlyDictionary<int, string> stored;
        try
        {
            stored = await ListPartsAsync(checkpoint.UploadId, cancellationToken).ConfigureAwait(false);
        }
        catch (VodUploadException exception) when (exception.StorageCode == "NoSuchUpload")
        {
            // The storage no longer has the upload (aborted or expired): start a new one under the same video.
            UploadLog.UploadGone(_logger, _videoId, checkpoint.UploadId);
            return await MultipartAsync(await InitiateAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        // OSS's advice: the local record is the truth; the listing only confirms it. A part the storage lost is sent again.
        foreach (var part in checkpoint.Parts)
        {
            if (stored.TryGetValue(part.PartNumber, out var etag) && string.Equals(etag.Trim('"'), part.ETag.Trim('"'), StringComparison.OrdinalIgnoreCase))
            {
                _acknowledged[part.PartNumber] = part;
                _bytesCommitted += part.Size;
            }
        }

        return await MultipartAsync(checkpoint.UploadId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<VodUploadResult> PutObjectAsync(CancellationToken cancellationToken, UploadPart? buffered = null)
    {
        var part = buffered ?? (await _source.ReadPartAsync(1, Math.Max(1, _source.Length), cancellationToken).ConfigureAwait(false))!;
        try
        {
            _partsTotal = 1;
            Report();
            var answer = await SendPartAsync(part, uploadId: null, cancellationToken).ConfigureAwait(false);
            Commit(part, answer, uploadId: null);
            return Finish(null, part.Size, _acknowledged[1].Crc64);
        }
        finally
        {
            if (buffered is null)
            {
                part.Dispose();
            }
        }
    }

    private async Task<string> InitiateAsync(CancellationToken cancellationToken)
    {
        var answer = await WithRetriesAsync(
            null,
            (ticket, ct) =>
            {
                var request = new OssSignedRequest(ticket.Bucket, ticket.Key);
                request.Query.Add(("uploads", null));
                return _storage.SendAsync(HttpMethod.Post, ticket, request, null, ct);
            },
            cancellationToken).ConfigureAwait(false);
        var uploadId = ReadXml(answer, "UploadId", "InitiateMultipartUpload");
        lock (_gate)
        {
            _acknowledged.Clear();
            _bytesCommitted = 0;
        }

        await SaveCheckpointAsync(uploadId, cancellationToken).ConfigureAwait(false);
        UploadLog.Initiated(_logger, _videoId, uploadId, _partSize);
        return uploadId;
    }

    private async Task<IReadOnlyDictionary<int, string>> ListPartsAsync(string uploadId, CancellationToken cancellationToken)
    {
        var parts = new Dictionary<int, string>();
        string? marker = null;
        do
        {
            var answer = await WithRetriesAsync(
                null,
                (ticket, ct) =>
                {
                    var request = new OssSignedRequest(ticket.Bucket, ticket.Key);
                    request.Query.Add(("uploadId", uploadId));
                    if (marker is not null)
                    {
                        request.Query.Add(("part-number-marker", marker));
                    }

                    return _storage.SendAsync(HttpMethod.Get, ticket, request, null, ct);
                },
                cancellationToken).ConfigureAwait(false);
            var leaves = Parse(answer, "ListParts");
            int? number = null;
            foreach (var (parent, name, value) in leaves)
            {
                if (parent == "Part" && name == "PartNumber")
                {
                    number = int.Parse(value, CultureInfo.InvariantCulture);
                }
                else if (parent == "Part" && name == "ETag" && number is { } n)
                {
                    parts[n] = value;
                }
            }

            marker = OssXml.First(leaves, "IsTruncated") == "true" ? OssXml.First(leaves, "NextPartNumberMarker") : null;
        }
        while (marker is not null);

        return parts;
    }

    private async Task<VodUploadResult> MultipartAsync(string uploadId, CancellationToken cancellationToken, UploadPart? first = null)
    {
        _partsTotal = _source.Length < 0 ? -1 : (int)((_source.Length + _partSize - 1) / _partSize);
        Report();
        var next = first is null ? 0 : 1;
        var ended = false;
        var restart = false;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        // The next part to send. Numbers are taken and read under one lock, so a stream is read strictly in order.
        async Task<UploadPart?> TakeAsync()
        {
            if (Interlocked.Exchange(ref first, null) is { } taken)
            {
                return taken;
            }

            await _taking.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                if (ended)
                {
                    return null;
                }

                int number;
                lock (_gate)
                {
                    do
                    {
                        number = ++next;
                    }
                    while (_acknowledged.ContainsKey(number));
                }

                var part = await _source.ReadPartAsync(number, _partSize, failed.Token).ConfigureAwait(false);
                ended = part is null;
                return part;
            }
            finally
            {
                _taking.Release();
            }
        }

        async Task WorkAsync()
        {
            while (!failed.IsCancellationRequested && await TakeAsync().ConfigureAwait(false) is { } part)
            {
                using (part)
                {
                    var answer = await SendPartAsync(part, uploadId, failed.Token).ConfigureAwait(false);
                    Commit(part, answer, uploadId);

                    // Recorded before it is reported: a part a caller saw acknowledged survives a crash right after.
                    await SaveCheckpointAsync(uploadId, failed.Token).ConfigureAwait(false);
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
        if ((error is not null || cancellationToken.IsCancellationRequested) && !_source.CanResume)
        {
            // A stream cannot be resumed: leave no orphaned parts in the storage.
            await AbortAsync(uploadId).ConfigureAwait(false);
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
            return await MultipartAsync(await InitiateAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        return await CompleteAsync(uploadId, cancellationToken).ConfigureAwait(false);
    }

    // Best effort, bounded in time: the upload has failed already, and its error is the one to report.
    private async Task AbortAsync(string uploadId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            var (ticket, _) = await _credentials.CurrentAsync(limit.Token).ConfigureAwait(false);
            var request = new OssSignedRequest(ticket.Bucket, ticket.Key);
            request.Query.Add(("uploadId", uploadId));
            await _storage.SendAsync(HttpMethod.Delete, ticket, request, null, limit.Token).ConfigureAwait(false);
            UploadLog.Aborted(_logger, _videoId, uploadId);
        }
        catch (Exception exception) when (exception is OssStorageError or HttpRequestException or IOException or TimeoutException or OperationCanceledException or VodException)
        {
            UploadLog.AbortFailed(_logger, _videoId, uploadId, exception.GetType().Name);
        }
    }

    private async Task<VodUploadResult> CompleteAsync(string uploadId, CancellationToken cancellationToken)
    {
        VodUploadedPart[] parts;
        lock (_gate)
        {
            parts = _acknowledged.Values.ToArray();
            _stage = VodUploadStage.Completing;
        }

        Report();
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].PartNumber != i + 1)
            {
                throw new VodUploadException($"Part {i + 1} of the upload of {_videoId} was never acknowledged; the upload cannot be completed.", _videoId, partNumber: i + 1);
            }
        }

        var body = new StringBuilder("<CompleteMultipartUpload>");
        foreach (var part in parts)
        {
            body.Append("<Part><PartNumber>").Append(part.PartNumber.ToString(CultureInfo.InvariantCulture)).Append("</PartNumber><ETag>")
                .Append(System.Security.SecurityElement.Escape(part.ETag)).Append("</ETag></Part>");
        }

        var xml = Encoding.UTF8.GetBytes(body.Append("</CompleteMultipartUpload>").ToString());
        var answer = await WithRetriesAsync(
            null,
            (ticket, ct) =>
            {
                var request = new OssSignedRequest(ticket.Bucket, ticket.Key).With("content-type", "application/xml");
                request.Query.Add(("uploadId", uploadId));
                return _storage.SendAsync(HttpMethod.Post, ticket, request, new ByteArrayContent(xml), ct);
            },
            cancellationToken).ConfigureAwait(false);

        var size = parts.Sum(p => p.Size);
        var crc = parts.Skip(1).Aggregate(parts[0].Crc64, (combined, part) => VodCrc64.Combine(combined, part.Crc64, part.Size));
        if (_options.VerifyCrc64 && answer.Crc64 is { } reported && reported != crc)
        {
            throw new VodUploadException(
                $"The stored object of {_videoId} has CRC-64 {reported}, but its parts combine to {crc}: the storage holds other bytes than were sent.",
                _videoId, "CrcMismatch", answer.RequestId);
        }

        await _options.Checkpoints.DeleteAsync(_videoId, CancellationToken.None).ConfigureAwait(false);
        return Finish(uploadId, size, crc);
    }

    private async Task<OssAnswer> SendPartAsync(UploadPart part, string? uploadId, CancellationToken cancellationToken)
    {
        var answer = await WithRetriesAsync(
            part.Number,
            async (ticket, ct) =>
            {
                var request = new OssSignedRequest(ticket.Bucket, ticket.Key);
                if (uploadId is not null)
                {
                    request.Query.Add(("partNumber", part.Number.ToString(CultureInfo.InvariantCulture)));
                    request.Query.Add(("uploadId", uploadId));
                }

                using var content = part.CreateContent();
                var sent = await _storage.SendAsync(HttpMethod.Put, ticket, request, content, ct).ConfigureAwait(false);
                if (content is FilePartContent { Crc64: { } crc })
                {
                    part.Crc64 = crc;
                }

                return sent;
            },
            cancellationToken).ConfigureAwait(false);

        if (_options.VerifyCrc64 && answer.Crc64 is { } reported && part.Crc64 is { } local && reported != local)
        {
            throw new VodUploadException(
                $"Part {part.Number} of {_videoId} was stored with CRC-64 {reported}, but {local} was sent: the bytes were changed on the way.",
                _videoId, "CrcMismatch", answer.RequestId, part.Number);
        }

        return answer;
    }

    // One storage request with what can go wrong handled: expired credentials renewed (single-flight), clock skew
    // corrected, transient failures retried with backoff; everything else fails the upload with a clear error.
    private async Task<OssAnswer> WithRetriesAsync(int? partNumber, Func<VodUploadTicket, CancellationToken, Task<OssAnswer>> send, CancellationToken cancellationToken)
    {
        var transientFailures = 0;
        var skewCorrections = 0;
        while (true)
        {
            var (ticket, version) = await _credentials.CurrentAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var answer = await send(ticket, cancellationToken).ConfigureAwait(false);
                _credentials.Proven(version);
                return answer;
            }
            catch (OssStorageError error) when (error.IsExpiredCredential || error.IsBrokenCredential)
            {
                UploadLog.CredentialRefused(_logger, _videoId, partNumber, error.Code);
                if (!await _credentials.RefusedAsync(version, cancellationToken).ConfigureAwait(false))
                {
                    throw Failure($"The storage refused a freshly renewed upload credential ({error.Code}): {error.ServiceMessage}", error, partNumber);
                }

                CountResent(partNumber);
            }
            catch (OssStorageError error) when (error.IsClockSkew && error.ServerDate is { } serverDate && skewCorrections++ < 2)
            {
                _storage.ClockOffset = serverDate - _options.TimeProvider.GetUtcNow();
                UploadLog.ClockCorrected(_logger, _videoId, _storage.ClockOffset.TotalSeconds);
                CountResent(partNumber);
            }
            catch (Exception exception) when (IsTransient(exception) && transientFailures++ < _options.MaxPartRetries)
            {
                var delay = TimeSpan.FromMilliseconds(Math.Min(5_000, 100 * Math.Pow(2, transientFailures - 1)) * (0.5 + Random.Shared.NextDouble()));
                UploadLog.Retrying(_logger, _videoId, partNumber, exception is OssStorageError s ? s.Code : exception.GetType().Name, delay.TotalMilliseconds);
                CountResent(partNumber);
                await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OssStorageError error)
            {
                throw Failure($"The storage refused {(partNumber is { } n ? $"part {n}" : "a request")} of the upload: {error.Message}", error, partNumber);
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or TimeoutException)
            {
                throw new VodUploadException(
                    $"The storage could not be reached for {(partNumber is { } n ? $"part {n}" : "a request")} of the upload of {_videoId} after {transientFailures} attempts: {exception.Message}",
                    _videoId, partNumber: partNumber, innerException: exception);
            }
        }
    }

    private static bool IsTransient(Exception exception)
        => exception is OssStorageError { IsTransient: true } or HttpRequestException or IOException or TimeoutException;

    private VodUploadException Failure(string message, OssStorageError error, int? partNumber)
        => new($"{message} (video {_videoId}{(error.RequestId is null ? string.Empty : ", request " + error.RequestId)})", _videoId, error.Code, error.RequestId, partNumber, error.Status);

    private void CountResent(int? partNumber)
    {
        if (partNumber is not null)
        {
            Interlocked.Increment(ref _partsResent);
            UploadTelemetry.PartsResent.Add(1);
        }
    }

    private void Commit(UploadPart part, OssAnswer answer, string? uploadId)
    {
        var etag = answer.ETag ?? throw new VodUploadException($"The storage acknowledged part {part.Number} of {_videoId} without an ETag.", _videoId, requestId: answer.RequestId, partNumber: part.Number);
        lock (_gate)
        {
            if (_acknowledged.TryAdd(part.Number, new VodUploadedPart(part.Number, part.Size, etag, part.Crc64 ?? 0)))
            {
                _bytesCommitted += part.Size;
            }
        }

        UploadLog.PartStored(_logger, _videoId, part.Number, part.Size);
    }

    private async Task SaveCheckpointAsync(string uploadId, CancellationToken cancellationToken)
    {
        if (!_source.CanResume)
        {
            return;
        }

        // One save at a time, each with every part acknowledged so far: a later save never loses an earlier part.
        await _saving.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            VodUploadCheckpoint checkpoint;
            var (ticket, _) = await _credentials.CurrentAsync(cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                checkpoint = new VodUploadCheckpoint
                {
                    VideoId = _videoId,
                    UploadId = uploadId,
                    Endpoint = ticket.Endpoint.ToString(),
                    Bucket = ticket.Bucket,
                    Key = ticket.Key,
                    PartSize = _partSize,
                    TotalBytes = _source.Length,
                    SourceFingerprint = _source.Fingerprint,
                    Parts = _acknowledged.Values.ToArray(),
                };
            }

            await _options.Checkpoints.SaveAsync(checkpoint, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _saving.Release();
        }
    }

    private VodUploadResult Finish(string? uploadId, long size, ulong crc)
    {
        lock (_gate)
        {
            _stage = VodUploadStage.Completed;
            _bytesCommitted = size;
        }

        Report(size);
        var elapsed = _options.TimeProvider.GetElapsedTime(_started);
        UploadLog.Completed(_logger, _videoId, size, _acknowledged.Count, elapsed.TotalMilliseconds);
        return new VodUploadResult(_videoId, uploadId, size, crc, _acknowledged.Count, _partsResent, _credentials.Refreshes, elapsed);
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

    // Acknowledged bytes only; the total is reached once the storage has assembled the object, not before.
    private void Report(long? total = null)
    {
        if (_progress is null)
        {
            return;
        }

        VodUploadProgress report;
        lock (_gate)
        {
            var committed = total ?? (_source.Length > 0 ? Math.Min(_bytesCommitted, _source.Length - 1) : _bytesCommitted);
            report = new VodUploadProgress(_videoId, _stage, committed, total ?? _source.Length, _acknowledged.Count, _partsTotal);
        }

        _progress.Report(report);
    }

    private static List<(string Parent, string Name, string Value)> Parse(OssAnswer answer, string what)
    {
        try
        {
            return OssXml.Leaves(answer.Body);
        }
        catch (System.Xml.XmlException exception)
        {
            throw new VodProtocolException($"The storage's answer to {what} is not valid XML (line {exception.LineNumber}).", answer.Status, innerException: exception);
        }
    }

    private static string ReadXml(OssAnswer answer, string element, string what)
        => OssXml.First(Parse(answer, what), element) is { Length: > 0 } value
            ? value
            : throw new VodProtocolException($"The storage's answer to {what} has no {element}.", answer.Status);
}
