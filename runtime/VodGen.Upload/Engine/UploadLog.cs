using Microsoft.Extensions.Logging;

namespace VodGen.Upload.Engine;

/// <summary>The uploader's log lines: video, part, sizes and codes; never a URL, header or credential.</summary>
internal static partial class UploadLog
{
    [LoggerMessage(EventId = 101, Level = LogLevel.Debug, Message = "Upload of {VideoId}: multipart upload {UploadId} started, parts of {PartSize} bytes")]
    public static partial void Initiated(ILogger logger, string videoId, string uploadId, long partSize);

    [LoggerMessage(EventId = 102, Level = LogLevel.Trace, Message = "Upload of {VideoId}: part {PartNumber} stored ({Size} bytes)")]
    public static partial void PartStored(ILogger logger, string videoId, int partNumber, long size);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Upload of {VideoId}: the storage refused the upload credential ({Code}) for part {PartNumber}; renewing it")]
    public static partial void CredentialRefused(ILogger logger, string videoId, int? partNumber, string code);

    [LoggerMessage(EventId = 104, Level = LogLevel.Warning, Message = "Upload of {VideoId}: the storage's clock differs by {OffsetSeconds:0.#} s; requests are dated by its clock now")]
    public static partial void ClockCorrected(ILogger logger, string videoId, double offsetSeconds);

    [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Upload of {VideoId}: part {PartNumber} failed ({Outcome}); retrying in {DelayMilliseconds:0} ms")]
    public static partial void Retrying(ILogger logger, string videoId, int? partNumber, string outcome, double delayMilliseconds);

    [LoggerMessage(EventId = 106, Level = LogLevel.Warning, Message = "Upload of {VideoId}: the storage no longer has multipart upload {UploadId}; starting a new one for the same video")]
    public static partial void UploadGone(ILogger logger, string videoId, string uploadId);

    [LoggerMessage(EventId = 107, Level = LogLevel.Information, Message = "Upload of {VideoId} complete: {Size} bytes in {Parts} part(s), {ElapsedMilliseconds:0} ms")]
    public static partial void Completed(ILogger logger, string videoId, long size, int parts, double elapsedMilliseconds);

    [LoggerMessage(EventId = 108, Level = LogLevel.Information, Message = "Upload of {VideoId}: multipart upload {UploadId} aborted ({Reason})")]
    public static partial void Aborted(ILogger logger, string videoId, string uploadId, string reason);

    [LoggerMessage(EventId = 109, Level = LogLevel.Warning, Message = "Upload of {VideoId}: multipart upload {UploadId} could not be aborted ({Outcome}); the storage removes it when it expires")]
    public static partial void AbortFailed(ILogger logger, string videoId, string uploadId, string outcome);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information, Message = "Upload of {VideoId}: the storage already holds the whole object ({Size} bytes, CRC-64 as sent); nothing more to send")]
    public static partial void AlreadyStored(ILogger logger, string videoId, long size);
}
