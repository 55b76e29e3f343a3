using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http;
using VodGen.Emulator.Media;

namespace VodGen.Emulator.Storage;

/// <summary>
/// The emulator's stand-in for the storage service (OSS) that upload addresses point at, on its own 127.0.0.1 port:
/// PutObject and the five multipart requests with their XML answers, headers, limits and error codes; temporary
/// credentials minted by CreateUploadVideo and RefreshUploadVideo, bound to one object and expiring on the emulator's
/// clock; V1 and V4 signatures checked. A completed object makes its video <c>UploadSucc</c> with the real size, then
/// <c>Normal</c> after <see cref="TranscodeDelay"/>. Faults can be injected while it runs.
/// </summary>
public sealed class EmulatorStorage : IDisposable
{
    /// <summary>How many of the latest requests <see cref="Requests"/> keeps.</summary>
    public const int RequestRecordCapacity = 10_000;

    private const long MinimumPartSize = 100 * 1024;
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, StorageCredential> _credentials = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, MultipartUpload> _uploads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Bucket, string Key), StoredObject> _objects = new();
    private readonly BoundedRing<StorageRequestRecord> _requests = new(RequestRecordCapacity);
    private readonly BlobStore _blobs = new();
    private readonly MediaStore _store;
    private readonly TimeProvider _clock;
    private readonly string _region;
    private readonly object _faultGate = new();
    private DateTimeOffset _expiredBefore = DateTimeOffset.MinValue;
    private int _expireAfterParts = -1;
    private int _expireEvery;
    private int _expiriesLeft;
    private int _credentialExpiries;
    private int _failNext;
    private int _failStatus = 503;
    private int _dropNextParts;
    private long _bytesReceived;

    internal EmulatorStorage(MediaStore store, TimeProvider clock, string region)
    {
        _store = store;
        _clock = clock;
        _region = region;
    }

    /// <summary>The storage endpoint upload addresses name, for example <c>http://127.0.0.1:5081</c>.</summary>
    public Uri Endpoint { get; internal set; } = new("http://127.0.0.1/");

    /// <summary>How long a minted upload credential lasts: 3,000 s, as the service's do.</summary>
    public TimeSpan CredentialLifetime { get; set; } = TimeSpan.FromSeconds(3000);

    /// <summary>How long after its upload completes a video turns <c>Normal</c> (playable): 1 s by default.</summary>
    public TimeSpan TranscodeDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long each UploadPart takes before it is answered: none by default (a slow link, for tests).</summary>
    public TimeSpan PartLatency { get; set; }

    /// <summary>How far the storage's clock is ahead of the emulator's (negative: behind); for skew tests.</summary>
    public TimeSpan ClockSkew { get; set; }

    /// <summary>Body bytes received by all requests, including refused and dropped ones.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>The latest requests answered (at most <see cref="RequestRecordCapacity"/>), in order.</summary>
    public IReadOnlyList<StorageRequestRecord> Requests => _requests.ToArray();

    /// <summary>Requests answered since the start, kept or not.</summary>
    public long RequestsAnswered => _requests.Total;

    /// <summary>The folder the stored bytes are kept in (removed when the emulator stops).</summary>
    public string DataFolder => _blobs.Folder;

    /// <summary>Every upload credential minted: the secrets a test may check never leak (these are throw-away values).</summary>
    public IReadOnlyList<(string AccessKeyId, string AccessKeySecret, string SecurityToken)> IssuedCredentials
        => _credentials.Values.OrderBy(c => c.IssuedAt).Select(c => (c.AccessKeyId, c.AccessKeySecret, c.SecurityToken)).ToList();

    /// <summary>Multipart uploads neither completed nor aborted.</summary>
    public int OpenUploads => _uploads.Count;

    /// <summary>The stored object's bytes, or null (read whole into memory: for small objects in tests).</summary>
    public byte[]? GetObject(string bucket, string key)
    {
        if (!_objects.TryGetValue((bucket, key), out var stored))
        {
            return null;
        }

        var data = new byte[stored.Length];
        var offset = 0;
        foreach (var segment in stored.Segments)
        {
            using var file = File.OpenRead(segment.Path);
            file.ReadExactly(data, offset, (int)segment.Length);
            offset += (int)segment.Length;
        }

        return data;
    }

    /// <summary>The stored object's size and CRC-64, or null.</summary>
    public (long Length, ulong Crc64)? DescribeObject(string bucket, string key)
        => _objects.TryGetValue((bucket, key), out var stored) ? (stored.Length, stored.Crc64) : null;

    /// <summary>Removes an object and every unfinished upload to it, with their files (its video was deleted).</summary>
    internal void Drop(string bucket, string key)
    {
        if (_objects.TryRemove((bucket, key), out var stored))
        {
            foreach (var segment in stored.Segments)
            {
                BlobStore.Delete(segment);
            }
        }

        foreach (var (id, upload) in _uploads)
        {
            if (upload.Bucket == bucket && upload.Key == key && _uploads.TryRemove(id, out _))
            {
                DeleteParts(upload);
            }
        }
    }

    /// <summary>Removes every stored file.</summary>
    public void Dispose() => _blobs.Dispose();

    /// <summary>Every credential minted so far expires now (RefreshUploadVideo mints working ones again).</summary>
    public void ExpireCredentials()
    {
        lock (_faultGate)
        {
            _expiredBefore = _clock.GetUtcNow().AddTicks(1);
        }
    }

    /// <summary>Every credential minted so far expires once <paramref name="parts"/> more parts have been stored.</summary>
    public void ExpireCredentialsAfterParts(int parts) => ExpireCredentialsEvery(parts, 1);

    /// <summary>
    /// Every <paramref name="parts"/> stored parts, <paramref name="times"/> times, every credential minted so far
    /// expires. A turn that finds no working credential (none minted since the last) waits for the next stored part,
    /// so each of the <paramref name="times"/> expiries really ends a credential in use.
    /// </summary>
    public void ExpireCredentialsEvery(int parts, int times)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parts);
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        lock (_faultGate)
        {
            _expireAfterParts = parts;
            _expireEvery = parts;
            _expiriesLeft = times;
        }
    }

    /// <summary>How many times working credentials were expired by <see cref="ExpireCredentialsEvery"/>.</summary>
    public int CredentialExpiries
    {
        get
        {
            lock (_faultGate)
            {
                return _credentialExpiries;
            }
        }
    }

    /// <summary>The next <paramref name="requests"/> requests are answered with <paramref name="status"/> (503 by default).</summary>
    public void FailNext(int requests, int status = 503)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        lock (_faultGate)
        {
            _failNext = requests;
            _failStatus = status;
        }
    }

    /// <summary>The next <paramref name="parts"/> UploadPart requests lose their connection halfway through the body.</summary>
    public void DropNextParts(int parts)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(parts);
        Interlocked.Exchange(ref _dropNextParts, parts);
    }

    /// <summary>Forgets every multipart upload in progress: their next request gets NoSuchUpload.</summary>
    public void ForgetUploads()
    {
        foreach (var id in _uploads.Keys)
        {
            if (_uploads.TryRemove(id, out var upload))
            {
                DeleteParts(upload);
            }
        }
    }

    /// <summary>Mints the temporary credential for an upload address.</summary>
    internal StorageCredential Mint(string bucket, string key, DateTimeOffset now)
    {
        var credential = new StorageCredential(
            "STS.NT" + MediaStore.NewHex(10),
            MediaStore.NewHex(20),
            "CAIS" + MediaStore.NewHex(48),
            bucket,
            key,
            now,
            now + CredentialLifetime);
        _credentials[credential.AccessKeyId] = credential;
        return credential;
    }

    internal async Task HandleAsync(HttpContext context)
    {
        // Parts may be far larger than the gateway's request limit; the API port keeps that limit.
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = 5L * 1024 * 1024 * 1024;
        }

        if (StorageCors.Handle(context))
        {
            return; // a browser's preflight, answered as a VOD bucket does
        }

        var request = context.Request;
        var now = _clock.GetUtcNow() + ClockSkew;
        var operation = OperationOf(request);
        var partNumber = request.Query.ContainsKey("partNumber") && int.TryParse(request.Query["partNumber"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        var requestId = Guid.NewGuid().ToString("N").ToUpperInvariant()[..24];
        context.Response.Headers["x-oss-request-id"] = requestId;
        context.Response.Headers.Date = now.ToString("r", CultureInfo.InvariantCulture);
        var claimed = StorageSignatureChecker.Claim(request)?.AccessKeyId ?? string.Empty;
        var accessKeyId = claimed.Length <= 64 ? claimed : claimed[..64] + "…"; // a record's size never follows the caller's

        async Task Answer(int status, string code, long received)
        {
            _requests.Add(new StorageRequestRecord(now, operation, partNumber, status, code, accessKeyId, received));
            if (code != "OK")
            {
                await WriteErrorAsync(context, status, code, requestId).ConfigureAwait(false);
            }
        }

        // Faults first, as a proxy or a failing node would answer, before the body is read.
        if (operation == "UploadPart" && Interlocked.Decrement(ref _dropNextParts) >= 0)
        {
            var half = (request.ContentLength ?? 0) / 2;
            var read = await BlobStore.DiscardAsync(request.Body, half, context.RequestAborted).ConfigureAwait(false);
            _requests.Add(new StorageRequestRecord(now, operation, partNumber, 0, "Fault.Dropped", accessKeyId, read));
            context.Abort();
            return;
        }

        int? failWith = null;
        lock (_faultGate)
        {
            if (_failNext > 0)
            {
                _failNext--;
                failWith = _failStatus;
            }
        }

        if (failWith is { } failStatus)
        {
            _requests.Add(new StorageRequestRecord(now, operation, partNumber, failStatus, "Fault.Status", accessKeyId, 0));
            await WriteErrorAsync(context, failStatus, failStatus == 503 ? "ServiceUnavailable" : "InternalError", requestId).ConfigureAwait(false);
            return;
        }

        if (ParseTarget(request) is not var (bucket, key))
        {
            await Answer(400, "InvalidArgument", 0).ConfigureAwait(false);
            return;
        }

        if (Authorize(request, bucket, key, now) is { } refusal)
        {
            await Answer(refusal.Status, refusal.Code, 0).ConfigureAwait(false);
            return;
        }

        switch (operation)
        {
            case "PutObject":
            {
                if (await ReceiveAsync(request, context.RequestAborted).ConfigureAwait(false) is not { } blob)
                {
                    await Answer(400, "IncompleteBody", 0).ConfigureAwait(false);
                    return;
                }

                var etag = SetPartHeaders(context, blob);
                Replace(bucket, key, new StoredObject([blob], blob.Length, blob.Crc64, etag));
                await Answer(200, "OK", blob.Length).ConfigureAwait(false);
                Stored(bucket, key, blob.Length, now);
                return;
            }

            case "HeadObject":
            {
                if (!_objects.TryGetValue((bucket, key), out var stored))
                {
                    _requests.Add(new StorageRequestRecord(now, operation, partNumber, 404, "NoSuchKey", accessKeyId, 0));
                    context.Response.StatusCode = 404;
                    return;
                }

                context.Response.ContentLength = stored.Length;
                context.Response.Headers.ETag = stored.ETag;
                context.Response.Headers["x-oss-hash-crc64ecma"] = stored.Crc64.ToString(CultureInfo.InvariantCulture);
                await Answer(200, "OK", 0).ConfigureAwait(false);
                return;
            }

            case "InitiateMultipartUpload":
            {
                var uploadId = MediaStore.NewHex(16).ToUpperInvariant();
                _uploads[uploadId] = new MultipartUpload(bucket, key);
                await Answer(200, "OK", 0).ConfigureAwait(false);
                await WriteXmlAsync(context, new XElement("InitiateMultipartUploadResult", new XElement("Bucket", bucket), new XElement("Key", key), new XElement("UploadId", uploadId))).ConfigureAwait(false);
                return;
            }

            case "UploadPart":
            {
                if (partNumber is not (>= 1 and <= 10_000))
                {
                    await Answer(400, "InvalidArgument", 0).ConfigureAwait(false);
                    return;
                }

                if (Upload(request, bucket, key) is not { } upload)
                {
                    await Answer(404, "NoSuchUpload", 0).ConfigureAwait(false);
                    return;
                }

                if (await ReceiveAsync(request, context.RequestAborted).ConfigureAwait(false) is not { } blob)
                {
                    await Answer(400, "IncompleteBody", 0).ConfigureAwait(false);
                    return;
                }

                if (PartLatency > TimeSpan.Zero)
                {
                    await Task.Delay(PartLatency, _clock, context.RequestAborted).ConfigureAwait(false);
                }

                var etag = SetPartHeaders(context, blob);
                var part = new StoredPart(partNumber.Value, blob, etag, now);
                StoredPart? replaced = null;
                upload.Parts.AddOrUpdate(partNumber.Value, part, (_, old) => { replaced = old; return part; });
                BlobStore.Delete(replaced?.Blob);
                if (!_uploads.ContainsKey(request.Query["uploadId"].ToString()))
                {
                    // Aborted or completed while this part was arriving: its file belongs to nothing.
                    upload.Parts.TryRemove(new KeyValuePair<int, StoredPart>(partNumber.Value, part));
                    BlobStore.Delete(blob);
                }

                await Answer(200, "OK", blob.Length).ConfigureAwait(false);
                lock (_faultGate)
                {
                    if (_expiriesLeft > 0 && --_expireAfterParts <= 0 && _credentials.Values.Any(c => c.IssuedAt >= _expiredBefore))
                    {
                        _expiredBefore = _clock.GetUtcNow().AddTicks(1);
                        _credentialExpiries++;
                        _expireAfterParts = --_expiriesLeft > 0 ? _expireEvery : -1;
                    }
                }

                return;
            }

            case "ListParts":
            {
                if (Upload(request, bucket, key) is not { } upload)
                {
                    await Answer(404, "NoSuchUpload", 0).ConfigureAwait(false);
                    return;
                }

                var marker = int.TryParse(request.Query["part-number-marker"], NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
                var max = int.TryParse(request.Query["max-parts"], NumberStyles.None, CultureInfo.InvariantCulture, out var x) ? Math.Clamp(x, 1, 1000) : 1000;
                var parts = upload.Parts.Values.Where(p => p.Number > marker).OrderBy(p => p.Number).ToList();
                var page = parts.Take(max).ToList();
                await Answer(200, "OK", 0).ConfigureAwait(false);
                await WriteXmlAsync(context, new XElement(
                    "ListPartsResult",
                    new XElement("Bucket", bucket),
                    new XElement("Key", key),
                    new XElement("UploadId", request.Query["uploadId"].ToString()),
                    new XElement("PartNumberMarker", marker),
                    new XElement("NextPartNumberMarker", page.Count > 0 ? page[^1].Number : marker),
                    new XElement("MaxParts", max),
                    new XElement("IsTruncated", parts.Count > max ? "true" : "false"),
                    page.Select(p => new XElement(
                        "Part",
                        new XElement("PartNumber", p.Number),
                        new XElement("LastModified", p.LastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
                        new XElement("ETag", p.ETag),
                        new XElement("HashCrc64ecma", p.Crc64),
                        new XElement("Size", p.Size))))).ConfigureAwait(false);
                return;
            }

            case "CompleteMultipartUpload":
            {
                if (Upload(request, bucket, key) is not { } upload)
                {
                    await Answer(404, "NoSuchUpload", 0).ConfigureAwait(false);
                    return;
                }

                var body = await ReadAsync(request, MaxCompleteBody, context.RequestAborted).ConfigureAwait(false);
                if (Listed(body) is not { } listed)
                {
                    await Answer(400, "MalformedXML", body.Length).ConfigureAwait(false);
                    return;
                }

                if (Check(upload, listed) is { } failure)
                {
                    await Answer(400, failure, body.Length).ConfigureAwait(false);
                    return;
                }

                if (!_uploads.TryRemove(new KeyValuePair<string, MultipartUpload>(request.Query["uploadId"].ToString(), upload)))
                {
                    await Answer(404, "NoSuchUpload", body.Length).ConfigureAwait(false);
                    return;
                }

                // The object keeps the listed parts' files, in order; parts left out of the list are removed.
                var segments = listed.Select(l => upload.Parts[l.Number].Blob).ToList();
                foreach (var part in upload.Parts.Values.Where(p => !segments.Contains(p.Blob)))
                {
                    BlobStore.Delete(part.Blob);
                }

                var crc = await BlobStore.Crc64Async(segments, context.RequestAborted).ConfigureAwait(false);
                var etag = "\"" + MediaStore.NewHex(16).ToUpperInvariant() + "-" + segments.Count + "\"";
                var length = segments.Sum(b => b.Length);
                Replace(bucket, key, new StoredObject(segments, length, crc, etag));
                context.Response.Headers["x-oss-hash-crc64ecma"] = crc.ToString(CultureInfo.InvariantCulture);
                context.Response.Headers.ETag = etag;
                await Answer(200, "OK", body.Length).ConfigureAwait(false);
                await WriteXmlAsync(context, new XElement("CompleteMultipartUploadResult", new XElement("Bucket", bucket), new XElement("Key", key))).ConfigureAwait(false);
                Stored(bucket, key, length, now);
                return;
            }

            case "AbortMultipartUpload":
            {
                if (!_uploads.TryRemove(request.Query["uploadId"].ToString(), out var aborted))
                {
                    await Answer(404, "NoSuchUpload", 0).ConfigureAwait(false);
                    return;
                }

                DeleteParts(aborted);
                await Answer(204, "OK", 0).ConfigureAwait(false);
                context.Response.StatusCode = 204;
                return;
            }

            default:
                await Answer(400, "InvalidArgument", 0).ConfigureAwait(false);
                return;
        }
    }

    private static string OperationOf(HttpRequest request) => (request.Method, request.Query.ContainsKey("uploads"), request.Query.ContainsKey("uploadId"), request.Query.ContainsKey("partNumber")) switch
    {
        ("PUT", false, false, false) => "PutObject",
        ("HEAD", false, false, false) => "HeadObject",
        ("POST", true, _, _) => "InitiateMultipartUpload",
        ("PUT", _, true, true) => "UploadPart",
        ("GET", _, true, _) => "ListParts",
        ("POST", _, true, _) => "CompleteMultipartUpload",
        ("DELETE", _, true, _) => "AbortMultipartUpload",
        _ => "Unknown",
    };

    // Path style: /bucket/key (the key keeps its slashes).
    private static (string Bucket, string Key)? ParseTarget(HttpRequest request)
    {
        var path = Uri.UnescapeDataString(request.Path.Value ?? string.Empty).TrimStart('/');
        var slash = path.IndexOf('/');
        return slash <= 0 || slash == path.Length - 1 ? null : (path[..slash], path[(slash + 1)..]);
    }

    private (int Status, string Code)? Authorize(HttpRequest request, string bucket, string key, DateTimeOffset now)
    {
        if (StorageSignatureChecker.Claim(request) is not var (accessKeyId, v4))
        {
            return (403, "AccessDenied");
        }

        if (StorageSignatureChecker.RequestTime(request, v4) is not { } time)
        {
            return (403, "AccessDenied");
        }

        if ((time - now).Duration() > AllowedSkew)
        {
            return (403, "RequestTimeTooSkewed");
        }

        if (!_credentials.TryGetValue(accessKeyId, out var credential))
        {
            return (403, "InvalidAccessKeyId");
        }

        DateTimeOffset expiredBefore;
        lock (_faultGate)
        {
            expiredBefore = _expiredBefore;
        }

        if (_clock.GetUtcNow() >= credential.ExpiresAt || credential.IssuedAt < expiredBefore)
        {
            return (403, "SecurityTokenExpired");
        }

        if (request.Headers["x-oss-security-token"].ToString() != credential.SecurityToken)
        {
            return (403, "InvalidSecurityToken");
        }

        if (!StorageSignatureChecker.Verify(request, v4, bucket, key, credential.AccessKeySecret, _region))
        {
            return (403, "SignatureDoesNotMatch");
        }

        return credential.Bucket == bucket && credential.Key == key ? null : (403, "AccessDenied");
    }

    private MultipartUpload? Upload(HttpRequest request, string bucket, string key)
        => _uploads.TryGetValue(request.Query["uploadId"].ToString(), out var upload) && upload.Bucket == bucket && upload.Key == key ? upload : null;

    private const int MaxCompleteBody = 4 * 1024 * 1024;

    private static readonly System.Xml.XmlReaderSettings CompleteXml = new()
    {
        DtdProcessing = System.Xml.DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        MaxCharactersInDocument = MaxCompleteBody,
    };

    // The part list of a Complete body, read in one streaming pass: a body nested deeper than the format
    // (CompleteMultipartUpload / Part / PartNumber, ETag) is refused at the first element too deep, whatever its size.
    private static List<(int Number, string ETag)>? Listed(byte[] body)
    {
        var listed = new List<(int Number, string ETag)>();
        try
        {
            using var reader = System.Xml.XmlReader.Create(new MemoryStream(body, writable: false), CompleteXml);
            if (reader.MoveToContent() != System.Xml.XmlNodeType.Element || reader.LocalName != "CompleteMultipartUpload")
            {
                return null;
            }

            int? number = null;
            string? etag = null;
            string? element = null;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case System.Xml.XmlNodeType.Element:
                        if (reader.Depth > 2 || (reader.Depth == 1 && reader.LocalName != "Part"))
                        {
                            return null;
                        }

                        element = reader.Depth == 2 ? reader.LocalName : null;
                        break;
                    case System.Xml.XmlNodeType.Text or System.Xml.XmlNodeType.CDATA:
                        if (reader.Depth != 3)
                        {
                            return null;
                        }

                        if (element == "PartNumber")
                        {
                            if (!int.TryParse(reader.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                            {
                                return null;
                            }

                            number = n;
                        }
                        else if (element == "ETag")
                        {
                            etag = reader.Value;
                        }

                        break;
                    case System.Xml.XmlNodeType.EndElement when reader.Depth == 1:
                        if (number is null || etag is null)
                        {
                            return null;
                        }

                        listed.Add((number.Value, etag));
                        (number, etag, element) = (null, null, null);
                        break;
                }
            }

            return listed;
        }
        catch (Exception exception) when (exception is System.Xml.XmlException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    // Checks the part list as the storage does.
    private static string? Check(MultipartUpload upload, List<(int Number, string ETag)> listed)
    {
        if (listed.Count == 0)
        {
            return "InvalidArgument";
        }

        for (var i = 1; i < listed.Count; i++)
        {
            if (listed[i].Number <= listed[i - 1].Number)
            {
                return "InvalidPartOrder";
            }
        }

        var parts = new List<StoredPart>();
        foreach (var (number, etag) in listed)
        {
            if (!upload.Parts.TryGetValue(number, out var part) || !string.Equals(part.ETag.Trim('"'), etag.Trim('"'), StringComparison.OrdinalIgnoreCase))
            {
                return "InvalidPart";
            }

            parts.Add(part);
        }

        return parts.Take(parts.Count - 1).Any(p => p.Size < MinimumPartSize) ? "EntityTooSmall" : null;
    }

    private void Replace(string bucket, string key, StoredObject stored)
    {
        StoredObject? replaced = null;
        _objects.AddOrUpdate((bucket, key), stored, (_, old) => { replaced = old; return stored; });
        foreach (var segment in replaced?.Segments ?? [])
        {
            if (!stored.Segments.Contains(segment))
            {
                BlobStore.Delete(segment);
            }
        }
    }

    private static void DeleteParts(MultipartUpload upload)
    {
        foreach (var part in upload.Parts.Values)
        {
            BlobStore.Delete(part.Blob);
        }
    }

    private async Task<Blob?> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var blob = await _blobs.WriteAsync(request.Body, request.ContentLength, MaximumObjectSize, cancellationToken).ConfigureAwait(false);
        Interlocked.Add(ref _bytesReceived, blob?.Length ?? 0);
        return blob;
    }

    private const long MaximumObjectSize = 5L * 1024 * 1024 * 1024;

    /// <summary>
    /// Marks a video's source file as stored with <paramref name="size"/> bytes, without any bytes (for clients that
    /// test the API flow only): <c>UploadSucc</c>, then <c>Normal</c> after <see cref="TranscodeDelay"/>.
    /// </summary>
    /// <returns>False when there is no such video.</returns>
    public bool CompleteWithoutBytes(string videoId, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        if (_store.Find(videoId) is not { } video)
        {
            return false;
        }

        Stored(video.Bucket, video.ObjectKey, size, _clock.GetUtcNow());
        return true;
    }

    /// <summary>Ends every fault: no failures, drops, expiries, skew or latency pending.</summary>
    public void ClearFaults()
    {
        lock (_faultGate)
        {
            _failNext = 0;
            _expireAfterParts = -1;
            _expiriesLeft = 0;
        }

        Interlocked.Exchange(ref _dropNextParts, 0);
        ClockSkew = TimeSpan.Zero;
        PartLatency = TimeSpan.Zero;
    }

    // The object arrived: its video is UploadSucc with the real size, then Normal (one original-quality stream) later.
    private void Stored(string bucket, string key, long size, DateTimeOffset now)
    {
        if (_store.Videos.FirstOrDefault(v => v.Bucket == bucket && v.ObjectKey == key) is not { } video)
        {
            return;
        }

        var stored = _store.Update(video.VideoId, v => v with { Status = "UploadSucc", Size = size, Duration = v.Duration > 0 ? v.Duration : 135.6, Width = 1280, Height = 720, ModificationTime = now });
        _store.Events?.Publish("FileUploadComplete", stored, null, new System.Text.Json.Nodes.JsonObject { ["Size"] = size, ["FileUrl"] = $"{Endpoint.ToString().TrimEnd('/')}/{bucket}/{key}" });
        _store.Events?.Publish("VideoAnalysisComplete", stored, "success", new System.Text.Json.Nodes.JsonObject
        {
            ["Width"] = stored.Width, ["Height"] = stored.Height, ["Size"] = size,
            ["Duration"] = stored.Duration.ToString("0.###", CultureInfo.InvariantCulture), ["Bitrate"] = (size * 8 / 1000.0 / stored.Duration).ToString("0.###", CultureInfo.InvariantCulture),
        });
        ITimer? timer = null;
        timer = _clock.CreateTimer(
            _ =>
            {
                timer?.Dispose();
                if (_store.Find(video.VideoId) is { Status: "UploadSucc" } current)
                {
                    var format = Path.GetExtension(current.FileName).TrimStart('.').ToLowerInvariant();
                    var stream = new MediaStream("OD", format, current.Width, current.Height, current.Size * 8 / 1000.0 / current.Duration, current.Size, MediaStore.NewHex(16), _clock.GetUtcNow());
                    _store.Update(current.VideoId, v => v with { Status = "Normal", Streams = v.Streams.Add(stream), ModificationTime = _clock.GetUtcNow() });
                    _store.PublishTranscoded(current, [stream]);
                }
            },
            null,
            TranscodeDelay,
            Timeout.InfiniteTimeSpan);
    }

    private static string SetPartHeaders(HttpContext context, Blob blob)
    {
        var etag = "\"" + blob.Md5Hex + "\"";
        context.Response.Headers.ETag = etag;
        context.Response.Headers["x-oss-hash-crc64ecma"] = blob.Crc64.ToString(CultureInfo.InvariantCulture);
        return etag;
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length < limit)
        {
            var read = await request.Body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static Task WriteXmlAsync(HttpContext context, XElement root)
    {
        context.Response.ContentType = "application/xml";
        return context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting));
    }

    private static Task WriteErrorAsync(HttpContext context, int status, string code, string requestId)
    {
        context.Response.StatusCode = status;
        context.Response.Headers["x-oss-ec"] = "0003-00000001";
        var message = code switch
        {
            "SecurityTokenExpired" => "The security token you provided has expired.",
            "InvalidAccessKeyId" => "The OSS Access Key Id you provided does not exist in our records.",
            "InvalidSecurityToken" => "The security token you provided is invalid.",
            "SignatureDoesNotMatch" => "The request signature we calculated does not match the signature you provided.",
            "RequestTimeTooSkewed" => "The difference between the request time and the current time is too large.",
            "NoSuchUpload" => "The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.",
            "EntityTooSmall" => "Your proposed upload is smaller than the minimum allowed size.",
            "InvalidPart" => "One or more of the specified parts could not be found or the specified entity tag might not have matched the part's entity tag.",
            "InvalidPartOrder" => "The list of parts was not in ascending order.",
            "AccessDenied" => "The bucket or object you access does not match the credential.",
            _ => "The request is not valid.",
        };
        return WriteXmlAsync(context, new XElement("Error", new XElement("Code", code), new XElement("Message", message), new XElement("RequestId", requestId), new XElement("HostId", context.Request.Host.Value), new XElement("EC", "0003-00000001")));
    }
}
