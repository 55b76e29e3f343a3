using System;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;
using VodGen.GeneratedCode;

namespace VodGen.Throttling;

/// <summary>Obtains a permit before each attempt, as the throttling options say. Thread-safe.</summary>
internal sealed class VodRateGate : IDisposable
{
    private static readonly TimeSpan DefaultPoll = TimeSpan.FromMilliseconds(20);
    private readonly VodThrottlingOptions _options;
    private readonly PartitionedRateLimiter<VodRateLimitKey>? _limiter;
    private readonly bool _ownsLimiter;
    private readonly string _regionId;
    private readonly TimeProvider _clock;
    private volatile bool _disposed;

    public VodRateGate(VodThrottlingOptions options, string regionId, TimeProvider clock)
    {
        _options = options;
        _regionId = regionId;
        _clock = clock;
        if (options.Mode != VodThrottlingMode.Off)
        {
            _ownsLimiter = options.Limiter is null;
            _limiter = options.Limiter ?? new VodLocalRateLimiter(options.Mode == VodThrottlingMode.Wait ? options.QueueLimit : 0, options.Headroom, clock);
        }
    }

    /// <summary>The limit for an operation, or null when none applies.</summary>
    public int? LimitFor(VodOperationInfo operation)
        => _options.Limits.TryGetValue(operation.Action, out var limit) ? limit : operation.Qps?.ForRegion(_regionId);

    /// <summary>Waits for (or refuses) a permit; returns how long the caller waited.</summary>
    public async ValueTask<TimeSpan> AcquireAsync(VodOperationInfo operation, string accessKeyId, CancellationToken cancellationToken)
    {
        if (_limiter is null || LimitFor(operation) is not { } limit)
        {
            return TimeSpan.Zero;
        }

        ObjectDisposedException.ThrowIf(_disposed, typeof(VodClient));
        var key = new VodRateLimitKey(accessKeyId, operation.Action, limit);
        if (_options.Mode == VodThrottlingMode.Reject)
        {
            using var lease = _limiter.AttemptAcquire(key);
            return lease.IsAcquired ? TimeSpan.Zero : throw Refused(key, "its rate limit is reached and the client rejects rather than waits", lease);
        }

        var started = _clock.GetTimestamp();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.MaxWait);
        try
        {
            while (true)
            {
                using var lease = await _limiter.AcquireAsync(key, 1, deadline.Token).ConfigureAwait(false);
                if (lease.IsAcquired)
                {
                    return _clock.GetElapsedTime(started);
                }

                // A limiter refuses its waiters when it is disposed: say so, rather than blame a full queue.
                ObjectDisposedException.ThrowIf(_disposed, typeof(VodClient));

                // The local limiter queues callers itself, so a refusal means its queue is full. A shared limiter
                // (such as Redis) does not queue: wait as long as it says and ask again.
                if (_ownsLimiter)
                {
                    throw Refused(key, $"{_options.QueueLimit} callers are already waiting", lease);
                }

                var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero ? retryAfter : DefaultPoll;
                await Task.Delay(wait, _clock, deadline.Token).ConfigureAwait(false);
            }
        }
        catch (ObjectDisposedException) when (_disposed)
        {
            throw new ObjectDisposedException(nameof(VodClient), $"The VodClient was disposed while a {operation.Action} call waited for a rate-limit permit.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VodThrottledException(operation.Action, limit, $"no permit within {_options.MaxWait.TotalSeconds:0.###} s", null);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        if (_ownsLimiter)
        {
            _limiter?.Dispose();
        }
    }

    private static VodThrottledException Refused(VodRateLimitKey key, string reason, RateLimitLease lease)
        => new(key.Action, key.PermitsPerSecond, reason, lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : null);
}
