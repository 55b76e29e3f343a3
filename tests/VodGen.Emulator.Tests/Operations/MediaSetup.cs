using VodGen.Vod;

namespace VodGen.Emulator.Tests.Operations;

/// <summary>Brings a video to a given stage through the generated client (and the store where the emulator stands in for storage).</summary>
internal static class MediaSetup
{
    public static async Task<string> CreateAsync(VodClient client, string title = "Launch", string fileName = "launch.mp4")
        => (await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = title, FileName = fileName })).VideoId!;

    /// <summary>Created, and its file "arrived" (the emulator receives no bytes, so the store stands in for the upload).</summary>
    public static async Task<string> UploadedAsync(VodClient client, VodEmulator emulator, string title = "Launch")
    {
        var id = await CreateAsync(client, title);
        emulator.Store.CompleteUpload(id);
        return id;
    }

    /// <summary>Uploaded and transcoded, so it has streams to play.</summary>
    public static async Task<string> PlayableAsync(VodClient client, VodEmulator emulator, string title = "Launch")
    {
        var id = await UploadedAsync(client, emulator, title);
        await client.SubmitTranscodeJobsAsync(new SubmitTranscodeJobsRequest { VideoId = id, TemplateGroupId = emulator.Store.DefaultTemplateGroupId });
        return id;
    }

    public static async Task<VodServiceException> FailsAsync(Func<Task> call, VodErrorCode expected)
    {
        var failure = await Assert.ThrowsAsync<VodServiceException>(call);
        Assert.True(failure.Code == expected, $"expected {expected.Code}, got {failure.Code}");
        Assert.Equal(expected.HttpStatus, (int)failure.StatusCode);
        return failure;
    }
}
