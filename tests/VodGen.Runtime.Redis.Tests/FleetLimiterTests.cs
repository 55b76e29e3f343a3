using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using VodGen.Emulator;
using VodGen.Redis;
using VodGen.Vod;

namespace VodGen.Runtime.Redis.Tests;

public sealed class FleetLimiterTests : IAsyncLifetime
{
    private const int Limit = 50;

    static FleetLimiterTests() => ThreadPool.SetMinThreads(32, 32); // see EmulatorTestBase in the emulator tests

    private VodEmulator _emulator = null!;
    private RedisServer? _redis;

    public async Task InitializeAsync()
    {
        var options = new VodEmulatorOptions();
        options.QpsOverrides["RefreshUploadVideo"] = Limit;
        _emulator = await VodEmulator.StartAsync(options);
        if (RedisServer.Binary is not null)
        {
            _redis = await RedisServer.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }

    private VodClient Client(VodRedisRateLimiter limiter) => new(new VodClientOptions
    {
        Endpoint = _emulator.Endpoint,
        Credentials = new StaticCredentialsProvider(EmulatorCredential.Default.AccessKeyId, EmulatorCredential.Default.AccessKeySecret),
        Throttling = { Limiter = limiter, Limits = { ["RefreshUploadVideo"] = Limit } },

        // Retries as an application has them: they absorb the rare answer throttled because a loaded machine delayed
        // granted sends, which then reached the emulator bunched. The tests bound how many there are.
        Retry = { BaseDelay = TimeSpan.FromMilliseconds(50) },
    });

    // On an idle machine no answer is throttled; the bound leaves room for a loaded CI machine's scheduling stalls.
    private static void AssertThrottlingRare(IReadOnlyList<EmulatorRequestRecord> records)
    {
        Assert.All(records, r => Assert.Contains(r.Outcome, new[] { "OK", "Throttling.User" }));
        var throttled = records.Count(r => r.Outcome != "OK");
        Assert.True(throttled <= Math.Max(3, records.Count / 50), $"{throttled} of {records.Count} calls were throttled by the service");
    }

    // Warm the path (JIT, connections), then forget it: what is measured is steady full demand.
    private async Task WarmUpAsync(VodClient client, string videoId)
    {
        await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = videoId });
        await Task.Delay(TimeSpan.FromSeconds(1.1));
        _emulator.Log.Clear();
    }

    private static async Task<int> Demand(VodClient client, string videoId, TimeSpan duration, int callers)
    {
        var stop = DateTime.UtcNow + duration;
        var calls = 0;
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            while (DateTime.UtcNow < stop)
            {
                await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = videoId });
                Interlocked.Increment(ref calls);
            }
        })));
        return calls;
    }

    [RedisFact]
    public async Task Two_clients_with_their_own_limiters_share_one_budget()
    {
        var video = _emulator.Store.Create("t", "f.mp4", DateTimeOffset.UtcNow);
        await using var redisA = await ConnectionMultiplexer.ConnectAsync(_redis!.Configuration);
        await using var redisB = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        using var limiterA = new VodRedisRateLimiter(redisA);
        using var limiterB = new VodRedisRateLimiter(redisB);
        using var clientA = Client(limiterA);
        using var clientB = Client(limiterB);
        await WarmUpAsync(clientA, video.VideoId);
        await WarmUpAsync(clientB, video.VideoId);

        await Task.WhenAll(Demand(clientA, video.VideoId, TimeSpan.FromSeconds(4), 20), Demand(clientB, video.VideoId, TimeSpan.FromSeconds(4), 20));

        AssertThrottlingRare(_emulator.Log.Records);
        var records = _emulator.Log.Records.Where(r => r.Outcome == "OK").ToList();
        Assert.True(EmulatorRates.MaxInAnySecond(records) <= Limit, $"max {EmulatorRates.MaxInAnySecond(records)} in one second");
        // Never over the limit is the property; how close to it the pace comes is a performance figure, measured by
        // the limiter-accuracy benchmark (97.5 %). Here only a broken pace is caught: a loaded 2-core machine slows senders.
        Assert.True(EmulatorRates.PerSecond(records) >= 0.5 * Limit, $"rate {EmulatorRates.PerSecond(records):0.0}/s");
    }

    [RedisFact]
    public async Task Redis_outage_falls_back_to_the_local_limiter_with_a_warning_and_recovers()
    {
        var video = _emulator.Store.Create("t", "f.mp4", DateTimeOffset.UtcNow);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis!.Configuration);
        var logger = new TestLogger<VodRedisRateLimiter>();
        using var limiter = new VodRedisRateLimiter(redis, new VodRedisRateLimiterOptions { RetryRedisAfter = TimeSpan.FromMilliseconds(500) }, logger);
        using var client = Client(limiter);
        await WarmUpAsync(client, video.VideoId);

        await Demand(client, video.VideoId, TimeSpan.FromSeconds(1), 10);
        await _redis.StopAsync();
        await Demand(client, video.VideoId, TimeSpan.FromSeconds(3), 10);

        Assert.True(limiter.IsDegraded);
        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("local limiter", StringComparison.Ordinal));
        AssertThrottlingRare(_emulator.Log.Records);
        var records = _emulator.Log.Records.Where(r => r.Outcome == "OK").ToList();
        Assert.True(EmulatorRates.MaxInAnySecond(records) <= Limit);

        await _redis.RestartAsync();
        var deadline = Stopwatch.StartNew();
        while (limiter.IsDegraded && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = video.VideoId });
            await Task.Delay(100);
        }

        Assert.False(limiter.IsDegraded);
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("available again", StringComparison.Ordinal));
    }

    [RedisFact]
    public async Task Three_processes_at_full_demand_stay_under_the_shared_limit()
    {
        var video = _emulator.Store.Create("t", "f.mp4", DateTimeOffset.UtcNow);
        var agent = Path.Combine(RepoOutput("tests/VodGen.LoadAgent"), "VodGen.LoadAgent.dll");
        // Far enough ahead that three cold processes on a loaded machine are all running when it comes.
        var start = DateTimeOffset.UtcNow.AddSeconds(8);
        var agents = Enumerable.Range(0, 3).Select(_ => Process.Start(new ProcessStartInfo("dotnet",
            $"\"{agent}\" --endpoint {_emulator.Endpoint} --redis {_redis!.Configuration} --key {EmulatorCredential.Default.AccessKeyId} " +
            $"--secret {EmulatorCredential.Default.AccessKeySecret} --video {video.VideoId} --seconds 6 --callers 20 --limit {Limit} --start {start.ToUnixTimeMilliseconds()}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!).ToList();

        var outputs = await Task.WhenAll(agents.Select(async process =>
        {
            var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(120));
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, Output: output + error);
        }));
        agents.ForEach(p => p.Dispose());

        Assert.All(outputs, o => Assert.True(o.ExitCode == 0, o.Output));
        Assert.All(outputs, o => Assert.Contains(" failed=0", o.Output));

        // The agents do not retry, so every throttled answer shows. On an idle machine there are none; a loaded one
        // delays some granted sends so that they reach the emulator bunched, which the bound leaves room for.
        var counts = outputs.Select(o => System.Text.RegularExpressions.Regex.Match(o.Output, @"ok=(\d+) throttled=(\d+)")).ToList();
        Assert.All(counts, m => Assert.True(m.Success, "an agent printed no counts"));
        var ok = counts.Sum(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var throttled = counts.Sum(m => long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(throttled <= Math.Max(3, ok / 50), $"{throttled} throttled of {ok + throttled} calls");
        Assert.DoesNotContain(_emulator.Log.Records, r => r.Outcome is not ("OK" or "Throttling.User"));
        var records = _emulator.Log.Records.Where(r => r.Time >= start && r.Outcome == "OK").ToList();
        Assert.True(EmulatorRates.MaxInAnySecond(records) <= Limit, $"max {EmulatorRates.MaxInAnySecond(records)} in one second");
        // Never over the limit is the property; how close to it the pace comes is a performance figure, measured by
        // the limiter-accuracy benchmark (97.5 %). Here only a broken pace is caught: a loaded 2-core machine slows senders.
        Assert.True(EmulatorRates.PerSecond(records) >= 0.5 * Limit, $"rate {EmulatorRates.PerSecond(records):0.0}/s");
    }

    private static string RepoOutput(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var repo = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(repo, project, "bin", output.Parent.Name, output.Name);
    }
}
