using System.Collections.Generic;

namespace VodGen.Upload;

/// <summary>
/// What an interrupted multipart upload needs to go on: where it goes, which upload it is, how the file was cut,
/// which file it was and which parts the storage acknowledged. It never holds a credential.
/// </summary>
public sealed record VodUploadCheckpoint
{
    /// <summary>The video.</summary>
    public required string VideoId { get; init; }

    /// <summary>The multipart upload's ID.</summary>
    public required string UploadId { get; init; }

    /// <summary>The storage endpoint, bucket and object key the upload goes to.</summary>
    public required string Endpoint { get; init; }

    /// <inheritdoc cref="Endpoint"/>
    public required string Bucket { get; init; }

    /// <inheritdoc cref="Endpoint"/>
    public required string Key { get; init; }

    /// <summary>Bytes per part (the last may be shorter).</summary>
    public required long PartSize { get; init; }

    /// <summary>The file's size.</summary>
    public required long TotalBytes { get; init; }

    /// <summary>Identifies the source file: its size, modification time and the CRC of its first and last bytes.</summary>
    public required string SourceFingerprint { get; init; }

    /// <summary>The acknowledged parts, by part number.</summary>
    public required IReadOnlyList<VodUploadedPart> Parts { get; init; }
}

/// <summary>A part the storage acknowledged.</summary>
/// <param name="PartNumber">From 1.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="ETag">The storage's ETag for it, as sent back at completion.</param>
/// <param name="Crc64">Its CRC-64/XZ.</param>
public sealed record VodUploadedPart(int PartNumber, long Size, string ETag, ulong Crc64);
