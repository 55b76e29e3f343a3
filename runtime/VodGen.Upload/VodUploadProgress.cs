namespace VodGen.Upload;

/// <summary>Where an upload stands.</summary>
public enum VodUploadStage
{
    /// <summary>Obtaining the upload address and credential (CreateUploadVideo or RefreshUploadVideo).</summary>
    Preparing,

    /// <summary>Sending parts.</summary>
    Uploading,

    /// <summary>Renewing the upload credential; no new part starts meanwhile.</summary>
    RefreshingCredential,

    /// <summary>Asking the storage to assemble the parts.</summary>
    Completing,

    /// <summary>The storage holds the whole file.</summary>
    Completed,
}

/// <summary>
/// A report of an upload's progress. <see cref="BytesCommitted"/> counts only bytes the storage acknowledged (and,
/// for a file, its checkpoint already holds); it reaches <see cref="TotalBytes"/> only once the upload is complete,
/// and goes down only when the storage lost the multipart upload and it starts anew, announced by a report whose
/// <see cref="Stage"/> is <see cref="VodUploadStage.Preparing"/>.
/// </summary>
public readonly struct VodUploadProgress
{
    /// <summary>Creates a report.</summary>
    public VodUploadProgress(string videoId, VodUploadStage stage, long bytesCommitted, long totalBytes, int partsCommitted, int partsTotal)
    {
        VideoId = videoId;
        Stage = stage;
        BytesCommitted = bytesCommitted;
        TotalBytes = totalBytes;
        PartsCommitted = partsCommitted;
        PartsTotal = partsTotal;
    }

    /// <summary>The video being uploaded.</summary>
    public string VideoId { get; }

    /// <summary>What the upload is doing.</summary>
    public VodUploadStage Stage { get; }

    /// <summary>Bytes acknowledged by the storage (stored parts; the whole file once complete).</summary>
    public long BytesCommitted { get; }

    /// <summary>The file's size, or -1 while a stream's length is unknown.</summary>
    public long TotalBytes { get; }

    /// <summary>Parts acknowledged.</summary>
    public int PartsCommitted { get; }

    /// <summary>Parts in all (1 for a single request), or -1 while unknown.</summary>
    public int PartsTotal { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{VideoId} {Stage}: {BytesCommitted}/{TotalBytes} bytes, {PartsCommitted}/{PartsTotal} parts";
}
