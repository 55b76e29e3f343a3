using Microsoft.Extensions.Time.Testing;
using VodGen.Emulator;
using VodGen.Vod;
using VodGen.Throttling;

namespace VodGen.Emulator.Tests;

/// <summary>
/// The client's throttling measured where it matters, at the gateway: the emulator counts arrivals in every 1-second
/// window (wherever it starts), as the service does. Client and emulator share a fake clock that moves only when every
/// permit granted so far has arrived, so the machine's load cannot bunch arrivals and the count is exact.
/// </summary>
public class GatewayWindowTests : EmulatorTestBase
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.Parse("2026-12-06T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    protected override void Configure(VodEmulatorOptions options) => options.TimeProvider = _clock;

    [Fact]
    public async Task Seven_hundred_twenty_concurrent_calls_keep_every_second_at_the_gateway_within_the_limit()
    {
        var video = Emulator.Store.Create("t", "f.mp4", _clock.GetUtcNow());

        // The limiter the default client would make for itself (wait mode, default headroom), given so that the test
        // can see how many permits it granted.
        using var limiter = new VodLocalRateLimiter(queueLimit: 10_000, clock: _clock);
        using var client = Client(clock: _clock, configure: o => o.Throttling.Limiter = limiter);
        var key = new VodRateLimitKey(EmulatorCredential.Default.AccessKeyId, "RefreshUploadVideo", 80); // cn-shanghai's limit

        var calls = Task.WhenAll(Enumerable.Range(0, 720).Select(_ => client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = video.VideoId })));
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        while (!calls.IsCompleted)
        {
            // Every granted permit must have reached the gateway before time moves on.
            while (Emulator.Log.Records.Count < (limiter.GetStatistics(key)?.TotalSuccessfulLeases ?? 0) && !calls.IsCompleted)
            {
                await Task.Delay(1, deadline.Token);
            }

            _clock.Advance(TimeSpan.FromMilliseconds(2));
            await Task.Yield();
        }

        await calls;
        var records = Emulator.Log.Records.Where(r => r.Action == "RefreshUploadVideo").ToList();
        Assert.Equal(720, records.Count);
        Assert.All(records, r => Assert.Equal("OK", r.Outcome));
        var busiest = EmulatorRates.MaxInAnySecond(records);
        Assert.True(busiest <= 80, $"{busiest} calls reached the gateway in one second; the limit is 80");

        // 720 calls at the pace of 78 a second (80 less the headroom) take 9.2 s of the shared clock.
        var span = records.Max(r => r.Time) - records.Min(r => r.Time);
        Assert.InRange(span.TotalSeconds, 9.0, 9.4);
    }
}
