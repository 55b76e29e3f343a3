using System;
using System.Threading.RateLimiting;

namespace VodGen;

/// <summary>
/// The local limiter: one token bucket per (AccessKey, operation). A bucket of B tokens refilled at L − B tokens
/// per second lets through at most L calls in any one-second interval, wherever it starts, which is how the
/// service counts; a sliding-window limiter only guarantees that for windows aligned to its segments.
/// B is about 2 % of L (at least 1), so a limit of 40 or more is used to at least 97 %.
/// </summary>
public static class VodTokenBucket
{
    /// <summary>The bucket options for a limit of <paramref name="permitsPerSecond"/>.</summary>
    public static TokenBucketRateLimiterOptions OptionsFor(int permitsPerSecond, int queueLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitsPerSecond);
        var burst = Burst(permitsPerSecond);
        var rate = Math.Max(permitsPerSecond - burst, 1);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / rate),
            QueueLimit = queueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        };
    }

    /// <summary>Creates the partitioned local limiter.</summary>
    public static PartitionedRateLimiter<VodRateLimitKey> CreateLimiter(int queueLimit)
        => PartitionedRateLimiter.Create<VodRateLimitKey, VodRateLimitKey>(key =>
            RateLimitPartition.GetTokenBucketLimiter(key, k => OptionsFor(k.PermitsPerSecond, queueLimit)));

    internal static int Burst(int permitsPerSecond) => Math.Max(1, permitsPerSecond / 50);
}
