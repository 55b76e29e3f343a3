using VodGen.Vod;

namespace VodGen.Emulator.Tests.Operations;

/// <summary>Playback, transcoding and snapshots end to end.</summary>
public class PlaybackAndProcessingTests : EmulatorTestBase
{
    [Fact]
    public async Task GetPlayInfo_on_a_video_without_streams_is_the_documented_error_until_it_is_transcoded()
    {
        using var client = Client();
        var id = await MediaSetup.UploadedAsync(client, Emulator);
        await MediaSetup.FailsAsync(() => client.GetPlayInfoAsync(new GetPlayInfoRequest { VideoId = id }), GetPlayInfoErrors.InvalidVideoNoneStream);

        var transcoding = await client.SubmitTranscodeJobsAsync(new SubmitTranscodeJobsRequest { VideoId = id, TemplateGroupId = Emulator.Store.DefaultTemplateGroupId });
        Assert.NotEmpty(transcoding.TranscodeJobs!.TranscodeJob!);

        var play = await client.GetPlayInfoAsync(new GetPlayInfoRequest { VideoId = id, Formats = "m3u8", ResultType = GetPlayInfoRequest.ResultTypeOption.Single });
        Assert.Equal("Normal", play.VideoBase!.Status);
        Assert.All(play.PlayInfoList!.PlayInfo!, p => Assert.Equal("m3u8", p.Format));
        Assert.Equal(new[] { "HD", "LD", "SD" }, play.PlayInfoList.PlayInfo!.Select(p => p.Definition).Order());
        await MediaSetup.FailsAsync(() => client.GetPlayInfoAsync(new GetPlayInfoRequest { VideoId = id, Definition = "4K" }), GetPlayInfoErrors.InvalidVideoNoneStream);
    }

    [Fact]
    public async Task GetPlayInfo_refuses_unknown_and_blocked_videos()
    {
        using var client = Client();
        var id = await MediaSetup.PlayableAsync(client, Emulator);
        Emulator.Store.SetStatus(id, "Blocked");

        await MediaSetup.FailsAsync(() => client.GetPlayInfoAsync(new GetPlayInfoRequest { VideoId = id }), GetPlayInfoErrors.ForbiddenIllegalStatus);
        await MediaSetup.FailsAsync(() => client.GetPlayInfoAsync(new GetPlayInfoRequest { VideoId = "nope" }), GetPlayInfoErrors.InvalidVideoNotFound);
    }

    [Fact]
    public async Task GetVideoPlayAuth_issues_a_masked_credential_for_playable_videos_only()
    {
        using var client = Client();
        var id = await MediaSetup.PlayableAsync(client, Emulator);
        var auth = await client.GetVideoPlayAuthAsync(new GetVideoPlayAuthRequest { VideoId = id, AuthInfoTimeout = 3000 });

        Assert.False(string.IsNullOrEmpty(auth.PlayAuth));
        Assert.DoesNotContain(auth.PlayAuth!, auth.ToString(), StringComparison.Ordinal);
        Assert.Equal(id, auth.VideoMeta!.VideoId);

        var uploading = await MediaSetup.CreateAsync(client);
        await MediaSetup.FailsAsync(() => client.GetVideoPlayAuthAsync(new GetVideoPlayAuthRequest { VideoId = uploading }), GetVideoPlayAuthErrors.ForbiddenIllegalStatus);
        await MediaSetup.FailsAsync(() => client.GetVideoPlayAuthAsync(new GetVideoPlayAuthRequest { VideoId = "nope" }), GetVideoPlayAuthErrors.InvalidVideoNotFound);
        var tooShort = 99L; // Not a constant: the analyzer would stop the build; the run-time check refuses it instead.
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => client.GetVideoPlayAuthAsync(new GetVideoPlayAuthRequest { VideoId = id, AuthInfoTimeout = tooShort }));
        Assert.Equal("AuthInfoTimeout", refused.ParamName);
    }

    [Fact]
    public async Task SubmitTranscodeJobs_needs_a_known_template_group_and_a_known_video()
    {
        using var client = Client();
        var id = await MediaSetup.UploadedAsync(client, Emulator);
        await MediaSetup.FailsAsync(() => client.SubmitTranscodeJobsAsync(new SubmitTranscodeJobsRequest { VideoId = id, TemplateGroupId = "nope" }), SubmitTranscodeJobsErrors.InvalidTemplateGroupIdNotFound);
        await MediaSetup.FailsAsync(() => client.SubmitTranscodeJobsAsync(new SubmitTranscodeJobsRequest { VideoId = "nope", TemplateGroupId = Emulator.Store.DefaultTemplateGroupId }), SubmitTranscodeJobsErrors.InvalidVideoNotFound);

        await client.SubmitTranscodeJobsAsync(new SubmitTranscodeJobsRequest { VideoId = id, TemplateGroupId = "VOD_NO_TRANSCODE" });
        var play = await client.GetPlayInfoAsync(new GetPlayInfoRequest { VideoId = id });
        Assert.Equal(("OD", "mp4"), (Assert.Single(play.PlayInfoList!.PlayInfo!).Definition, play.PlayInfoList.PlayInfo![0].Format));
    }

    [Fact]
    public async Task SubmitSnapshotJob_then_ListSnapshots_pages_through_the_images()
    {
        using var client = Client();
        var id = await MediaSetup.UploadedAsync(client, Emulator);
        var job = await client.SubmitSnapshotJobAsync(new SubmitSnapshotJobRequest { VideoId = id, Count = 5, SpecifiedOffsetTimes = [0, 1000] });
        Assert.False(string.IsNullOrEmpty(job.SnapshotJob!.JobId));

        var page = await client.ListSnapshotsAsync(new ListSnapshotsRequest { VideoId = id, SnapshotType = ListSnapshotsRequest.SnapshotTypeOption.NormalSnapshot, PageSize = 2, PageNo = 3 });
        Assert.Equal(5, page.MediaSnapshot!.Total);
        Assert.Equal(5, Assert.Single(page.MediaSnapshot.Snapshots!.Snapshot!).Index);
        var all = await client.ListSnapshotsItemsAsync(new ListSnapshotsRequest { VideoId = id, PageSize = 2 }).Select(s => s.Index!.Value).ToListAsync();
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, all);
        var cover = await client.ListSnapshotsAsync(new ListSnapshotsRequest { VideoId = id, SnapshotType = ListSnapshotsRequest.SnapshotTypeOption.CoverSnapshot });
        Assert.Equal(1, cover.MediaSnapshot!.Total);
        Assert.Equal(5, (await client.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = id })).Video!.Snapshots!.Snapshot!.Count);
    }

    [Fact]
    public async Task SubmitSnapshotJob_and_ListSnapshots_give_their_documented_errors()
    {
        using var client = Client();
        var uploading = await MediaSetup.CreateAsync(client);
        await MediaSetup.FailsAsync(() => client.SubmitSnapshotJobAsync(new SubmitSnapshotJobRequest { VideoId = uploading }), SubmitSnapshotJobErrors.ForbiddenIllegalStatus);
        await MediaSetup.FailsAsync(() => client.SubmitSnapshotJobAsync(new SubmitSnapshotJobRequest { VideoId = "nope" }), SubmitSnapshotJobErrors.InvalidVideoNotFound);
        await MediaSetup.FailsAsync(() => client.SubmitSnapshotJobAsync(new SubmitSnapshotJobRequest { VideoId = uploading, SnapshotTemplateId = "nope" }), SubmitSnapshotJobErrors.NoSuchResource);
        await MediaSetup.FailsAsync(() => client.ListSnapshotsAsync(new ListSnapshotsRequest { VideoId = "nope" }), ListSnapshotsErrors.InvalidVideoNotFound);
    }
}
