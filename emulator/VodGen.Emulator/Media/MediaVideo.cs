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

    /// <summary>The status, <c>Uploading</c> until something else is set.</summary>
    public string Status { get; init; } = "Uploading";

    /// <summary>When a test marked it damaged, RefreshUploadVideo answers <c>InvalidVideo.Damaged</c>.</summary>
    public bool Damaged { get; init; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreationTime { get; init; }

    /// <summary>Description, if any.</summary>
    public string? Description { get; init; }
}
