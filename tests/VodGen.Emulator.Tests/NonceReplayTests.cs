using System.Net;
using Microsoft.Extensions.Time.Testing;
using VodGen.Emulator;
using VodGen.Signing;
using VodGen.Transport;
using VodGen.Vod;

namespace VodGen.Emulator.Tests;

/// <summary>Replays on the emulator's own clock: at the same instant, and as long as the request's timestamp is accepted.</summary>
public sealed class NonceReplayTests : EmulatorTestBase
{
    private static readonly HttpClient Http = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    protected override void Configure(VodEmulatorOptions options) => options.TimeProvider = _clock;

    private HttpRequestMessage Create(VodRequestStamp stamp, VodSignatureVersion version)
        => VodRequestFactory.Create(CreateUploadVideoOperation.Instance, new CreateUploadVideoRequest { Title = "t", FileName = "f.mp4" }, stamp, version, Emulator.Endpoint.ToString());

    private static VodRequestStamp Stamp(DateTimeOffset time) => new(
        new VodCredentials(EmulatorCredential.Default.AccessKeyId, EmulatorCredential.Default.AccessKeySecret),
        "CreateUploadVideo",
        "2017-03-21",
        Guid.NewGuid().ToString(),
        VodRequestStamp.FormatTimestamp(time));

    [Theory]
    [InlineData(VodSignatureVersion.V1)]
    [InlineData(VodSignatureVersion.V3)]
    public async Task A_replay_at_the_same_instant_is_refused(VodSignatureVersion version)
    {
        var stamp = Stamp(_clock.GetUtcNow());
        using var first = Create(stamp, version);
        using var replay = Create(stamp, version);

        Assert.Equal(HttpStatusCode.OK, (await Http.SendAsync(first)).StatusCode);
        var response = await Http.SendAsync(replay);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("SignatureNonceUsed", await response.Content.ReadAsStringAsync());
        Assert.Single(Emulator.Store.Videos);
    }

    [Fact]
    public async Task A_replay_is_refused_for_as_long_as_its_timestamp_is_accepted()
    {
        // Stamped 14 minutes ahead of the emulator's clock (within the 15 allowed), replayed 15.5 minutes later,
        // when the timestamp is 1.5 minutes old and still accepted.
        var stamp = Stamp(_clock.GetUtcNow().AddMinutes(14));
        using var first = Create(stamp, VodSignatureVersion.V1);
        using var replay = Create(stamp, VodSignatureVersion.V1);
        Assert.Equal(HttpStatusCode.OK, (await Http.SendAsync(first)).StatusCode);
        _clock.Advance(TimeSpan.FromMinutes(15.5));

        var response = await Http.SendAsync(replay);

        Assert.Contains("SignatureNonceUsed", await response.Content.ReadAsStringAsync());
        Assert.Single(Emulator.Store.Videos);
    }
}
