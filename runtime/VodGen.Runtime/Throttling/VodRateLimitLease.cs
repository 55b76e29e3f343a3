using System;
using System.Collections.Generic;
using System.Threading.RateLimiting;

namespace VodGen.Throttling;

/// <summary>A permit, or a refusal with the time after which asking again may succeed.</summary>
internal sealed class VodRateLimitLease : RateLimitLease
{
    private readonly TimeSpan? _retryAfter;

    private VodRateLimitLease(bool isAcquired, TimeSpan? retryAfter)
    {
        IsAcquired = isAcquired;
        _retryAfter = retryAfter;
    }

    /// <summary>A granted permit (nothing to release).</summary>
    public static RateLimitLease Acquired { get; } = new VodRateLimitLease(true, null);

    /// <inheritdoc/>
    public override bool IsAcquired { get; }

    /// <inheritdoc/>
    public override IEnumerable<string> MetadataNames => _retryAfter is null ? Array.Empty<string>() : new[] { MetadataName.RetryAfter.Name };

    /// <summary>A refusal; <paramref name="retryAfter"/> says when to ask again, when known.</summary>
    public static RateLimitLease Refused(TimeSpan? retryAfter) => new VodRateLimitLease(false, retryAfter);

    /// <inheritdoc/>
    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = metadataName == MetadataName.RetryAfter.Name ? _retryAfter : null;
        return metadata is not null;
    }
}
