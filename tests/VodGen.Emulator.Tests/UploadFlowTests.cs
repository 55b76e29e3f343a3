using System.Net;
using VodGen.Emulator;
using VodGen.Vod;

namespace VodGen.Emulator.Tests;

public class UploadFlowTests : EmulatorTestBase
{
    [Theory]
    [InlineData(VodSignatureVersion.V1, false)]
    [InlineData(VodSignatureVersion.V3, false)]
    [InlineData(VodSignatureVersion.V1, true)]
    [InlineData(VodSignatureVersion.V3, true)]
    public async Task Create_then_refresh_keeps_the_address_and_renews_the_credential(VodSignatureVersion version, bool sts)
    {
        using var client = Client(version, sts ? EmulatorCredential.DefaultSts : EmulatorCredential.Default);

        var created = await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "Launch <1> & more", FileName = "launch.mp4", Description = "a*b c~d" });
        var refreshed = await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = created.VideoId! });

        var video = Emulator.Store.Find(created.VideoId!);
        Assert.NotNull(video);
        Assert.Equal("Launch <1> & more", video.Title);
        Assert.Equal("a*b c~d", video.Description);
        Assert.Equal(created.DecodeUploadAddress().FileName, refreshed.DecodeUploadAddress().FileName);
        Assert.Equal(video.Bucket, refreshed.DecodeUploadAddress().Bucket);
        Assert.NotEqual(created.DecodeUploadAuth().AccessKeySecret, refreshed.DecodeUploadAuth().AccessKeySecret);
        Assert.Equal(TimeSpan.FromSeconds(3000), refreshed.DecodeUploadAuth().Expiration);
        Assert.All(Emulator.Log.Records, r => Assert.Equal((version.ToString(), "OK"), (r.SignatureVersion, r.Outcome)));
    }

    [Theory]
    [InlineData(VodSignatureVersion.V1)]
    [InlineData(VodSignatureVersion.V3)]
    public async Task Unknown_and_damaged_videos_get_their_documented_errors(VodSignatureVersion version)
    {
        using var client = Client(version);
        var created = await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "f.mp4" });
        Emulator.Store.MarkDamaged(created.VideoId!);

        var damaged = await Assert.ThrowsAsync<VodServiceException>(() => client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = created.VideoId! }));
        var missing = await Assert.ThrowsAsync<VodServiceException>(() => client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = "nope" }));

        Assert.True(damaged.Code == RefreshUploadVideoErrors.InvalidVideoDamaged);
        Assert.Equal(HttpStatusCode.BadRequest, damaged.StatusCode);
        Assert.True(missing.Code == RefreshUploadVideoErrors.InvalidVideoNotFound);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Every_answer_has_its_own_request_id()
    {
        using var client = Client();
        for (var i = 0; i < 5; i++)
        {
            await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "f.mp4" });
        }

        await Assert.ThrowsAsync<VodServiceException>(() => client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = "nope" }));

        var ids = Emulator.Log.Records.Select(r => r.RequestId).ToList();
        Assert.Equal(6, ids.Distinct().Count());
    }
}
