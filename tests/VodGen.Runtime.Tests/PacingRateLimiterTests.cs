using System.Threading.RateLimiting;
using VodGen.Throttling;

namespace VodGen.Runtime.Tests;

public class PacingRateLimiterTests
{
    [Fact]
    public void Second_permit_within_the_interval_is_refused_with_a_retry_hint()
    {
        using var limiter = new VodPacingRateLimiter(permitsPerSecond: 2, queueLimit: 0);

        using var first = limiter.AttemptAcquire();
        using var second = limiter.AttemptAcquire();

        Assert.True(first.IsAcquired);
        Assert.False(second.IsAcquired);
        Assert.True(second.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(500));
        var statistics = limiter.GetStatistics()!;
        Assert.Equal((1, 1), (statistics.TotalSuccessfulLeases, statistics.TotalFailedLeases));
    }

    [Fact]
    public async Task Waiters_are_served_in_the_order_they_queued()
    {
        using var limiter = new VodPacingRateLimiter(permitsPerSecond: 20, queueLimit: 10);
        var waiters = Enumerable.Range(0, 6).Select(_ => limiter.AcquireAsync().AsTask()).ToArray();

        // Leases complete their waiters' continuations asynchronously, so the order in which continuations run says
        // nothing (two waiters granted in one late timer tick may resume either way round). What the limiter owes is
        // that no waiter is granted before an earlier one: when a waiter's lease is visible, every earlier one is too.
        var earlierDone = await Task.WhenAll(waiters.Select(async (waiter, i) =>
        {
            using var lease = await waiter;
            Assert.True(lease.IsAcquired);
            return waiters.Take(i).All(earlier => earlier.IsCompleted);
        }));

        Assert.All(earlierDone, Assert.True);
    }

    [Fact]
    public async Task Dispose_releases_waiters_with_a_refusal()
    {
        var limiter = new VodPacingRateLimiter(permitsPerSecond: 0.1, queueLimit: 10);
        using var first = await limiter.AcquireAsync();
        var waiting = limiter.AcquireAsync().AsTask();

        limiter.Dispose();

        Assert.False((await waiting).IsAcquired);
        Assert.Throws<ObjectDisposedException>(() => limiter.AttemptAcquire());
    }

    [Fact]
    public void Idle_duration_is_reported_when_nobody_waits()
    {
        using var limiter = new VodPacingRateLimiter(permitsPerSecond: 10, queueLimit: 1);

        Assert.NotNull(limiter.IdleDuration);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Rate_must_be_positive_and_finite(double rate)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new VodPacingRateLimiter(rate, 0));

    [Fact]
    public void Permits_are_granted_one_at_a_time()
    {
        using var limiter = new VodPacingRateLimiter(10, 0);

        Assert.Throws<ArgumentOutOfRangeException>(() => limiter.AttemptAcquire(2));
        Assert.True(limiter.AttemptAcquire(0).IsAcquired);
    }
}
