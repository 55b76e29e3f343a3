using System.Collections.Immutable;

namespace VodGen.Emulator.Media;

/// <summary>A video in the emulator's store.</summary>
public sealed record MediaVideo
{
    /// <summary>The video's ID.</summary>
    public required string VideoId { get; init; }

    /// <summary>Its title.</summary>
    public required string Title { get; init; }

    /// <summary>The source file name given at creation.</summary>
    public required string FileName { get; init; }

    /// <summary>Storage endpoint of its upload address.</summary>
    public required string StorageEndpoint { get; init; }

    /// <summary>Bucket of its upload address.</summary>
    public required string Bucket { get; init; }

    /// <summary>Object key of its upload address.</summary>
    public required string ObjectKey { get; init; }

    /// <summary>
    /// The status: <c>Uploading</c> at creation, <c>UploadSucc</c> once the upload completed
    /// (<see cref="MediaStore.CompleteUpload"/>), <c>Normal</c> once transcoded.
    /// </summary>
    public string Status { get; init; } = "Uploading";

    /// <summary>When a test marked it damaged, RefreshUploadVideo answers <c>InvalidVideo.Damaged</c>.</summary>
    public bool Damaged { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreationTime { get; init; }

    /// <summary>When it was last changed.</summary>
    public DateTimeOffset ModificationTime { get; init; }

    /// <summary>Description, if any.</summary>
    public string? Description { get; init; }

    /// <summary>Comma-separated tags, if any.</summary>
    public string? Tags { get; init; }

    /// <summary>The UserData given at creation (a per-media callback URL and Extend), or null.</summary>
    public string? UserData { get; init; }

    /// <summary>Category, if any.</summary>
    public long? CateId { get; init; }

    /// <summary>Thumbnail address, if any.</summary>
    public string? CoverUrl { get; init; }

    /// <summary>Length in seconds, known once the upload completed.</summary>
    public double Duration { get; init; }

    /// <summary>Size of the source file in bytes, known once the upload completed.</summary>
    public long Size { get; init; }

    /// <summary>Frame width of the source, known once the upload completed.</summary>
    public int Width { get; init; }

    /// <summary>Frame height of the source, known once the upload completed.</summary>
    public int Height { get; init; }

    /// <summary>Playable streams, made by transcoding.</summary>
    public ImmutableList<MediaStream> Streams { get; init; } = ImmutableList<MediaStream>.Empty;

    /// <summary>Snapshots taken of the video.</summary>
    public ImmutableList<MediaSnapshot> Snapshots { get; init; } = ImmutableList<MediaSnapshot>.Empty;
}

/// <summary>A playable stream of a video.</summary>
/// <param name="Definition">Quality level, such as LD or FD.</param>
/// <param name="Format">Container, such as m3u8 or mp4.</param>
/// <param name="Width">Frame width.</param>
/// <param name="Height">Frame height.</param>
/// <param name="Bitrate">Bit rate in Kbit/s.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="JobId">The transcoding job that made it.</param>
/// <param name="CreationTime">When it was made.</param>
public sealed record MediaStream(string Definition, string Format, int Width, int Height, double Bitrate, long Size, string JobId, DateTimeOffset CreationTime);

/// <summary>A snapshot image of a video.</summary>
/// <param name="Type">NormalSnapshot, CoverSnapshot, SpriteSnapshot, SpriteOriginSnapshot or WebVttSnapshot.</param>
/// <param name="Index">Position among the snapshots of its type, from 1.</param>
/// <param name="Url">Address of the image.</param>
/// <param name="JobId">The snapshot job that took it.</param>
/// <param name="CreationTime">When it was taken.</param>
public sealed record MediaSnapshot(string Type, int Index, string Url, string JobId, DateTimeOffset CreationTime);

/// <summary>An image or auxiliary file reserved with CreateUploadImage or CreateUploadAttachedMedia.</summary>
/// <param name="MediaId">The ID.</param>
/// <param name="MediaType">image or attached.</param>
/// <param name="Kind">ImageType for an image, BusinessType for an auxiliary file.</param>
/// <param name="Title">Title, possibly empty.</param>
/// <param name="Url">Address it is served from.</param>
/// <param name="ObjectKey">Object key of its upload address.</param>
/// <param name="CreationTime">When it was created.</param>
public sealed record MediaAsset(string MediaId, string MediaType, string Kind, string Title, string Url, string ObjectKey, DateTimeOffset CreationTime);

/// <summary>A URL fetch job started by UploadMediaByURL.</summary>
/// <param name="JobId">The job's ID.</param>
/// <param name="UploadUrl">The source address.</param>
/// <param name="MediaId">The video made from it.</param>
/// <param name="CreationTime">When it was started.</param>
/// <param name="UserData">The caller's UserData.</param>
public sealed record UrlUploadJob(string JobId, string UploadUrl, string MediaId, DateTimeOffset CreationTime, string UserData);
