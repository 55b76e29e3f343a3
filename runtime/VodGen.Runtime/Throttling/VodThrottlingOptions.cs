using System;
using System.Collections.Generic;
using System.Threading.RateLimiting;

namespace VodGen;

/// <summary>Client-side rate limiting: stay under each operation's per-account limit instead of being throttled.</summary>
public sealed class VodThrottlingOptions
{
    /// <summary>Wait (default), reject or off.</summary>
    public VodThrottlingMode Mode { get; set; } = VodThrottlingMode.Wait;

    /// <summary>How many callers may wait per (key, operation) in <see cref="VodThrottlingMode.Wait"/> mode; more are rejected.</summary>
    public int QueueLimit { get; set; } = 10_000;

    /// <summary>The longest a caller waits for a permit before <see cref="VodThrottledException"/>.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Limits (calls per second per AccessKey) that replace the spec's, by operation name.</summary>
    public IDictionary<string, int> Limits { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// A limiter shared beyond this process, such as the Redis one from VodGen.Runtime.Redis. When null, each
    /// client keeps a local token bucket per (AccessKey, operation).
    /// </summary>
    public PartitionedRateLimiter<VodRateLimitKey>? Limiter { get; set; }

    internal void Validate()
    {
        if (QueueLimit < 0)
        {
            throw new ArgumentException("VodThrottlingOptions.QueueLimit must not be negative.", nameof(QueueLimit));
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
