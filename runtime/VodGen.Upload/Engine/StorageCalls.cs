using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using VodGen.Upload.Storage;

namespace VodGen.Upload.Engine;

/// <summary>A part as the storage lists it.</summary>
internal sealed record ListedPart(int Number, string ETag, ulong? Crc64, long? Size);

/// <summary>The stored object as the storage describes it (HeadObject).</summary>
internal sealed record StoredObject(long? Size, ulong? Crc64, string? RequestId);

/// <summary>
/// The storage requests of one upload, each sent by <see cref="StorageSender"/> under <see cref="StoragePolicy"/>;
/// what the storage answers is checked before it is believed.
/// </summary>
internal sealed class StorageCalls
{
    private readonly OssClient _storage;
    private readonly CredentialKeeper _credentials;
    private readonly VodUploadOptions _options;
    private readonly ILogger _logger;
    private readonly StorageSender _sender;

    public StorageCalls(OssClient storage, CredentialKeeper credentials, VodUploadOptions options, ILogger logger, Action resent)
    {
        _storage = storage;
        _credentials = credentials;
        _options = options;
        _logger = logger;
        _sender = new StorageSender(storage, credentials, options, logger, resent);
    }

    private string VideoId => _credentials.VideoId;

    public async Task<string> InitiateAsync(CancellationToken cancellationToken)
    {
        var answer = await _sender.SendAsync(
            null,
            (ticket, ct) => _storage.SendAsync(HttpMethod.Post, ticket, Request(ticket, ("uploads", null)), null, ct),
            cancellationToken).ConfigureAwait(false);
        var leaves = Parse(answer, "InitiateMultipartUpload");
        return OssXml.First(leaves, "UploadId") is { Length: > 0 } uploadId
            ? uploadId
            : throw new VodProtocolException("The storage's answer to InitiateMultipartUpload has no UploadId.", answer.Status);
    }

    /// <summary>Every part the storage holds for the upload, page by page; a listing that does not advance is refused.</summary>
    public async Task<IReadOnlyDictionary<int, ListedPart>> ListPartsAsync(string uploadId, CancellationToken cancellationToken)
    {
        var parts = new Dictionary<int, ListedPart>();
        var marker = 0;
        for (var page = 0; ; page++)
        {
            // At least one part per page, at most 10,000 parts: a storage asking for more pages is not listing parts.
            if (page > VodUploadOptions.MaximumParts)
            {
                throw new VodProtocolException($"The storage listed the parts of upload {uploadId} in more than {VodUploadOptions.MaximumParts} pages; it is not making progress.");
            }

            var from = marker;
            var answer = await _sender.SendAsync(
                null,
                (ticket, ct) => _storage.SendAsync(HttpMethod.Get, ticket, Request(ticket, ("uploadId", uploadId), from > 0 ? ("part-number-marker", from.ToString(CultureInfo.InvariantCulture)) : null), null, ct),
                cancellationToken).ConfigureAwait(false);
            var leaves = Parse(answer, "ListParts");
            int? number = null;
            string? etag = null;
            ulong? crc = null;
            long? size = null;
            void Flush()
            {
                if (number is { } n && etag is not null)
                {
                    parts[n] = new ListedPart(n, etag, crc, size);
                }

                (number, etag, crc, size) = (null, null, null, null);
            }

            foreach (var (parent, name, value) in leaves)
            {
                if (parent != "Part")
                {
                    continue;
                }

                switch (name)
                {
                    case "PartNumber":
                        Flush();
                        number = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= VodUploadOptions.MaximumParts
                            ? n
                            : throw new VodProtocolException($"The storage listed a part numbered '{Truncate(value)}'; part numbers are 1 to {VodUploadOptions.MaximumParts}.", answer.Status);
                        break;
                    case "ETag":
                        etag = value;
                        break;
                    case "HashCrc64ecma":
                        crc = ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;
                        break;
                    case "Size":
                        size = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
                        break;
                }
            }

            Flush();
            if (OssXml.First(leaves, "IsTruncated") != "true")
            {
                return parts;
            }

            var next = OssXml.First(leaves, "NextPartNumberMarker");
            if (!int.TryParse(next, NumberStyles.None, CultureInfo.InvariantCulture, out marker) || marker <= from || marker >= VodUploadOptions.MaximumParts)
            {
                throw new VodProtocolException(
                    $"The storage's listing of upload {uploadId} is truncated but its next marker '{Truncate(next)}' does not advance past {from}; it is not making progress.",
                    answer.Status);
            }
        }
    }

    /// <summary>Sends one part (or the whole object when <paramref name="uploadId"/> is null) and checks its CRC.</summary>
    public async Task<OssAnswer> PutAsync(UploadPart part, string? uploadId, CancellationToken cancellationToken)
    {
        var answer = await _sender.SendAsync(
            part.Number,
            async (ticket, ct) =>
            {
                var request = uploadId is null
                    ? Request(ticket)
                    : Request(ticket, ("partNumber", part.Number.ToString(CultureInfo.InvariantCulture)), ("uploadId", uploadId));
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
                $"Part {part.Number} of {VideoId} was stored with CRC-64 {reported}, but {local} was sent: the bytes were changed on the way.",
                VideoId, "CrcMismatch", answer.RequestId, part.Number);
        }

        return answer;
    }

    /// <summary>
    /// Asks the storage to assemble the parts. Returns the answer, or null when the storage no longer has the upload
    /// (completed already, perhaps by an attempt whose answer was lost: the caller checks the object).
    /// </summary>
    public async Task<OssAnswer?> CompleteAsync(string uploadId, IReadOnlyList<VodUploadedPart> parts, CancellationToken cancellationToken)
    {
        var body = new StringBuilder("<CompleteMultipartUpload>");
        foreach (var part in parts)
        {
            body.Append("<Part><PartNumber>").Append(part.PartNumber.ToString(CultureInfo.InvariantCulture)).Append("</PartNumber><ETag>")
                .Append(System.Security.SecurityElement.Escape(part.ETag)).Append("</ETag></Part>");
        }

        var xml = Encoding.UTF8.GetBytes(body.Append("</CompleteMultipartUpload>").ToString());
        try
        {
            return await _sender.SendAsync(
                null,
                async (ticket, ct) =>
                {
                    var request = Request(ticket, ("uploadId", uploadId)).With("content-type", "application/xml");
                    var answer = await _storage.SendAsync(HttpMethod.Post, ticket, request, new ByteArrayContent(xml), ct).ConfigureAwait(false);

                    // A 200 is not success by itself: the storage may send an error document with it.
                    switch (OssXml.Root(answer.Body))
                    {
                        case "CompleteMultipartUploadResult":
                            return answer;
                        case "Error":
                            var leaves = Parse(answer, "CompleteMultipartUpload");
                            throw new OssStorageError(answer.Status, OssXml.First(leaves, "Code") ?? "Error", OssXml.First(leaves, "Message") ?? "an error document answered with a success status", answer.RequestId ?? OssXml.First(leaves, "RequestId"), null);
                        default:
                            throw new VodProtocolException($"The storage answered CompleteMultipartUpload with HTTP {(int)answer.Status} but no CompleteMultipartUploadResult.", answer.Status);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (VodUploadException exception) when (exception.StorageCode == "NoSuchUpload")
        {
            return null;
        }
    }

    /// <summary>The stored object's size and CRC-64, or null when there is no object.</summary>
    public async Task<StoredObject?> HeadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var answer = await _sender.SendAsync(null, (ticket, ct) => _storage.SendAsync(HttpMethod.Head, ticket, Request(ticket), null, ct), cancellationToken).ConfigureAwait(false);
            return new StoredObject(answer.ContentLength, answer.Crc64, answer.RequestId);
        }
        catch (VodUploadException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    // Best effort, bounded in time: the upload has failed already, and its error is the one to report.
    public async Task AbortAsync(string uploadId, string reason)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            var (ticket, _) = await _credentials.CurrentAsync(limit.Token).ConfigureAwait(false);
            await _storage.SendAsync(HttpMethod.Delete, ticket, Request(ticket, ("uploadId", uploadId)), null, limit.Token).ConfigureAwait(false);
            UploadLog.Aborted(_logger, VideoId, uploadId, reason);
        }
        catch (Exception exception) when (exception is OssStorageError or HttpRequestException or IOException or TimeoutException or OperationCanceledException or VodException)
        {
            UploadLog.AbortFailed(_logger, VideoId, uploadId, exception.GetType().Name);
        }
    }

    private static OssSignedRequest Request(VodUploadTicket ticket, params (string Name, string? Value)?[] query)
    {
        var request = new OssSignedRequest(ticket.Bucket, ticket.Key);
        foreach (var parameter in query)
        {
            if (parameter is { } p)
            {
                request.Query.Add(p);
            }
        }

        return request;
    }

    private static string Truncate(string? value) => value is null ? "(none)" : value.Length <= 32 ? value : value[..32] + "…";

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
}
