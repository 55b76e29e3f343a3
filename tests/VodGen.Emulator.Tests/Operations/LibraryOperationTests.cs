using VodGen.Vod;

namespace VodGen.Emulator.Tests.Operations;

/// <summary>Reading, listing, changing and deleting media end to end.</summary>
public class LibraryOperationTests : EmulatorTestBase
{
    [Fact]
    public async Task GetVideoInfo_follows_the_video_from_upload_to_deletion()
    {
        using var client = Client();
        var id = await MediaSetup.CreateAsync(client);
        Assert.Equal("Uploading", (await client.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = id })).Video!.Status);

        Emulator.Store.CompleteUpload(id, durationSeconds: 12.5);
        var uploaded = (await client.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = id })).Video!;
        Assert.Equal(("UploadSucc", 12.5), (uploaded.Status, uploaded.Duration!.Value));

        var deleted = await client.DeleteVideoAsync(new DeleteVideoRequest { VideoIds = id });
        Assert.Empty(deleted.NonExistVideoIds!);
        await MediaSetup.FailsAsync(() => client.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = id }), GetVideoInfoErrors.InvalidVideoNotFound);
    }

    [Fact]
    public async Task GetVideoInfos_lists_found_and_unknown_ids()
    {
        using var client = Client();
        var first = await MediaSetup.CreateAsync(client, "one");
        var second = await MediaSetup.CreateAsync(client, "two");

        var answer = await client.GetVideoInfosAsync(new GetVideoInfosRequest { VideoIds = $"{first},nope,{second}" });
        Assert.Equal(new[] { "one", "two" }, answer.VideoList!.Select(v => v.Title).Order());
        Assert.Equal(new[] { "nope" }, answer.NonExistVideoIds);
    }

    [Fact]
    public async Task GetVideoList_filters_sorts_and_pages()
    {
        using var client = Client();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await MediaSetup.CreateAsync(client, "v" + i));
            await Task.Delay(1100); // Creation times are kept to the second, as the service reports them.
        }

        Emulator.Store.CompleteUpload(ids[1]);
        var uploading = await client.GetVideoListAsync(new GetVideoListRequest { Status = "Uploading", SortBy = GetVideoListRequest.SortByOption.CreationTimeAsc, PageSize = 2, PageNo = 2 });
        Assert.Equal(4, uploading.Total);
        Assert.Equal(new[] { "v3", "v4" }, uploading.VideoList!.Video!.Select(v => v.Title));

        var newestFirst = await client.GetVideoListAsync(new GetVideoListRequest());
        Assert.Equal("v4", newestFirst.VideoList!.Video![0].Title);
    }

    [Fact]
    public async Task GetVideoListItemsAsync_walks_every_page_and_stops()
    {
        using var client = Client();
        for (var i = 0; i < 7; i++)
        {
            await MediaSetup.CreateAsync(client, "v" + i);
        }

        var before = Emulator.Log.Records.Count;
        var titles = new List<string>();
        await foreach (var video in client.GetVideoListItemsAsync(new GetVideoListRequest { PageSize = 3 }))
        {
            titles.Add(video.Title!);
        }

        Assert.Equal(Enumerable.Range(0, 7).Select(i => "v" + i).Order(), titles.Order());
        Assert.Equal(3, Emulator.Log.Records.Count - before); // 3 + 3 + 1: the short page ends it.
    }

    [Fact]
    public async Task Paging_helper_validates_before_any_call_and_stops_calling_when_the_caller_stops()
    {
        using var client = Client();
        for (var i = 0; i < 6; i++)
        {
            await MediaSetup.CreateAsync(client, "v" + i);
        }

        var empty = 0; // Not a constant, so it reaches the run-time check (a constant 0 is a build error, VODGEN022).
        Assert.Equal("PageSize", Assert.Throws<ArgumentException>(() => client.GetVideoListItemsAsync(new GetVideoListRequest { PageSize = empty })).ParamName);
        var before = Emulator.Log.Records.Count;
        var first = await client.GetVideoListItemsAsync(new GetVideoListRequest { PageSize = 2 }).Take(3).ToListAsync();
        Assert.Equal(3, first.Count);
        Assert.Equal(2, Emulator.Log.Records.Count - before);
    }

    [Fact]
    public async Task UpdateVideoInfo_changes_only_what_is_given()
    {
        using var client = Client();
        var id = await MediaSetup.CreateAsync(client, "Old");
        await client.UpdateVideoInfoAsync(new UpdateVideoInfoRequest { VideoId = id, Title = "New", Tags = "x" });

        var video = (await client.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = id })).Video!;
        Assert.Equal(("New", "x"), (video.Title, video.Tags));
        await MediaSetup.FailsAsync(() => client.UpdateVideoInfoAsync(new UpdateVideoInfoRequest { VideoId = "nope", Title = "x" }), UpdateVideoInfoErrors.InvalidVideoNotFound);
    }

    [Fact]
    public async Task DeleteVideo_reports_unknown_ids_and_removes_the_rest()
    {
        using var client = Client();
        var id = await MediaSetup.CreateAsync(client);
        var answer = await client.DeleteVideoAsync(new DeleteVideoRequest { VideoIds = id + ",nope" });

        Assert.Equal(new[] { "nope" }, answer.NonExistVideoIds);
        Assert.Empty(answer.ForbiddenVideoIds!);
        Assert.Empty(Emulator.Store.Videos);
        Assert.Equal("InvalidParameter", (await Assert.ThrowsAsync<VodServiceException>(() => client.DeleteVideoAsync(new DeleteVideoRequest { VideoIds = string.Join(",", Enumerable.Range(0, 21)) }))).Code);
    }

    [Fact]
    public async Task SearchMedia_finds_by_title_and_status_and_forgets_deleted_videos()
    {
        using var client = Client();
        var launch = await MediaSetup.UploadedAsync(client, Emulator, "Product launch");
        await MediaSetup.CreateAsync(client, "Product recap");
        await MediaSetup.CreateAsync(client, "Team offsite");

        var products = await client.SearchMediaAsync(new SearchMediaRequest { Match = "Title = 'product'" });
        Assert.Equal(2, products.Total);
        var uploaded = await client.SearchMediaAsync(new SearchMediaRequest { Match = "Title = 'product' and Status in ('UploadSucc','Normal')" });
        Assert.Equal(launch, Assert.Single(uploaded.MediaList!).MediaId);
        Assert.False(string.IsNullOrEmpty(uploaded.ScrollToken));

        await client.DeleteVideoAsync(new DeleteVideoRequest { VideoIds = launch });
        Assert.Equal(1, (await client.SearchMediaAsync(new SearchMediaRequest { Match = "Title = 'product'" })).Total);
        var bad = await Assert.ThrowsAsync<VodServiceException>(() => client.SearchMediaAsync(new SearchMediaRequest { Match = "Colour = 'red'" }));
        Assert.Equal("InvalidParameter", bad.Code);
    }

    [Fact]
    public async Task SearchMediaItemsAsync_sends_back_the_scroll_token()
    {
        using var client = Client();
        for (var i = 0; i < 5; i++)
        {
            await MediaSetup.CreateAsync(client, "clip " + i);
        }

        var ids = await client.SearchMediaItemsAsync(new SearchMediaRequest { Match = "Title = 'clip'", PageSize = 2 }).Select(m => m.MediaId!).ToListAsync();
        Assert.Equal(5, ids.Distinct().Count());
    }

    [Fact]
    public async Task GetMezzanineInfo_describes_the_source_once_uploaded()
    {
        using var client = Client();
        var id = await MediaSetup.CreateAsync(client);
        Assert.Equal("Uploading", (await client.GetMezzanineInfoAsync(new GetMezzanineInfoRequest { VideoId = id })).Mezzanine!.Status);

        Emulator.Store.CompleteUpload(id, size: 2_000_000, width: 1920, height: 1080);
        var source = (await client.GetMezzanineInfoAsync(new GetMezzanineInfoRequest { VideoId = id, OutputType = GetMezzanineInfoRequest.OutputTypeOption.Oss })).Mezzanine!;
        Assert.Equal(("Normal", 2_000_000L, 1920L, "launch.mp4"), (source.Status, source.Size!.Value, source.Width!.Value, source.FileName));
        await MediaSetup.FailsAsync(() => client.GetMezzanineInfoAsync(new GetMezzanineInfoRequest { VideoId = "nope" }), GetMezzanineInfoErrors.InvalidVideoNotFound);
    }
}
