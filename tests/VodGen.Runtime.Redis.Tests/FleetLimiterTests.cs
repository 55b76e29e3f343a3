using System.Diagnostics;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;
using VodGen.Emulator;
using VodGen.Redis;
using VodGen.Throttling;
using VodGen.Vod;

namespace VodGen.Runtime.Redis.Tests;

public sealed class FleetLimiterTests : IAsyncLifetime
{
    private const int Limit = 50;

    // The pace the limiter keeps under the limit (default headroom), as the gap between two slots in µs.
    private static readonly long Interval = 1_000_000L / VodLocalRateLimiter.PaceFor(Limit, new VodRedisRateLimiterOptions().Headroom);

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

    // What the fleet's limiters decided, on the one clock they share (Redis's): no two slots closer than the pace, so
    // no 1-second window holds more than the limit. This is exact whatever the machine's load; when the sends leave
    // afterwards is the scheduler's business, which the emulator's answers show (below) but cannot prove anything about.
    private static void AssertPaced(IEnumerable<long> reserved, int expectedAtLeast)
    {
        var slots = reserved.Order().ToArray();
        Assert.True(slots.Length >= expectedAtLeast, $"only {slots.Length} slots were reserved");
        var closest = slots.Zip(slots.Skip(1), (a, b) => b - a).Min();
        Assert.True(closest >= Interval, $"two slots {closest} µs apart; the pace is one per {Interval} µs");
        var (busiest, first) = (0, 0);
        for (var last = 0; last < slots.Length; last++)
        {
            while (slots[last] - slots[first] >= 1_000_000)
            {
                first++;
            }

            busiest = Math.Max(busiest, last - first + 1);
        }

        Assert.True(busiest <= Limit, $"{busiest} slots in one second");
    }

    // At the gateway: every answer is a success or a throttling refusal (retried by the client), and the pace is not
    // broken. How many were throttled depends on how late a loaded machine lets granted sends leave; it is reported.
    private static string AssertGateway(IReadOnlyList<EmulatorRequestRecord> records, bool steadyDemand = true)
    {
        Assert.All(records, r => Assert.Contains(r.Outcome, new[] { "OK", "Throttling.User" }));
        var ok = records.Where(r => r.Outcome == "OK").ToList();
        Assert.True(EmulatorRates.MaxInAnySecond(ok) <= Limit, $"max {EmulatorRates.MaxInAnySecond(ok)} in one second");
        Assert.True(!steadyDemand || EmulatorRates.PerSecond(ok) >= 0.5 * Limit, $"rate {EmulatorRates.PerSecond(ok):0.0}/s");
        return $"{records.Count - ok.Count} of {records.Count} answers throttled at the gateway";
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
        var (logA, logB) = (new TestLogger<VodRedisRateLimiter>(), new TestLogger<VodRedisRateLimiter>());
        using var limiterA = new VodRedisRateLimiter(redisA, logger: logA);
        using var limiterB = new VodRedisRateLimiter(redisB, logger: logB);
        using var clientA = Client(limiterA);
        using var clientB = Client(limiterB);
        await WarmUpAsync(clientA, video.VideoId);
        await WarmUpAsync(clientB, video.VideoId);
        logA.Slots.Clear();
        logB.Slots.Clear();

        await Task.WhenAll(Demand(clientA, video.VideoId, TimeSpan.FromSeconds(4), 20), Demand(clientB, video.VideoId, TimeSpan.FromSeconds(4), 20));

        // Both clients drew from the one pace, and neither had it to itself.
        AssertPaced(logA.Slots.Concat(logB.Slots), expectedAtLeast: 2 * Limit);
        Assert.True(logA.Slots.Count > Limit / 2 && logB.Slots.Count > Limit / 2, $"slots: {logA.Slots.Count} and {logB.Slots.Count}");
        AssertGateway(_emulator.Log.Records);
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
        // Before the outage the pace was Redis's; during it, the local limiter's (the same pace, in this one process).
        // Stopping Redis takes a while without calls, so the mean rate says nothing here.
        AssertGateway(_emulator.Log.Records, steadyDemand: false);

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

        // Each agent prints the slots its limiter reserved during full demand: together they keep the one pace.
        var slots = outputs.Select(o => System.Text.RegularExpressions.Regex.Match(o.Output, @"slots=([\d,]*)")).ToList();
        Assert.All(slots, m => Assert.True(m.Success && m.Groups[1].Length > 0, "an agent printed no slots"));
        var perAgent = slots.Select(m => m.Groups[1].Value.Split(',').Select(v => long.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToList();
        AssertPaced(perAgent.SelectMany(s => s), expectedAtLeast: 3 * Limit);
        Assert.All(perAgent, s => Assert.True(s.Length > Limit / 3, $"an agent reserved only {s.Length} slots"));
        AssertGateway(_emulator.Log.Records.Where(r => r.Time >= start).ToList());
    }

    private static string RepoOutput(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var repo = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(repo, project, "bin", output.Parent.Name, output.Name);
    }
}
