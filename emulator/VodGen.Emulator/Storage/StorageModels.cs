namespace VodGen.Emulator.Storage;

/// <summary>A temporary credential the emulator handed out with an upload address, bound to one object.</summary>
internal sealed record StorageCredential(string AccessKeyId, string AccessKeySecret, string SecurityToken, string Bucket, string Key, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>A multipart upload in progress.</summary>
internal sealed class MultipartUpload(string bucket, string key)
{
    public string Bucket { get; } = bucket;

    public string Key { get; } = key;

    public System.Collections.Concurrent.ConcurrentDictionary<int, StoredPart> Parts { get; } = new();
}

/// <summary>A part as stored: its file, ETag and CRC.</summary>
internal sealed record StoredPart(int Number, Blob Blob, string ETag, DateTimeOffset LastModified)
{
    public long Size => Blob.Length;

    public ulong Crc64 => Blob.Crc64;
}

/// <summary>A stored object: its bytes are the segments' files read in order (a completed upload keeps its parts' files).</summary>
internal sealed record StoredObject(IReadOnlyList<Blob> Segments, long Length, ulong Crc64, string ETag);

/// <summary>One request the storage front answered.</summary>
/// <param name="Time">When.</param>
/// <param name="Operation">PutObject, HeadObject, InitiateMultipartUpload, UploadPart, ListParts, CompleteMultipartUpload or AbortMultipartUpload.</param>
/// <param name="PartNumber">The part, for UploadPart.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="Code">OK or the error code.</param>
/// <param name="AccessKeyId">The key that signed it.</param>
/// <param name="BytesReceived">Body bytes read.</param>
public sealed record StorageRequestRecord(DateTimeOffset Time, string Operation, int? PartNumber, int Status, string Code, string AccessKeyId, long BytesReceived);

