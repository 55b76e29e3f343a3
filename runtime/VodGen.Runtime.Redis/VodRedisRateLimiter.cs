using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using VodGen.Throttling;

namespace VodGen.Redis;

/// <summary>
/// A fleet-wide limiter: every process that uses the same Redis and AccessKey draws its permits from one evenly
/// spaced schedule per operation, kept in Redis (the same pacing as the local <see cref="VodPacingRateLimiter"/>,
/// with a headroom below the limit). Each permit costs one Redis round trip: the caller reserves its slot and
/// sleeps until it, so nobody polls. When Redis cannot be reached, calls go through this process's local limiter
/// with a warning and Redis is tried again later: never unlimited.
/// </summary>
/// <remarks>
/// RedisRateLimiting's windows were measured and not used: a sliding window of 48 let 50 calls into one second and
/// hands out each window's permits at once, which a service counting over a strict sliding second throttles.
/// A reservation cancelled while sleeping leaves its slot unused.
/// </remarks>
public sealed partial class VodRedisRateLimiter : PartitionedRateLimiter<VodRateLimitKey>
{
    private readonly IConnectionMultiplexer _connection;
    private readonly VodRedisRateLimiterOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly VodLocalRateLimiter _fallback;
    private long _redisRetryAt;
    private int _degraded;

    /// <summary>Creates the limiter over a Redis connection.</summary>
    public VodRedisRateLimiter(IConnectionMultiplexer connection, VodRedisRateLimiterOptions? options = null, ILogger<VodRedisRateLimiter>? logger = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _connection = connection;
        _options = options ?? new VodRedisRateLimiterOptions();
        _options.Validate();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _clock = clock ?? TimeProvider.System;
        _fallback = new VodLocalRateLimiter(_options.FallbackQueueLimit, _options.Headroom);
    }

    /// <summary>True while calls go through the local fallback because Redis failed.</summary>
    public bool IsDegraded => Volatile.Read(ref _degraded) == 1;

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics(VodRateLimitKey resource) => _fallback.GetStatistics(resource);

    /// <inheritdoc/>
    protected override RateLimitLease AttemptAcquireCore(VodRateLimitKey resource, int permitCount)
    {
        if (permitCount == 0)
        {
            return VodRateLimitLease.Acquired;
        }

        if (UseRedis())
        {
            try
            {
                var reservation = RedisPacingScript.Reserve(_connection.GetDatabase(), Key(resource), Interval(resource), 0);
                Restored();
                Reserved(resource, reservation);
                return reservation.Wait is not null ? VodRateLimitLease.Acquired : VodRateLimitLease.Refused(reservation.Refused);
            }
            catch (Exception exception) when (IsRedisFailure(exception))
            {
                Degrade(exception);
            }
        }

        return _fallback.AttemptAcquire(resource, permitCount);
    }

    /// <inheritdoc/>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(VodRateLimitKey resource, int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0)
        {
            return VodRateLimitLease.Acquired;
        }

        if (UseRedis())
        {
            RedisReservation reservation = default;
            var reserved = false;
            try
            {
                reservation = await RedisPacingScript.ReserveAsync(_connection.GetDatabase(), Key(resource), Interval(resource), (long)(_options.MaxReservation.Ticks / 10)).ConfigureAwait(false);
                reserved = true;
                Restored();
                Reserved(resource, reservation);
            }
            catch (Exception exception) when (IsRedisFailure(exception) && !cancellationToken.IsCancellationRequested)
            {
                Degrade(exception);
            }

            if (reserved)
            {
                if (reservation.Wait is not { } wait)
                {
                    return VodRateLimitLease.Refused(reservation.Refused - _options.MaxReservation);
                }

                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
                }

                return VodRateLimitLease.Acquired;
            }
        }

        return await _fallback.AcquireAsync(resource, permitCount, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _fallback.Dispose();
        }

        base.Dispose(disposing);
    }

    private static bool IsRedisFailure(Exception exception) => exception is RedisException or TimeoutException;

    private long Interval(VodRateLimitKey key) => 1_000_000L / VodLocalRateLimiter.PaceFor(key.PermitsPerSecond, _options.Headroom);

    private string Key(VodRateLimitKey key) => $"{_options.KeyPrefix}:{key.AccessKeyId}:{key.Action}:{key.PermitsPerSecond}";

    private bool UseRedis() => Volatile.Read(ref _degraded) == 0 || _clock.GetTimestamp() >= Interlocked.Read(ref _redisRetryAt);

    private void Degrade(Exception exception)
    {
        Interlocked.Exchange(ref _redisRetryAt, _clock.GetTimestamp() + (long)(_options.RetryRedisAfter.TotalSeconds * _clock.TimestampFrequency));
        if (Interlocked.Exchange(ref _degraded, 1) == 0)
        {
            LogRedisUnavailable(_logger, _options.RetryRedisAfter.TotalSeconds, exception.GetType().Name, exception.Message);
        }
    }

    private void Restored()
    {
        if (Interlocked.Exchange(ref _degraded, 0) == 1)
        {
            LogRedisRestored(_logger);
        }
    }

    private void Reserved(VodRateLimitKey key, RedisReservation reservation)
    {
        if (reservation.Wait is { } wait)
        {
            LogReserved(_logger, key.Action, reservation.SlotMicroseconds, wait.TotalMilliseconds);
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Redis rate limiting is unavailable ({ExceptionType}: {Reason}); using this process's local limiter and trying Redis again in {Seconds} s.")]
    private static partial void LogRedisUnavailable(ILogger logger, double seconds, string exceptionType, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Redis rate limiting is available again.")]
    private static partial void LogRedisRestored(ILogger logger);

    // The slot on the shared clock shows the fleet's pace as Redis decided it, whatever delays the sends afterwards.
    [LoggerMessage(EventId = 3, Level = LogLevel.Trace, Message = "Reserved a {Action} slot at {SlotMicroseconds} µs on the Redis clock; waiting {WaitMilliseconds} ms for it.")]
    private static partial void LogReserved(ILogger logger, string action, long slotMicroseconds, double waitMilliseconds);
}
