using VodGen.Vod;

namespace VodGen.Emulator.Tests.Operations;

/// <summary>
/// Every error every shipped operation documents, as the emulator answers it (injected, for the ones that hang
/// on account state the emulator does not model), arrives as a VodServiceException that equals the generated
/// error code and carries its HTTP status.
/// </summary>
public class DocumentedErrorTests : EmulatorTestBase
{
    private static readonly Dictionary<string, (IReadOnlyList<VodErrorCode> Errors, Func<VodClient, Task> Call)> Operations = new()
    {
        ["CreateUploadVideo"] = (CreateUploadVideoErrors.All, c => c.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "a.mp4" })),
        ["RefreshUploadVideo"] = (RefreshUploadVideoErrors.All, c => c.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = "v" })),
        ["GetVideoInfo"] = (GetVideoInfoErrors.All, c => c.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = "v" })),
        ["UpdateVideoInfo"] = (UpdateVideoInfoErrors.All, c => c.UpdateVideoInfoAsync(new UpdateVideoInfoRequest { VideoId = "v" })),
        ["GetMezzanineInfo"] = (GetMezzanineInfoErrors.All, c => c.GetMezzanineInfoAsync(new GetMezzanineInfoRequest { VideoId = "v" })),
        ["GetPlayInfo"] = (GetPlayInfoErrors.All, c => c.GetPlayInfoAsync(new GetPlayInfoRequest { VideoId = "v" })),
        ["GetVideoPlayAuth"] = (GetVideoPlayAuthErrors.All, c => c.GetVideoPlayAuthAsync(new GetVideoPlayAuthRequest { VideoId = "v" })),
        ["SubmitTranscodeJobs"] = (SubmitTranscodeJobsErrors.All, c => c.SubmitTranscodeJobsAsync(new SubmitTranscodeJobsRequest { VideoId = "v", TemplateGroupId = "g" })),
        ["SubmitSnapshotJob"] = (SubmitSnapshotJobErrors.All, c => c.SubmitSnapshotJobAsync(new SubmitSnapshotJobRequest { VideoId = "v" })),
        ["ListSnapshots"] = (ListSnapshotsErrors.All, c => c.ListSnapshotsAsync(new ListSnapshotsRequest { VideoId = "v" })),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (action, entry) in Operations)
        {
            foreach (var error in entry.Errors)
            {
                data.Add(action, error.Code);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Documented_error_reaches_the_caller_typed(string action, string code)
    {
        var (errors, call) = Operations[action];
        var expected = errors.Single(e => e.Code == code);
        using var client = Client(configure: o => o.Retry.MaxRetryAttempts = 0);
        Emulator.InjectError(action, code);

        await MediaSetup.FailsAsync(() => call(client), expected);
    }

    [Fact]
    public void Every_shipped_operation_with_documented_errors_is_covered()
    {
        var documented = Emulator.Specs.Operations.Values.Where(o => o.Errors.Count > 0).Select(o => o.Action).Order();
        Assert.Equal(documented, Operations.Keys.Order());
    }

    [Fact]
    public void Injecting_an_undocumented_error_is_refused()
    {
        var failure = Assert.Throws<ArgumentException>(() => Emulator.InjectError("GetVideoInfo", "Made.Up"));
        Assert.Contains("InvalidVideo.NotFound", failure.Message, StringComparison.Ordinal);
    }
}
