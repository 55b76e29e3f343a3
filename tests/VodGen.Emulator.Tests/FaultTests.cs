using VodGen.Emulator;
using VodGen.Vod;
using VodGen.Throttling;

namespace VodGen.Emulator.Tests;

public class FaultTests : EmulatorTestBase
{
    private Task<RefreshUploadVideoResponse> Call(VodClient client) => client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = "v" });

    [Fact]
    public async Task Server_errors_are_500_or_503_service_exceptions()
    {
        Emulator.Faults = new EmulatorFaults { ServerErrorRate = 1 };
        using var client = UnprotectedClient();

        var codes = new HashSet<string>();
        for (var i = 0; i < 20; i++)
        {
            codes.Add((await Assert.ThrowsAsync<VodServiceException>(() => Call(client))).Code);
        }

        Assert.Equal(new HashSet<string> { "InternalError", "ServiceUnavailable" }, codes);
    }

    [Fact]
    public async Task Throttling_storm_answers_Throttling()
    {
        Emulator.Faults = new EmulatorFaults { ThrottlingRate = 1 };
        using var client = UnprotectedClient();

        var error = await Assert.ThrowsAsync<VodServiceException>(() => Call(client));

        Assert.Equal("Throttling", error.Code);
    }

    [Fact]
    public async Task Gateway_page_is_a_protocol_exception()
    {
        Emulator.Faults = new EmulatorFaults { GatewayPageRate = 1 };
        using var client = UnprotectedClient();

        var error = await Assert.ThrowsAsync<VodProtocolException>(() => Call(client));

        Assert.Contains("502", error.Message);
        Assert.Contains("Bad Gateway", error.Message);
    }

    [Fact]
    public async Task Dropped_connection_is_a_transport_failure()
    {
        Emulator.Faults = new EmulatorFaults { DropConnectionRate = 1 };
        using var client = UnprotectedClient();

        var error = await Assert.ThrowsAsync<VodUnreachableException>(() => Call(client));
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Theory]
    [InlineData(VodSignatureVersion.V1)]
    [InlineData(VodSignatureVersion.V3)]
    public async Task A_created_video_whose_answer_is_dropped_is_created_once_and_reported_as_may_have_run(VodSignatureVersion version)
    {
        using var client = Client(version, configure: o => o.Throttling.Mode = VodThrottlingMode.Off);

        // A first call leaves a pooled connection behind: the case where an HTTP stack may re-send on its own.
        await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "warm", FileName = "w.mp4" });
        Emulator.Faults = new EmulatorFaults { DropConnectionRate = 1 };

        var error = await Assert.ThrowsAsync<VodOutcomeUnknownException>(() => client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "f.mp4" }));

        Assert.Equal("CreateUploadVideo", error.Action);
        var dropped = Emulator.Log.Records.Where(r => r.Outcome == "Fault.DropConnection").ToList();
        Assert.Single(dropped);
        Assert.Single(Emulator.Log.Records, r => r.Nonce == dropped[0].Nonce);
    }

    [Fact]
    public async Task Latency_beyond_the_client_timeout_is_a_timeout()
    {
        Emulator.Faults = new EmulatorFaults { Latency = TimeSpan.FromSeconds(2) };
        using var client = Client(timeout: TimeSpan.FromMilliseconds(200), configure: o => o.Retry.MaxRetryAttempts = 0);

        var error = await Assert.ThrowsAsync<VodUnreachableException>(() => Call(client));
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Contains("no answer came in time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shares_mix_as_configured_and_repeat_with_the_seed()
    {
        Emulator.Faults = new EmulatorFaults { ServerErrorRate = 0.3, GatewayPageRate = 0.2, Seed = 7 };
        using var client = UnprotectedClient();

        async Task<string[]> Run()
        {
            var outcomes = new List<string>();
            for (var i = 0; i < 40; i++)
            {
                try
                {
                    await Call(client);
                    outcomes.Add("OK");
                }
                catch (VodServiceException e)
                {
                    outcomes.Add(e.Code);
                }
                catch (VodProtocolException)
                {
                    outcomes.Add("page");
                }
            }

            return outcomes.ToArray();
        }

        var first = await Run();
        Emulator.Faults = Emulator.Faults with { };
        var second = await Run();

        Assert.Equal(first, second);
        Assert.Contains("page", first);
        Assert.Contains("InvalidVideo.NotFound", first);
    }

    [Fact]
    public void Invalid_fault_settings_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Emulator.Faults = new EmulatorFaults { ServerErrorRate = 1.5 });
        Assert.Throws<ArgumentException>(() => Emulator.Faults = new EmulatorFaults { ServerErrorRate = 0.6, GatewayPageRate = 0.6 });
    }
}
