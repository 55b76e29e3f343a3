using VodGen.Vod;

namespace VodGen.Emulator.Tests.Operations;

/// <summary>The upload operations end to end: generated client, runtime, emulator.</summary>
public class UploadOperationTests : EmulatorTestBase
{
    [Fact]
    public async Task CreateUploadVideo_registers_the_video_with_its_details()
    {
        using var client = Client();
        var created = await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "Launch", FileName = "launch.mov", Tags = "a,b", CateId = 7 });

        var video = (await client.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = created.VideoId! })).Video!;
        Assert.Equal(("Launch", "Uploading", "a,b", 7L), (video.Title, video.Status, video.Tags, video.CateId!.Value));
        Assert.EndsWith(".mov", created.DecodeUploadAddress().FileName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateUploadVideo_refuses_what_the_service_refuses()
    {
        using var client = Client();
        await MediaSetup.FailsAsync(() => client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "notes.txt" }), CreateUploadVideoErrors.InvalidFileNameExtension);
        await MediaSetup.FailsAsync(() => client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "Launch \U0001F680", FileName = "a.mp4" }), CreateUploadVideoErrors.IllegalCharacters);
        // 60 characters fit the spec's 128-character limit, but as UTF-8 they take 180 bytes, over the service's 128.
        await MediaSetup.FailsAsync(() => client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = new string('\u89c6', 60), FileName = "a.mp4" }), CreateUploadVideoErrors.LengthExceededMax);
        await MediaSetup.FailsAsync(() => client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "a.mp4", Tags = string.Join(",", Enumerable.Range(0, 17)) }), CreateUploadVideoErrors.TagsExceededMax);
        await MediaSetup.FailsAsync(() => client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "a.mp4", TemplateGroupId = "nope" }), CreateUploadVideoErrors.InvalidTemplateGroupIdNotFound);
        await MediaSetup.FailsAsync(() => client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "a.mp4", StorageLocation = "other.oss-cn-shanghai.aliyuncs.com" }), CreateUploadVideoErrors.InvalidStorageNotFound);
        Assert.Empty(Emulator.Store.Videos);
    }

    [Fact]
    public async Task A_create_call_that_may_have_run_is_reported_not_repeated()
    {
        using var client = Client(); // Default retries: three more attempts for idempotent calls.
        Emulator.InjectError("CreateUploadVideo", "AddVideoFailed");

        await MediaSetup.FailsAsync(() => client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "a.mp4" }), CreateUploadVideoErrors.AddVideoFailed);

        Assert.False(CreateUploadVideoOperation.Instance.Info.IsIdempotent);
        Assert.True(GetVideoInfoOperation.Instance.Info.IsIdempotent);
        Assert.Single(Emulator.Log.Records, r => r.Action == "CreateUploadVideo");
    }

    [Fact]
    public async Task CreateUploadImage_reserves_an_address_and_the_image_is_searchable()
    {
        using var client = Client();
        var image = await client.CreateUploadImageAsync(new CreateUploadImageRequest
        {
            ImageType = CreateUploadImageRequest.ImageTypeOption.Cover,
            ImageExt = CreateUploadImageRequest.ImageExtOption.Jpg,
            Title = "Poster",
        });

        Assert.EndsWith(".jpg", image.DecodeUploadAddress().FileName, StringComparison.Ordinal);
        Assert.Equal(image.ImageURL, image.FileURL);
        Assert.NotEmpty(image.DecodeUploadAuth().SecurityToken!);
        var found = await client.SearchMediaAsync(new SearchMediaRequest { SearchType = SearchMediaRequest.SearchTypeOption.Image, Match = "Title = 'Post'" });
        var item = Assert.Single(found.MediaList!);
        Assert.Equal((image.ImageId, "cover"), (item.Image!.ImageId, item.Image.Type));
    }

    [Fact]
    public async Task CreateUploadAttachedMedia_checks_the_extension_against_the_business_type()
    {
        using var client = Client();
        var subtitle = await client.CreateUploadAttachedMediaAsync(new CreateUploadAttachedMediaRequest { BusinessType = CreateUploadAttachedMediaRequest.BusinessTypeOption.Subtitle, MediaExt = "vtt", Title = "English" });
        Assert.EndsWith(".vtt", subtitle.MediaURL, StringComparison.Ordinal);

        var wrong = await Assert.ThrowsAsync<VodServiceException>(() => client.CreateUploadAttachedMediaAsync(new CreateUploadAttachedMediaRequest { BusinessType = CreateUploadAttachedMediaRequest.BusinessTypeOption.Watermark, MediaExt = "srt" }));
        Assert.Equal("InvalidParameter", wrong.Code);
        Assert.Single(Emulator.Store.Assets);
    }

    [Fact]
    public async Task UploadMediaByURL_jobs_are_reported_by_GetURLUploadInfos_and_produce_videos()
    {
        using var client = Client();
        var started = await client.UploadMediaByURLAsync(new UploadMediaByURLRequest { UploadURLs = "https://example.aliyundoc.com/a.mp4,https://example.aliyundoc.com/b.mp4" });
        Assert.Equal(2, started.UploadJobs!.Count);

        var byJob = await client.GetURLUploadInfosAsync(new GetURLUploadInfosRequest { JobIds = started.UploadJobs[0].JobId + ",unknown-job" });
        var info = Assert.Single(byJob.URLUploadInfoList!);
        Assert.Equal(("SUCCESS", "https://example.aliyundoc.com/a.mp4"), (info.Status, info.UploadURL));
        Assert.Equal(new[] { "unknown-job" }, byJob.NonExists);
        var video = (await client.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = info.MediaId! })).Video!;
        Assert.Equal(("a", "UploadSucc"), (video.Title, video.Status));

        var byUrl = await client.GetURLUploadInfosAsync(new GetURLUploadInfosRequest { UploadURLs = "https://example.aliyundoc.com/b.mp4" });
        Assert.Equal(started.UploadJobs[1].JobId, Assert.Single(byUrl.URLUploadInfoList!).JobId);
    }

    [Fact]
    public async Task UploadMediaByURL_refuses_more_than_twenty_addresses_and_non_http_ones()
    {
        using var client = Client();
        var many = string.Join(",", Enumerable.Range(0, 21).Select(i => $"https://example.aliyundoc.com/{i}.mp4"));
        Assert.Equal("InvalidParameter", (await Assert.ThrowsAsync<VodServiceException>(() => client.UploadMediaByURLAsync(new UploadMediaByURLRequest { UploadURLs = many }))).Code);
        Assert.Equal("InvalidParameter", (await Assert.ThrowsAsync<VodServiceException>(() => client.UploadMediaByURLAsync(new UploadMediaByURLRequest { UploadURLs = "ftp://host/a.mp4" }))).Code);
        Assert.Empty(Emulator.Store.Videos);
    }
}
