using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using VodGen.Upload.Storage;

namespace VodGen.Upload.Engine;

/// <summary>
/// Whether the storage holds exactly what was sent: the parts all acknowledged and as long as the source, the object
/// assembled from them, and its CRC-64 equal to the one the parts combine to (asked for with HeadObject when an answer
/// had none). A Complete whose answer was lost or garbled is success only if the whole object is there anyway.
/// </summary>
internal sealed class ObjectCheck(StorageCalls storage, VodUploadOptions options, ILogger logger, string videoId)
{
    /// <summary>The parts' total size and combined CRC-64, once every part from 1 on is acknowledged and the total is the source's length.</summary>
    public (long Size, ulong Crc) Combine(VodUploadedPart[] parts, long sourceLength)
    {
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].PartNumber != i + 1)
            {
                throw new VodUploadException($"Part {i + 1} of the upload of {videoId} was never acknowledged; the upload cannot be completed.", videoId, partNumber: i + 1);
            }
        }

        var size = Bytes(parts);
        if (sourceLength >= 0 && size != sourceLength)
        {
            throw new VodUploadException($"The acknowledged parts of {videoId} hold {size} bytes, but the file has {sourceLength}; the upload cannot be completed.", videoId);
        }

        return (size, parts.Skip(1).Aggregate(parts[0].Crc64, (combined, part) => VodCrc64.Combine(combined, part.Crc64, part.Size)));
    }

    /// <summary>Completes the multipart upload and checks the object it made.</summary>
    public async Task CompleteAsync(string uploadId, VodUploadedPart[] parts, long size, ulong crc, CancellationToken cancellationToken)
    {
        OssAnswer? completed;
        ExceptionDispatchInfo? failure = null;
        try
        {
            completed = await storage.CompleteAsync(uploadId, parts, cancellationToken).ConfigureAwait(false);
        }
        catch (VodException exception) when (!cancellationToken.IsCancellationRequested)
        {
            // An answer lost or garbled on the way back may hide a completed object: the object itself tells.
            completed = null;
            failure = ExceptionDispatchInfo.Capture(exception);
        }

        if (completed is null)
        {
            // No answer, or the storage no longer has the upload: success only if the object is whole, with these bytes.
            if (!await IsStoredAsync(size, crc, cancellationToken).ConfigureAwait(false))
            {
                failure?.Throw();
                throw new VodUploadException($"The storage no longer has the multipart upload of {videoId}, and holds no complete object of it; upload the file again.", videoId, "NoSuchUpload");
            }

            UploadLog.AlreadyStored(logger, videoId, size);
        }
        else
        {
            await VerifyAsync(completed.Crc64, size, crc, completed.RequestId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The storage's CRC of the whole object against the one the parts combine to; asked for when the answer had none.</summary>
    public async Task VerifyAsync(ulong? reported, long size, ulong crc, string? requestId, CancellationToken cancellationToken)
    {
        if (!options.VerifyCrc64)
        {
            return;
        }

        if (reported is null)
        {
            var head = await storage.HeadAsync(cancellationToken).ConfigureAwait(false);
            if (head?.Size is { } stored && stored != size)
            {
                throw new VodUploadException($"The stored object of {videoId} has {stored} bytes, but {size} were sent.", videoId, "SizeMismatch", head.RequestId);
            }

            reported = head?.Crc64 ?? throw new VodUploadException(
                $"The storage reported no CRC-64 for the object of {videoId}, so it cannot be checked against what was sent; set VodUploadOptions.VerifyCrc64 = false to accept objects unchecked.",
                videoId, "CrcMissing", head?.RequestId ?? requestId);
        }

        if (reported != crc)
        {
            throw new VodUploadException(
                $"The stored object of {videoId} has CRC-64 {reported}, but its parts combine to {crc}: the storage holds other bytes than were sent.",
                videoId, "CrcMismatch", requestId);
        }
    }

    public static long Bytes(IEnumerable<VodUploadedPart> parts) => parts.Sum(p => p.Size);

    // Whether the storage holds the whole object with exactly these bytes (false when that cannot be learnt).
    private async Task<bool> IsStoredAsync(long size, ulong crc, CancellationToken cancellationToken)
    {
        try
        {
            return await storage.HeadAsync(cancellationToken).ConfigureAwait(false) is { Size: { } stored, Crc64: { } storedCrc } && stored == size && storedCrc == crc;
        }
        catch (VodException)
        {
            return false;
        }
    }
}
