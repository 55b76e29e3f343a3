using System;
using VodGen.Throttling;

namespace VodGen.Redis;

/// <summary>Settings of <see cref="VodRedisRateLimiter"/>.</summary>
public sealed class VodRedisRateLimiterOptions
{
    /// <summary>Prefix of the Redis keys; one key is used per AccessKey and operation.</summary>
    public string KeyPrefix { get; set; } = "vodgen:qps";

    /// <summary>
    /// The share of each limit left unused (5 % by default, at least 2 calls a second). Larger than the local
    /// default because calls from several machines reach the service with more jitter between them.
    /// </summary>
    public double Headroom { get; set; } = 0.05;

    /// <summary>The furthest ahead a caller may reserve a slot; a longer wait is refused with a retry hint.</summary>
    public TimeSpan MaxReservation { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many callers may wait on the local fallback limiter while Redis is away.</summary>
    public int FallbackQueueLimit { get; set; } = 10_000;

    /// <summary>How long to use the local limiter after Redis failed before trying Redis again.</summary>
    public TimeSpan RetryRedisAfter { get; set; } = TimeSpan.FromSeconds(5);

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(KeyPrefix))
        {
            throw new ArgumentException("VodRedisRateLimiterOptions.KeyPrefix must not be empty.", nameof(KeyPrefix));
        }

        if (MaxReservation <= TimeSpan.Zero || FallbackQueueLimit < 0)
        {
            throw new ArgumentException("VodRedisRateLimiterOptions needs a positive MaxReservation and a non-negative FallbackQueueLimit.", nameof(MaxReservation));
        }

        VodLocalRateLimiter.CheckHeadroom(Headroom);
        if (RetryRedisAfter <= TimeSpan.Zero)
        {
            throw new ArgumentException("VodRedisRateLimiterOptions.RetryRedisAfter must be positive.", nameof(RetryRedisAfter));
        }
    }
}
