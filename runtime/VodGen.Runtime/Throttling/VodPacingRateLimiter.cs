using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.RateLimiting;
using System.Threading.Tasks;

namespace VodGen.Throttling;

/// <summary>
/// A <see cref="RateLimiter"/> that spaces permits evenly, one every 1/r seconds, with waiters served first come
/// first served on a timer that fires exactly when the next permit is due.
/// </summary>
/// <remarks>
/// Why not <see cref="TokenBucketRateLimiter"/>: its refill timer runs on whole milliseconds, so a period of
/// 1/98 s (10.2 ms) fires every 10 ms and lets 100 calls a second through; and inside
/// <see cref="PartitionedRateLimiter"/> buckets are refilled from a 100 ms heartbeat. Both were measured here.
/// This limiter keeps the schedule in <see cref="TimeProvider"/> timestamps instead. A grant moves the next due
/// time to <c>max(due, now − c/r) + 1/r</c>: a late timer may catch up by at most c permits (the catch-up), so
/// any one-second interval holds at most r + c permits.
/// </remarks>
internal sealed class VodPacingRateLimiter : RateLimiter
{
    private readonly object _gate = new();
    private readonly LinkedList<Waiter> _queue = new();
    private readonly TimeProvider _clock;
    private readonly long _interval;
    private readonly long _catchUp;
    private readonly int _queueLimit;
    private long _due;
    private long _successful;
    private long _failed;
    private long? _idleSince;
    private ITimer? _timer;
    private bool _disposed;

    /// <summary>Creates a limiter granting <paramref name="permitsPerSecond"/> permits a second, with up to <paramref name="queueLimit"/> waiters.</summary>
    /// <param name="permitsPerSecond">The pace r.</param>
    /// <param name="queueLimit">How many callers may wait.</param>
    /// <param name="clock">The clock; the system's by default.</param>
    /// <param name="catchUp">How many permits a late timer may grant at once to keep the pace (at least 1).</param>
    public VodPacingRateLimiter(double permitsPerSecond, int queueLimit, TimeProvider? clock = null, int catchUp = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(catchUp, 1);
        if (!(permitsPerSecond > 0) || double.IsInfinity(permitsPerSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(permitsPerSecond), permitsPerSecond, "The rate must be a positive number of permits per second.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(queueLimit);
        _clock = clock ?? TimeProvider.System;
        _interval = Math.Max(1, (long)(_clock.TimestampFrequency / permitsPerSecond));
        _catchUp = _interval * catchUp;
        _queueLimit = queueLimit;
        _due = _clock.GetTimestamp();
        _idleSince = _due;
    }

    /// <inheritdoc/>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                return _idleSince is { } since ? _clock.GetElapsedTime(since) : null;
            }
        }
    }

    /// <inheritdoc/>
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _queue.Count == 0 && _clock.GetTimestamp() >= _due ? 1 : 0,
                CurrentQueuedCount = _queue.Count,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    /// <inheritdoc/>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        CheckCount(permitCount);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _clock.GetTimestamp();
            if (permitCount == 0)
            {
                return _queue.Count == 0 && now >= _due ? VodRateLimitLease.Acquired : FailedLocked(now);
            }

            if (_queue.Count == 0 && now >= _due)
            {
                GrantLocked(now);
                return VodRateLimitLease.Acquired;
            }

            return FailedLocked(now);
        }
    }

    /// <inheritdoc/>
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        CheckCount(permitCount);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<RateLimitLease>(cancellationToken);
        }

        Waiter waiter;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _clock.GetTimestamp();
            if (_queue.Count == 0 && now >= _due)
            {
                if (permitCount > 0)
                {
                    GrantLocked(now);
                }

                return ValueTask.FromResult(VodRateLimitLease.Acquired);
            }

            if (_queue.Count >= _queueLimit)
            {
                return ValueTask.FromResult(FailedLocked(now));
            }

            waiter = new Waiter(this);
            waiter.Node = _queue.AddLast(waiter);
            _idleSince = null;
            ScheduleLocked(now);
        }

        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.UnsafeRegister(static (state, token) => ((Waiter)state!).Cancel(token), waiter);
        }

        return new ValueTask<RateLimitLease>(waiter.Task);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        List<Waiter> abandoned;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _timer?.Dispose();
            abandoned = new List<Waiter>(_queue);
            _queue.Clear();
        }

        foreach (var waiter in abandoned)
        {
            waiter.Registration.Dispose();
            waiter.TrySetResult(VodRateLimitLease.Refused(null));
        }

        base.Dispose(disposing);
    }

    private static void CheckCount(int permitCount)
    {
        if (permitCount is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, "Permits are granted one at a time.");
        }
    }

    private void GrantLocked(long now)
    {
        _due = Math.Max(_due, now - _catchUp) + _interval;
        _successful++;
        _idleSince = _queue.Count == 0 ? now : null;
    }

    private RateLimitLease FailedLocked(long now)
    {
        _failed++;
        var wait = Math.Max(0, _due - now) + (_queue.Count * _interval);
        return VodRateLimitLease.Refused(TimeSpan.FromSeconds((double)wait / _clock.TimestampFrequency));
    }

    private void ScheduleLocked(long now)
    {
        var delay = TimeSpan.FromSeconds((double)Math.Max(0, _due - now) / _clock.TimestampFrequency);
        if (_timer is null)
        {
            _timer = _clock.CreateTimer(static state => ((VodPacingRateLimiter)state!).OnTimer(), this, delay, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    private void OnTimer()
    {
        List<Waiter>? granted = null;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            var now = _clock.GetTimestamp();
            while (_queue.First is { } first && now >= _due)
            {
                _queue.RemoveFirst();
                first.Value.Node = null;
                GrantLocked(now);
                (granted ??= new List<Waiter>()).Add(first.Value);
            }

            if (_queue.Count > 0)
            {
                ScheduleLocked(now);
            }
        }

        foreach (var waiter in granted ?? (IEnumerable<Waiter>)Array.Empty<Waiter>())
        {
            waiter.Registration.Dispose();
            waiter.TrySetResult(VodRateLimitLease.Acquired);
        }
    }

    private sealed class Waiter(VodPacingRateLimiter owner) : TaskCompletionSource<RateLimitLease>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }

        // A cancelled waiter leaves the queue at once, so it holds no place and delays no one.
        public void Cancel(CancellationToken token)
        {
            lock (owner._gate)
            {
                if (Node is null)
                {
                    return;
                }

                owner._queue.Remove(Node);
                Node = null;
                if (owner._queue.Count == 0)
                {
                    owner._idleSince = owner._clock.GetTimestamp();
                }
            }

            TrySetCanceled(token);
        }
    }
}
