using VodGen;
using VodGen.Server.Queues;
using VodGen.Upload;
using VodGen.Vod;

namespace Quickstart;

/// <summary>How the flow hears back and what it can check.</summary>
/// <param name="Events">The MNS queue VOD writes this account's events to; null: poll GetVideoInfo instead.</param>
/// <param name="ConfigureCallback">Point the account's event notifications at <paramref name="Events"/> first (SetMessageCallback); only on an emulator, never on a real account.</param>
/// <param name="UrlAuthenticationKey">The playback domain's URL authentication key, to show unsigned and expired URLs refused; null: not shown.</param>
/// <param name="Wait">How long to wait for the service to make the upload playable.</param>
public sealed record FlowSetup(VodMnsQueue? Events, bool ConfigureCallback, string? UrlAuthenticationKey, TimeSpan Wait);

/// <summary>
/// The quickstart's steps, kept apart from the console plumbing so tests can run them too: upload a file, wait until
/// it is playable (told by its events), inspect, list, play from a signed URL, delete.
/// </summary>
public static class UploadFlow
{
    private const int FileSize = 6 * 1024 * 1024;

    /// <param name="client">The client to call with.</param>
    /// <param name="output">Where to describe each step.</param>
    /// <param name="setup">How the flow hears back and what it can check.</param>
    /// <param name="cancellationToken">Cancels the flow.</param>
    public static async Task RunAsync(VodClient client, TextWriter output, FlowSetup setup, CancellationToken cancellationToken = default)
    {
        if (setup is { Events: { } queue, ConfigureCallback: true })
        {
            output.WriteLine();
            output.WriteLine($"0. SetMessageCallback: events go to the MNS queue {queue.QueueName}");
            await client.SetMessageCallbackAsync(new SetMessageCallbackRequest { CallbackType = SetMessageCallbackRequest.CallbackTypeOption.MNS, MnsEndpoint = queue.Endpoint.ToString(), MnsQueueName = queue.QueueName }, cancellationToken);
        }

        var folder = Directory.CreateTempSubdirectory("vodgen-quickstart-");
        try
        {
            var path = Path.Combine(folder.FullName, "quickstart.mp4");
            await File.WriteAllBytesAsync(path, SampleBytes(), cancellationToken);

            output.WriteLine();
            output.WriteLine($"1. UploadVideoAsync: {FileSize / 1024 / 1024} MiB in 1 MiB parts, 3 at a time");
            var partsShown = 0;
            var progress = new ConsoleProgress(p =>
            {
                switch (p.Stage)
                {
                    case VodUploadStage.RefreshingCredential:
                        output.WriteLine("   credential expired: renewed with RefreshUploadVideo, the same upload goes on");
                        break;
                    case VodUploadStage.Uploading when p.PartsCommitted > partsShown:
                        partsShown = p.PartsCommitted;
                        output.WriteLine($"   part {p.PartsCommitted}/{p.PartsTotal} stored   {p.BytesCommitted * 100 / p.TotalBytes,3} %");
                        break;
                    case VodUploadStage.Completing:
                        output.WriteLine("   completing     all parts stored; the storage assembles the file");
                        break;
                    case VodUploadStage.Completed:
                        output.WriteLine($"   complete       {p.BytesCommitted:N0} of {p.TotalBytes:N0} bytes");
                        break;
                }
            });
            var result = await client.UploadVideoAsync(
                new CreateUploadVideoRequest { Title = "VodGen quickstart", FileName = "quickstart.mp4" },
                path,
                new VodUploadOptions { PartSize = 1024 * 1024, Parallelism = 3 },
                progress,
                cancellationToken);
            var videoId = result.VideoId;
            output.WriteLine($"   VideoId        {videoId}");
            output.WriteLine($"   stored         {result.Size:N0} bytes in {result.Parts} parts, CRC-64 {result.Crc64} checked, {result.CredentialRefreshes} credential renewal(s), {result.Elapsed.TotalMilliseconds:0} ms");

            output.WriteLine();
            GetVideoInfoResponse.VideoData video;
            if (setup.Events is { } events)
            {
                output.WriteLine($"2. Waiting for the video's events (MNS queue {events.QueueName}), no polling");
                if (await EventWait.UntilTranscodedAsync(events, videoId, output, setup.Wait, cancellationToken) is null)
                {
                    output.WriteLine($"   no TranscodeComplete within {setup.Wait.TotalSeconds:0} s");
                }

                video = (await client.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = videoId }, cancellationToken)).Video!;
            }
            else
            {
                output.WriteLine("2. Waiting until the video is playable (no event queue given: polling GetVideoInfo)");
                video = (await client.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = videoId }, cancellationToken)).Video!;
                var deadline = DateTime.UtcNow + setup.Wait;
                while (video.Status != "Normal" && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
                    video = (await client.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = videoId }, cancellationToken)).Video!;
                }
            }

            output.WriteLine($"   {video.Title}: {video.Status}, {video.Size ?? 0:N0} bytes, created {video.CreationTime}");

            output.WriteLine();
            output.WriteLine("3. GetVideoListItemsAsync (every page, newest first)");
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

            output.WriteLine();
            output.WriteLine("4. GetPlayInfo (URLs signed for 10 minutes when the domain has URL authentication on)");
            if (video.Status == "Normal")
            {
                var play = await client.GetPlayInfoAsync(new GetPlayInfoRequest { VideoId = videoId, AuthTimeout = 600 }, cancellationToken);
                var streams = play.PlayInfoList?.PlayInfo ?? [];
                foreach (var stream in streams)
                {
                    output.WriteLine($"   {stream.Definition} {stream.Format} {stream.Width}x{stream.Height}: {stream.PlayURL}");
                }

                if (setup.UrlAuthenticationKey is { } key && streams.Count > 0 && streams[0].PlayURL is { } url)
                {
                    await PlaybackCheck.RunAsync(url, key, output, cancellationToken);
                }
            }
            else
            {
                output.WriteLine($"   skipped        the video is still {video.Status} (the sample's bytes are not a real video)");
            }

            output.WriteLine();
            output.WriteLine("5. DeleteVideo");
            var deleted = await client.DeleteVideoAsync(new DeleteVideoRequest { VideoIds = videoId }, cancellationToken);
            output.WriteLine($"   deleted        {(deleted.NonExistVideoIds?.Count ?? 0) == 0}");

            output.WriteLine();
            output.WriteLine("6. GetVideoInfo for the deleted video");
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
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // A few MiB that start like an MP4 file (an ftyp box), the rest deterministic noise.
    private static byte[] SampleBytes()
    {
        var bytes = new byte[FileSize];
        new Random(2017_03_21).NextBytes(bytes);
        "\0\0\0\u0018ftypisom\0\0\u0002\0isomiso2"u8.ToArray().CopyTo(bytes, 0);
        return bytes;
    }

    // Reports on the thread that raises them, in order (Progress<T> would post them to the thread pool).
    private sealed class ConsoleProgress(Action<VodUploadProgress> report) : IProgress<VodUploadProgress>
    {
        private readonly object _gate = new();

        public void Report(VodUploadProgress value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}
