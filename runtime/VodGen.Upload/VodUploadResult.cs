using System;

namespace VodGen.Upload;

/// <summary>A finished upload.</summary>
public sealed class VodUploadResult
{
    internal VodUploadResult(string videoId, string? uploadId, long size, ulong crc64, int parts, int partsResent, int credentialRefreshes, TimeSpan elapsed)
    {
        VideoId = videoId;
        UploadId = uploadId;
        Size = size;
        Crc64 = crc64;
        Parts = parts;
        PartsResent = partsResent;
        CredentialRefreshes = credentialRefreshes;
        Elapsed = elapsed;
    }

    /// <summary>The video the file belongs to.</summary>
    public string VideoId { get; }

    /// <summary>The multipart upload's ID, or null when the file went in a single request.</summary>
    public string? UploadId { get; }

    /// <summary>The file's size in bytes.</summary>
    public long Size { get; }

    /// <summary>The file's CRC-64/XZ, as the storage reports it (<see cref="VodCrc64"/>).</summary>
    public ulong Crc64 { get; }

    /// <summary>Parts the file was stored in.</summary>
    public int Parts { get; }

    /// <summary>Parts sent more than once (after a failure), this run.</summary>
    public int PartsResent { get; }

    /// <summary>Times the upload credential was renewed with RefreshUploadVideo, this run.</summary>
    public int CredentialRefreshes { get; }

    /// <summary>How long this run took.</summary>
    public TimeSpan Elapsed { get; }

    /// <inheritdoc/>
    public override string ToString()
        => $"VodUploadResult {{ VideoId = {VideoId}, UploadId = {UploadId ?? "null"}, Size = {Size}, Crc64 = {Crc64}, Parts = {Parts}, PartsResent = {PartsResent}, CredentialRefreshes = {CredentialRefreshes}, Elapsed = {Elapsed} }}";
}
