using VodGen;
using VodGen.Vod;

namespace Quickstart;

/// <summary>
/// The quickstart's steps, kept apart from the console plumbing so tests can run them too: upload, refresh,
/// inspect, list, play, delete.
/// </summary>
public static class UploadFlow
{
    /// <param name="client">The client to call with.</param>
    /// <param name="output">Where to describe each step.</param>
    /// <param name="uploadFinished">
    /// Stands in for uploading the file (the sample sends no bytes): given against the emulator, null against the
    /// real service, where the steps that need an uploaded file are skipped.
    /// </param>
    /// <param name="cancellationToken">Cancels the flow.</param>
    public static async Task RunAsync(VodClient client, TextWriter output, Func<string, Task>? uploadFinished, CancellationToken cancellationToken = default)
    {
        output.WriteLine();
        output.WriteLine("1. CreateUploadVideo");
        var created = await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "VodGen quickstart", FileName = "quickstart.mp4" }, cancellationToken);
        var address = created.DecodeUploadAddress();
        output.WriteLine($"   VideoId        {created.VideoId}");
        output.WriteLine($"   upload to      {address.Endpoint} bucket {address.Bucket}, key {address.FileName}");
        output.WriteLine($"   credential     {created.DecodeUploadAuth()}");

        output.WriteLine();
        output.WriteLine("2. The upload outlives its credential (simulated); RefreshUploadVideo");
        var refreshed = await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = created.VideoId! }, cancellationToken);
        var sameAddress = refreshed.DecodeUploadAddress();
        var credential = refreshed.DecodeUploadAuth();
        output.WriteLine($"   same address   {sameAddress.Bucket == address.Bucket && sameAddress.FileName == address.FileName}");
        output.WriteLine($"   new credential {credential}");
        output.WriteLine($"   valid for      {credential.Expiration?.TotalMinutes:0} minutes");

        var videoId = created.VideoId!;
        output.WriteLine();
        output.WriteLine("3. The file arrives in storage");
        var uploaded = uploadFinished is not null;
        if (uploaded)
        {
            // This sample sends no bytes; against the emulator, its store stands in for the finished upload.
            await uploadFinished!(videoId);
            output.WriteLine("   upload done    (simulated by the emulator)");
        }
        else
        {
            output.WriteLine("   skipped        upload the file with the credential above to go on; the video stays Uploading");
        }

        output.WriteLine();
        output.WriteLine("4. GetVideoInfo");
        var video = (await client.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = videoId }, cancellationToken)).Video!;
        output.WriteLine($"   {video.Title}: {video.Status}, {video.Duration ?? 0:0.#} s, {video.Size ?? 0} bytes, created {video.CreationTime}");

        output.WriteLine();
        output.WriteLine("5. GetVideoListItemsAsync (every page, newest first)");
        var listed = 0;
        var found = false;
        await foreach (var item in client.GetVideoListItemsAsync(new GetVideoListRequest { SortBy = GetVideoListRequest.SortByOption.CreationTimeDesc, PageSize = 20 }, cancellationToken))
        {
            listed++;
            found |= item.VideoId == videoId;
            if (listed == 100)
            {
                break; // Enough to make the point on a large library; leaving the loop stops the calls.
            }
        }

        output.WriteLine($"   {listed} video(s) listed; ours among them: {found}");

        if (uploaded)
        {
            output.WriteLine();
            output.WriteLine("6. SubmitTranscodeJobs (no transcoding: the source is the stream), then GetPlayInfo");
            await client.SubmitTranscodeJobsAsync(new SubmitTranscodeJobsRequest { VideoId = videoId, TemplateGroupId = "VOD_NO_TRANSCODE" }, cancellationToken);
            var play = await client.GetPlayInfoAsync(new GetPlayInfoRequest { VideoId = videoId }, cancellationToken);
            foreach (var stream in play.PlayInfoList?.PlayInfo ?? [])
            {
                output.WriteLine($"   {stream.Definition} {stream.Format} {stream.Width}x{stream.Height}: {stream.PlayURL}");
            }
        }

        output.WriteLine();
        output.WriteLine("7. DeleteVideo");
        var deleted = await client.DeleteVideoAsync(new DeleteVideoRequest { VideoIds = videoId }, cancellationToken);
        output.WriteLine($"   deleted        {(deleted.NonExistVideoIds?.Count ?? 0) == 0}");

        output.WriteLine();
        output.WriteLine("8. GetVideoInfo for the deleted video");
        try
        {
            await client.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = videoId }, cancellationToken);
            output.WriteLine("   unexpected: the call succeeded");
        }
        catch (VodServiceException e) when (e.Code == GetVideoInfoErrors.InvalidVideoNotFound)
        {
            output.WriteLine($"   caught         {e.Code} (HTTP {(int)e.StatusCode}), RequestId {e.RequestId}");
        }
    }
}
