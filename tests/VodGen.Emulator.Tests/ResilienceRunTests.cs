using VodGen.Emulator;
using VodGen.Vod;

namespace VodGen.Emulator.Tests;

/// <summary>
/// 2,000 calls through 503 bursts, throttling storms, dropped connections and gateway pages: every call ends
/// in success or in a final (non-retryable) error, no nonce is used twice, and the account never exceeds its limit.
/// </summary>
public class ResilienceRunTests : EmulatorTestBase
{
    private const int Limit = 250;
    private const int Calls = 2000;

    protected override void Configure(VodEmulatorOptions options)
    {
        options.QpsOverrides["RefreshUploadVideo"] = Limit;
        options.Faults = new EmulatorFaults { ServerErrorRate = 0.06, ThrottlingRate = 0.04, DropConnectionRate = 0.03, GatewayPageRate = 0.02, Seed = 42 };
    }

    [Fact]
    public async Task Every_call_succeeds_or_fails_for_good_without_nonce_reuse_or_excess_rate()
    {
        var video = Emulator.Store.Create("t", "f.mp4", DateTimeOffset.UtcNow);
        using var client = Client(configure: o =>
        {
            o.Throttling.Limits["RefreshUploadVideo"] = Limit;
            o.Retry.MaxRetryAttempts = 10;
            o.Retry.BaseDelay = TimeSpan.FromMilliseconds(5);
            o.Retry.MaxDelay = TimeSpan.FromMilliseconds(250);
        });

        // One call in ten asks for a video that does not exist: a final error that must not be retried.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Calls).Select(async i =>
        {
            var id = i % 10 == 0 ? "missing-" + i : video.VideoId;
            try
            {
                await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = id });
                return "OK";
            }
            catch (VodServiceException e) when (e.Code == "InvalidVideo.NotFound")
            {
                return e.Code;
            }
        }));

        var records = Emulator.Log.Records;
        Assert.Equal(Calls - (Calls / 10), outcomes.Count(o => o == "OK"));
        Assert.Equal(Calls / 10, outcomes.Count(o => o == "InvalidVideo.NotFound"));
        Assert.Equal(Calls / 10, records.Count(r => r.Outcome == "InvalidVideo.NotFound"));
        Assert.Contains(records, r => r.Outcome.StartsWith("Fault.", StringComparison.Ordinal));
        Assert.Equal(records.Count, records.Select(r => r.Nonce).Distinct().Count());
        Assert.DoesNotContain(records, r => r.Outcome == "Throttling.User");
        Assert.True(EmulatorRates.MaxInAnySecond(records.Where(r => !r.Outcome.StartsWith("Fault.", StringComparison.Ordinal))) <= Limit);
    }
}
