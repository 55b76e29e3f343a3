using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace VodGen.Throttling;

/// <summary>
/// The local limiter: one <see cref="VodPacingRateLimiter"/> per (AccessKey, operation, limit), paced at the limit
/// less a headroom (2.5 % by default, at least 2 permits a second) that absorbs the jitter between granting a permit
/// and the request reaching the service. With the default, limits of 80 and more are used to at least 97 %.
/// </summary>
public sealed class VodLocalRateLimiter : PartitionedRateLimiter<VodRateLimitKey>
{
    private readonly ConcurrentDictionary<VodRateLimitKey, VodPacingRateLimiter> _pacers = new();
    private readonly int _queueLimit;
    private readonly double _headroom;
    private readonly TimeProvider? _clock;
    private int _disposed;

    /// <summary>Creates the limiter; <paramref name="queueLimit"/> callers may wait per (AccessKey, operation).</summary>
    /// <param name="queueLimit">Callers that may wait per (AccessKey, operation).</param>
    /// <param name="headroom">The share of the limit left unused for jitter, from 0 to 0.5.</param>
    /// <param name="clock">The clock the pacing runs on; the system's by default (a fake one in tests).</param>
    public VodLocalRateLimiter(int queueLimit, double headroom = DefaultHeadroom, TimeProvider? clock = null)
    {
        _clock = clock;
        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        CheckHeadroom(headroom);
        _queueLimit = queueLimit;
        _headroom = headroom;
    }

    /// <summary>The share of each limit the local limiter leaves unused by default.</summary>
    public const double DefaultHeadroom = 0.025;

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics(VodRateLimitKey resource) => Pacer(resource).GetStatistics();

    /// <inheritdoc/>
    protected override RateLimitLease AttemptAcquireCore(VodRateLimitKey resource, int permitCount) => Pacer(resource).AttemptAcquire(permitCount);

    /// <inheritdoc/>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(VodRateLimitKey resource, int permitCount, CancellationToken cancellationToken)
        => Pacer(resource).AcquireAsync(permitCount, cancellationToken);

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            foreach (var pacer in _pacers.Values)
            {
                pacer.Dispose();
            }

            _pacers.Clear();
        }

        base.Dispose(disposing);
    }

    /// <summary>The pace used for a limit: <paramref name="permitsPerSecond"/> less the headroom, and at least 2 less.</summary>
    internal static int PaceFor(int permitsPerSecond, double headroom = DefaultHeadroom)
        => Math.Max(1, permitsPerSecond - Math.Max(2, (int)(permitsPerSecond * headroom)));

    /// <summary>
    /// How many permits a late timer may grant at once: half the headroom (at least 1), so that the most permits in
    /// any second, pace + catch-up, stays below the limit with the other half left for jitter.
    /// </summary>
    internal static int CatchUpFor(int permitsPerSecond, int pace) => Math.Max(1, (permitsPerSecond - pace) / 2);

    /// <summary>Checks a headroom value.</summary>
    internal static void CheckHeadroom(double headroom)
    {
        if (!(headroom >= 0 && headroom <= 0.5))
        {
            throw new ArgumentOutOfRangeException(nameof(headroom), headroom, "The headroom must be between 0 and 0.5 of the limit.");
        }
    }

    private VodPacingRateLimiter Pacer(VodRateLimitKey key)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (_pacers.TryGetValue(key, out var pacer))
        {
            return pacer;
        }

        var pace = PaceFor(key.PermitsPerSecond, _headroom);
        var created = new VodPacingRateLimiter(pace, _queueLimit, _clock, catchUp: CatchUpFor(key.PermitsPerSecond, pace));
        pacer = _pacers.GetOrAdd(key, created);
        if (!ReferenceEquals(pacer, created))
        {
            created.Dispose();
        }

        return pacer;
    }
}
