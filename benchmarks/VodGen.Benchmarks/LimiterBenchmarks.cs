using System.Threading.RateLimiting;
using BenchmarkDotNet.Attributes;
using VodGen;
using VodGen.Throttling;

namespace VodGen.Benchmarks;

/// <summary>The limiter's own cost per permit when nobody waits, against the library's token bucket.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class LimiterBenchmarks
{
    private static readonly VodRateLimitKey Key = new("LTAI-benchmark", "RefreshUploadVideo", int.MaxValue);
    private TokenBucketRateLimiter _bucket = null!;
    private VodPacingRateLimiter _pacer = null!;
    private VodLocalRateLimiter _local = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Rates far above what one thread can draw, so every permit is granted at once.
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = int.MaxValue,
            TokensPerPeriod = int.MaxValue,
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        _pacer = new VodPacingRateLimiter(1e12, queueLimit: 0);
        _local = new VodLocalRateLimiter(queueLimit: 0);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bucket.Dispose();
        _pacer.Dispose();
        _local.Dispose();
    }

    [Benchmark(Baseline = true, Description = "TokenBucketRateLimiter.AttemptAcquire")]
    public bool TokenBucket()
    {
        using var lease = _bucket.AttemptAcquire(1);
        return lease.IsAcquired;
    }

    [Benchmark(Description = "VodPacingRateLimiter.AttemptAcquire")]
    public bool Pacing()
    {
        using var lease = _pacer.AttemptAcquire(1);
        return lease.IsAcquired;
    }

    [Benchmark(Description = "VodLocalRateLimiter (per key) AcquireAsync")]
    public async ValueTask<bool> LocalPerKey()
    {
        using var lease = await _local.AcquireAsync(Key, 1);
        return lease.IsAcquired;
    }
}
