using System;
using System.Collections.Generic;
using System.Security.Claims;

namespace VodGen.AspNetCore.Uploads;

/// <summary>How the upload-credential endpoints decide who may upload what.</summary>
public sealed class VodUploadEndpointOptions
{
    /// <summary>The ASP.NET Core authorization policy a caller must meet; null: the default policy (a signed-in user).</summary>
    public string? AuthorizationPolicy { get; set; }

    /// <summary>The ASP.NET Core rate limiter policy the endpoints use (per-user limits: partition by user); null: none.</summary>
    public string? RateLimiterPolicy { get; set; }

    /// <summary>The user's stable ID; by default the NameIdentifier claim, else <c>sub</c>, else the identity's name.</summary>
    public Func<ClaimsPrincipal, string?> UserId { get; set; } = static user
        => user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.FindFirst("sub")?.Value ?? user.Identity?.Name;

    /// <summary>How long after its creation an upload's credential may be renewed; 12 hours by default.</summary>
    public TimeSpan RefreshWindow { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The largest file a page may declare, in bytes; 10 GiB by default. A declaration is required.</summary>
    public long MaxFileSize { get; set; } = 10L * 1024 * 1024 * 1024;

    /// <summary>Video extensions accepted (lower case, without the dot); VOD's common video formats by default.</summary>
    public ISet<string> VideoExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "mp4", "mov", "m4v", "mkv", "webm", "flv", "avi", "wmv", "mpg", "mpeg", "ts", "3gp", "m3u8", "mp3", "m4a", "aac", "wav", "flac",
    };

    /// <summary>Image extensions accepted; those CreateUploadImage takes by default.</summary>
    public ISet<string> ImageExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "png", "jpg", "jpeg", "gif" };

    /// <summary>Attached-media extensions accepted (watermarks, subtitles, material).</summary>
    public ISet<string> AttachedMediaExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "png", "gif", "apng", "mov", "srt", "ass", "stl", "ttml", "vtt", "jpg", "jpeg", "mp4" };

    /// <summary>What is wrong with the options, or null.</summary>
    internal string? Problem()
        => RefreshWindow <= TimeSpan.Zero ? "RefreshWindow must be positive"
            : MaxFileSize <= 0 ? "MaxFileSize must be positive"
            : UserId is null ? "UserId must be set"
            : VideoExtensions.Count + ImageExtensions.Count + AttachedMediaExtensions.Count == 0 ? "at least one extension must be accepted"
            : null;
}
