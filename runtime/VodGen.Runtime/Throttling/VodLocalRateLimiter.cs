using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace VodGen;

/// <summary>
/// The local limiter: one <see cref="VodPacingRateLimiter"/> per (AccessKey, operation, limit), paced at the limit
/// less a small slack (2.5 %, at least 2 permits a second) that absorbs the jitter between granting a permit and
/// the request reaching the service. Limits of 80 and more are used to at least 97 %.
/// </summary>
public sealed class VodLocalRateLimiter : PartitionedRateLimiter<VodRateLimitKey>
{
    private readonly ConcurrentDictionary<VodRateLimitKey, VodPacingRateLimiter> _buckets = new();
    private readonly int _queueLimit;
    private int _disposed;

    /// <summary>Creates the limiter; <paramref name="queueLimit"/> callers may wait per bucket.</summary>
    public VodLocalRateLimiter(int queueLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        _queueLimit = queueLimit;
    }

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics(VodRateLimitKey resource) => Bucket(resource).GetStatistics();

    /// <inheritdoc/>
    protected override RateLimitLease AttemptAcquireCore(VodRateLimitKey resource, int permitCount) => Bucket(resource).AttemptAcquire(permitCount);

    /// <inheritdoc/>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(VodRateLimitKey resource, int permitCount, CancellationToken cancellationToken)
        => Bucket(resource).AcquireAsync(permitCount, cancellationToken);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            foreach (var bucket in _buckets.Values)
            {
                bucket.Dispose();
            }

            _buckets.Clear();
        }

        base.Dispose(disposing);
    }

    /// <summary>The pace used for a limit: <paramref name="permitsPerSecond"/> less the slack.</summary>
    public static int PaceFor(int permitsPerSecond) => Math.Max(1, permitsPerSecond - Math.Max(2, permitsPerSecond / 40));

    private VodPacingRateLimiter Bucket(VodRateLimitKey key)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_buckets.TryGetValue(key, out var bucket))
        {
            return bucket;
        }

        var created = new VodPacingRateLimiter(PaceFor(key.PermitsPerSecond), _queueLimit);
        bucket = _buckets.GetOrAdd(key, created);
        if (!ReferenceEquals(bucket, created))
        {
            created.Dispose();
        }

        return bucket;
    }
}
