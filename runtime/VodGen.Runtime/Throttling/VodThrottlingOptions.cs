using System;
using System.Collections.Generic;
using System.Threading.RateLimiting;

namespace VodGen.Throttling;

/// <summary>Client-side rate limiting: stay under each operation's per-account limit instead of being throttled.</summary>
public sealed class VodThrottlingOptions
{
    /// <summary>Wait (default), reject or off.</summary>
    public VodThrottlingMode Mode { get; set; } = VodThrottlingMode.Wait;

    /// <summary>How many callers may wait per (key, operation) in <see cref="VodThrottlingMode.Wait"/> mode; more are rejected.</summary>
    public int QueueLimit { get; set; } = 10_000;

    /// <summary>
    /// The share of each limit the local limiter leaves unused (2.5 % by default, and at least 2 calls a second),
    /// because calls reach the service with some jitter and the service counts over any one-second interval.
    /// </summary>
    public double Headroom { get; set; } = VodLocalRateLimiter.DefaultHeadroom;

    /// <summary>The longest a caller waits for a permit before <see cref="VodThrottledException"/>.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Limits (calls per second per AccessKey) that replace the spec's, by operation name.</summary>
    public IDictionary<string, int> Limits { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// A limiter shared beyond this process, such as the Redis one from VodGen.Runtime.Redis. When null, each
    /// client paces calls locally per (AccessKey, operation) with <see cref="VodLocalRateLimiter"/>.
    /// </summary>
    public PartitionedRateLimiter<VodRateLimitKey>? Limiter { get; set; }

    /// <summary>A copy that later changes to these options (or to <see cref="Limits"/>) do not reach.</summary>
    internal VodThrottlingOptions Snapshot()
    {
        var copy = new VodThrottlingOptions { Mode = Mode, QueueLimit = QueueLimit, Headroom = Headroom, MaxWait = MaxWait, Limiter = Limiter };
        foreach (var (action, limit) in Limits)
        {
            copy.Limits[action] = limit;
        }

        return copy;
    }

    internal void Validate()
    {
        if (QueueLimit < 0)
        {
            throw new ArgumentException("VodThrottlingOptions.QueueLimit must not be negative.", nameof(QueueLimit));
        }

        if (!(Headroom >= 0 && Headroom <= 0.5))
        {
            throw new ArgumentException("VodThrottlingOptions.Headroom must be between 0 and 0.5.", nameof(Headroom));
        }

        if (MaxWait <= TimeSpan.Zero)
        {
            throw new ArgumentException("VodThrottlingOptions.MaxWait must be positive.", nameof(MaxWait));
        }

        foreach (var (action, limit) in Limits)
        {
            if (limit <= 0)
            {
                throw new ArgumentException($"VodThrottlingOptions.Limits[\"{action}\"] must be a positive number of calls per second.", nameof(Limits));
            }
        }
    }
}
