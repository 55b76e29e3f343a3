using System;
using System.Collections.Generic;

namespace VodGen.Server.Events;

/// <summary>
/// An event notification of ApsaraVideo VOD, from an HTTP callback or an MNS message. Switch on the derived record
/// (<c>case VodTranscodeComplete t:</c>); a type this version does not know arrives as <see cref="VodUnknownEvent"/>.
/// The body is not signed by the service: treat an event as a hint and read state through the API when it matters.
/// </summary>
public abstract class VodEvent
{
    private DateTimeOffset? _eventTime;
    private string? _videoId;
    private string? _status;
    private string? _extend;

    /// <summary>The event type as sent, for example <c>FileUploadComplete</c>.</summary>
    public required string EventType { get; init; }

    /// <summary>When the event happened (UTC).</summary>
    public DateTimeOffset? EventTime { get => _eventTime; init => _eventTime = value; }

    /// <summary>The video the event is about, when it is about one.</summary>
    public string? VideoId { get => _videoId; init => _videoId = value; }

    /// <summary><c>success</c> or <c>fail</c>, for events that report an outcome.</summary>
    public string? Status { get => _status; init => _status = value; }

    /// <summary>True when <see cref="Status"/> says <c>success</c>.</summary>
    public bool Succeeded => string.Equals(Status, "success", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>Extend</c> given in the request's UserData, as JSON text, or null.</summary>
    public string? Extend { get => _extend; init => _extend = value; }

    /// <summary>The whole event as received, for fields this version does not read.</summary>
    public required string Json { get; init; }

    // The reader sets the fields every event shares once it has made the typed record.
    internal void SetCommon(DateTimeOffset? eventTime, string? videoId, string? status, string? extend)
        => (_eventTime, _videoId, _status, _extend) = (eventTime, videoId, status, extend);
}

/// <summary>A file reached storage (<c>FileUploadComplete</c>).</summary>
public sealed class VodFileUploadComplete : VodEvent
{
    /// <summary>The file's size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>The stored file's URL (without <c>auth_key</c>: sign it before handing it out).</summary>
    public string? FileUrl { get; init; }
}

/// <summary>The source file was analysed (<c>VideoAnalysisComplete</c>).</summary>
public sealed class VodVideoAnalysisComplete : VodEvent
{
    /// <summary>Width in pixels.</summary>
    public int? Width { get; init; }

    /// <summary>Height in pixels.</summary>
    public int? Height { get; init; }

    /// <summary>Duration in seconds.</summary>
    public double? Duration { get; init; }

    /// <summary>Bit rate in kbit/s.</summary>
    public double? Bitrate { get; init; }

    /// <summary>Frame rate.</summary>
    public double? Fps { get; init; }

    /// <summary>Size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>The error code when the analysis failed.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The error message when the analysis failed.</summary>
    public string? ErrorMessage { get; init; }
}

/// <summary>One transcoded stream, as <c>StreamTranscodeComplete</c> and <c>TranscodeComplete</c> describe it.</summary>
public sealed class VodStreamInfo
{
    /// <summary><c>success</c> or <c>fail</c>.</summary>
    public string? Status { get; init; }

    /// <summary>Bit rate in kbit/s (sent as a string).</summary>
    public double? Bitrate { get; init; }

    /// <summary>The definition, for example <c>HD</c>.</summary>
    public string? Definition { get; init; }

    /// <summary>Duration in seconds.</summary>
    public double? Duration { get; init; }

    /// <summary>Whether the stream is encrypted.</summary>
    public bool? Encrypt { get; init; }

    /// <summary>The error code when transcoding failed.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The error message when transcoding failed.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>The stream's URL (without <c>auth_key</c>).</summary>
    public string? FileUrl { get; init; }

    /// <summary>The container format, for example <c>mp4</c> or <c>m3u8</c>.</summary>
    public string? Format { get; init; }

    /// <summary>Frame rate (sent as a string).</summary>
    public double? Fps { get; init; }

    /// <summary>Height in pixels.</summary>
    public int? Height { get; init; }

    /// <summary>Width in pixels.</summary>
    public int? Width { get; init; }

    /// <summary>Size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>The transcoding job.</summary>
    public string? JobId { get; init; }
}

/// <summary>One stream of a transcoding job finished (<c>StreamTranscodeComplete</c>).</summary>
public sealed class VodStreamTranscodeComplete : VodEvent
{
    /// <summary>The stream.</summary>
    public required VodStreamInfo Stream { get; init; }
}

/// <summary>A transcoding job finished (<c>TranscodeComplete</c>); <see cref="VodEvent.Status"/> is success when any stream succeeded.</summary>
public sealed class VodTranscodeComplete : VodEvent
{
    /// <summary>Every stream of the job.</summary>
    public IReadOnlyList<VodStreamInfo> StreamInfos { get; init; } = [];
}

/// <summary>One snapshot job's outcome within <c>SnapshotComplete</c>.</summary>
public sealed class VodSnapshotInfo
{
    /// <summary><c>success</c> or <c>fail</c>.</summary>
    public string? Status { get; init; }

    /// <summary>The kind of snapshot, for example <c>CoverSnapshot</c>.</summary>
    public string? SnapshotType { get; init; }

    /// <summary>How many snapshots were taken.</summary>
    public int? SnapshotCount { get; init; }

    /// <summary>The URL pattern of the snapshots.</summary>
    public string? SnapshotFormat { get; init; }

    /// <summary>The URL rule of the snapshots.</summary>
    public string? SnapshotRegular { get; init; }

    /// <summary>The snapshot job.</summary>
    public string? JobId { get; init; }
}

/// <summary>Snapshots were taken (<c>SnapshotComplete</c>).</summary>
public sealed class VodSnapshotComplete : VodEvent
{
    /// <summary><c>SpecifiedTime</c> or <c>Normal</c>.</summary>
    public string? SubType { get; init; }

    /// <summary>The cover's URL.</summary>
    public string? CoverUrl { get; init; }

    /// <summary>Each snapshot job's outcome.</summary>
    public IReadOnlyList<VodSnapshotInfo> SnapshotInfos { get; init; } = [];
}

/// <summary>An upload from a URL finished (<c>UploadByURLComplete</c>).</summary>
public sealed class VodUploadByUrlComplete : VodEvent
{
    /// <summary>The upload job.</summary>
    public string? JobId { get; init; }

    /// <summary>The URL the file came from.</summary>
    public string? SourceUrl { get; init; }

    /// <summary>The error code when the upload failed.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>The error message when the upload failed.</summary>
    public string? ErrorMessage { get; init; }
}

/// <summary>An image was uploaded (<c>ImageUploadComplete</c>).</summary>
public sealed class VodImageUploadComplete : VodEvent
{
    /// <summary>The image.</summary>
    public string? ImageId { get; init; }

    /// <summary>Size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>The image's URL.</summary>
    public string? FileUrl { get; init; }
}

/// <summary>An auxiliary media file was uploaded (<c>AttachedMediaUploadComplete</c>).</summary>
public sealed class VodAttachedMediaUploadComplete : VodEvent
{
    /// <summary>The auxiliary media.</summary>
    public string? AttachedMediaId { get; init; }

    /// <summary>Size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>The file's URL.</summary>
    public string? FileUrl { get; init; }
}

/// <summary>An event of a type this version does not read (AI, audit and newer events): its common fields and <see cref="VodEvent.Json"/>.</summary>
public sealed class VodUnknownEvent : VodEvent
{
}
