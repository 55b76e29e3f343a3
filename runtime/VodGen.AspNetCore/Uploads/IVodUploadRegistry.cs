using System;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen.AspNetCore.Uploads;

/// <summary>
/// Server-side state for uploads, for applications that want it beside the ticket (which needs none): register one in
/// the container and every upload the create endpoints start is recorded, and a refresh goes ahead only if the registry
/// still allows it — so an upload can be revoked (the user deleted, the upload finished or cancelled) before its ticket
/// expires. Implementations must be thread-safe; a fleet keeps them in a shared store.
/// </summary>
public interface IVodUploadRegistry
{
    /// <summary>Records an upload the create endpoint started (after VOD created the media, before the page is answered).</summary>
    ValueTask RecordAsync(VodUploadRecord upload, CancellationToken cancellationToken);

    /// <summary>Whether the upload's credential may be renewed now; called after its ticket was checked.</summary>
    ValueTask<bool> AllowsRefreshAsync(VodUploadRecord upload, CancellationToken cancellationToken);
}

/// <summary>An upload started through the create endpoint.</summary>
public sealed class VodUploadRecord
{
    /// <summary>Describes an upload.</summary>
    public VodUploadRecord(VodUploadKind kind, string mediaId, string userId, DateTimeOffset createdAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        ArgumentException.ThrowIfNullOrEmpty(userId);
        Kind = kind;
        MediaId = mediaId;
        UserId = userId;
        CreatedAt = createdAt;
    }

    /// <summary>What was created.</summary>
    public VodUploadKind Kind { get; }

    /// <summary>The video's (image's, media's) ID.</summary>
    public string MediaId { get; }

    /// <summary>Who started it.</summary>
    public string UserId { get; }

    /// <summary>When its ticket was issued.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <inheritdoc/>
    public override string ToString() => $"VodUploadRecord {{ Kind = {Kind}, MediaId = {MediaId}, UserId = {UserId}, CreatedAt = {CreatedAt:O} }}";
}
