using VodGen.Emulator;
using VodGen.Vod;

namespace VodGen.Emulator.Tests;

public class ThrottlingTests : EmulatorTestBase
{
    private const int Limit = 5;

    protected override void Configure(VodEmulatorOptions options) => options.QpsOverrides["RefreshUploadVideo"] = Limit;

    [Fact]
    public async Task Calls_beyond_the_limit_get_Throttling_User_with_a_retry_hint()
    {
        var video = Emulator.Store.Create("t", "f.mp4", DateTimeOffset.UtcNow);
        using var client = UnprotectedClient();

        // Without the client's limiter and retries, a burst goes straight to the emulator's flow control.
        var calls = Enumerable.Range(0, 4 * Limit).Select(async _ =>
        {
            try
            {
                await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = video.VideoId });
                return "OK";
            }
            catch (VodServiceException e)
            {
                return e.Code;
            }
        });
        var outcomes = await Task.WhenAll(calls);

        Assert.Contains("Throttling.User", outcomes);
        Assert.True(outcomes.Count(o => o == "OK") <= Limit + 1, string.Join(",", outcomes));
        Assert.Equal(outcomes.Length, outcomes.Count(o => o is "OK" or "Throttling.User"));
    }

    [Fact]
    public async Task Throttled_answer_carries_x_acs_retry_after_in_milliseconds()
    {
        var video = Emulator.Store.Create("t", "f.mp4", DateTimeOffset.UtcNow);
        HttpResponseMessage? throttled = null;
        for (var i = 0; i < 3 * Limit && throttled is null; i++)
        {
            var parameters = RawCall.Common("RefreshUploadVideo");
            parameters["VideoId"] = video.VideoId;
            var (status, _, response) = await Raw().GetAsync(parameters);
            throttled = status == 400 ? response : null;
        }

        Assert.NotNull(throttled);
        var wait = int.Parse(throttled.Headers.GetValues("x-acs-retry-after").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(wait, 1, 1000);
    }

    [Fact]
    public async Task Limits_are_per_access_key()
    {
        var video = Emulator.Store.Create("t", "f.mp4", DateTimeOffset.UtcNow);
        using var first = Client(credential: EmulatorCredential.Default);
        using var second = Client(credential: EmulatorCredential.DefaultSts);

        for (var i = 0; i < Limit; i++)
        {
            await first.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = video.VideoId });
        }

        await second.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = video.VideoId });
    }
}

public class SpecLimitTests : EmulatorTestBase
{
    protected override void Configure(VodEmulatorOptions options) => options.RegionId = "eu-central-1";

    [Fact]
    public void Regional_limit_comes_from_the_spec()
    {
        var operation = Emulator.Specs.Operations["RefreshUploadVideo"];

        Assert.Equal(40, operation.QpsFor(Emulator.RegionId));
        Assert.Equal(120, operation.QpsFor("cn-qingdao"));
        Assert.Equal(80, operation.QpsFor("cn-shanghai"));
    }
}
