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

/// <summary>A part as stored: its bytes, ETag and CRC.</summary>
internal sealed record StoredPart(int Number, byte[] Data, string ETag, ulong Crc64, DateTimeOffset LastModified);

/// <summary>One request the storage front answered.</summary>
/// <param name="Time">When.</param>
/// <param name="Operation">PutObject, InitiateMultipartUpload, UploadPart, ListParts, CompleteMultipartUpload or AbortMultipartUpload.</param>
/// <param name="PartNumber">The part, for UploadPart.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="Code">OK or the error code.</param>
/// <param name="AccessKeyId">The key that signed it.</param>
/// <param name="BytesReceived">Body bytes read.</param>
public sealed record StorageRequestRecord(DateTimeOffset Time, string Operation, int? PartNumber, int Status, string Code, string AccessKeyId, long BytesReceived);
