using System.Collections.Concurrent;
using System.Diagnostics;
using VodGen;
using VodGen.Throttling;

namespace VodGen.Benchmarks;

/// <summary>
/// Emitted rate of the local limiter under 1,000 concurrent callers for 10 s per limit: the most permits in any
/// one-second interval (must not exceed the limit) and the average rate as a share of the limit (target ≥ 97 %).
/// </summary>
internal static class LimiterAccuracy
{
    public static async Task<int> RunAsync(TextWriter output, int callers = 1000, double seconds = 10, params int[] limits)
    {
        limits = limits.Length > 0 ? limits : new[] { 40, 80, 120, 500 };
        ThreadPool.SetMinThreads(Environment.ProcessorCount * 4, Environment.ProcessorCount * 4);
        output.WriteLine($"Limiter accuracy: {callers} concurrent callers, {seconds:0} s per limit, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        output.WriteLine();
        output.WriteLine("| limit (calls/s) | pace | permits | max in any 1 s | average rate | share of limit |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        var failed = false;
        foreach (var limit in limits)
        {
            using var limiter = new VodLocalRateLimiter(queueLimit: callers);
            var key = new VodRateLimitKey("LTAI-accuracy", "RefreshUploadVideo", limit);
            var grants = new ConcurrentQueue<long>();
            var stop = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
            await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
            {
                while (Stopwatch.GetTimestamp() < stop)
                {
                    using var lease = await limiter.AcquireAsync(key, 1);
                    if (lease.IsAcquired && Stopwatch.GetTimestamp() < stop)
                    {
                        grants.Enqueue(Stopwatch.GetTimestamp());
                    }
                }
            })));

            var times = grants.Order().Select(t => (double)t / Stopwatch.Frequency).ToArray();
            var max = 0;
            for (int start = 0, end = 0; end < times.Length; end++)
            {
                while (times[end] - times[start] >= 1)
                {
                    start++;
                }

                max = Math.Max(max, end - start + 1);
            }

            var rate = (times.Length - 1) / (times[^1] - times[0]);
            failed |= max > limit || rate < 0.97 * limit;
            output.WriteLine($"| {limit} | {VodLocalRateLimiter.PaceFor(limit)} | {times.Length} | {max} | {rate:0.00}/s | {rate / limit:P1} |");
        }

        return failed ? 1 : 0;
    }
}
