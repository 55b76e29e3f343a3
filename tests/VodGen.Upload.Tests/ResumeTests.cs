using VodGen.Testing;
using System.Diagnostics;
using VodGen.Emulator;
using VodGen.Upload.Tests.Hostile;
using VodGen.Vod;

namespace VodGen.Upload.Tests;

/// <summary>Interrupted uploads: a killed process, a cancelled call, a changed file, an upload the storage forgot.</summary>
public sealed class ResumeTests : UploadTestBase
{
    private const long PartSize = 1024 * 1024;

    private string Checkpoints => Path.Combine(Folder, "checkpoints");

    private VodUploadOptions Options(int parallelism = 2) => new() { PartSize = PartSize, Parallelism = parallelism, Checkpoints = new FileUploadCheckpointStore(Checkpoints) };

    [Fact]
    public async Task A_process_killed_mid_upload_is_resumed_without_a_second_video_or_resending_acknowledged_parts()
    {
        var path = File(24 * PartSize, seed: 21);

        // A slow link, so that the kill lands mid-upload however fast the machine is.
        Emulator.Storage.PartLatency = TimeSpan.FromMilliseconds(100);
        var agent = Path.Combine(RepoOutput("tests/VodGen.UploadAgent"), "VodGen.UploadAgent.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet", $"\"{agent}\" {Emulator.Endpoint} {EmulatorCredential.Default.AccessKeyId} {EmulatorCredential.Default.AccessKeySecret} \"{path}\" \"{Checkpoints}\" {PartSize}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;

        // Killed after three acknowledged parts, as a crash would.
        string? videoId = null;
        var acknowledged = 0;
        while (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
        {
            if (line.StartsWith("video ", StringComparison.Ordinal))
            {
                videoId = line[6..];
            }
            else if (line.StartsWith("part ", StringComparison.Ordinal) && ++acknowledged == 3)
            {
                process.Kill(entireProcessTree: true);
                break;
            }
            else if (line == "done")
            {
                throw new Xunit.Sdk.XunitException("the upload finished before it could be interrupted");
            }
        }

        await process.WaitForExitAsync();
        Assert.NotNull(videoId);
        var checkpoint = await new FileUploadCheckpointStore(Checkpoints).LoadAsync(videoId);
        Assert.NotNull(checkpoint);
        Assert.True(checkpoint.Parts.Count >= 3, $"{checkpoint.Parts.Count} parts in the checkpoint after 3 were reported");
        var sentBefore = StorageRequests("UploadPart").Where(r => r.Code == "OK").Select(r => r.PartNumber).ToHashSet();

        Emulator.Storage.PartLatency = TimeSpan.Zero;
        var result = await Client.ResumeVideoUploadAsync(videoId, path, Options());

        Assert.Equal(videoId, result.VideoId);
        Assert.Equal(checkpoint.UploadId, result.UploadId);
        Assert.Equal(1, Calls("CreateUploadVideo"));
        Assert.True(Calls("RefreshUploadVideo") >= 1);
        var resent = StorageRequests("UploadPart").Where(r => r.Code == "OK").Skip(sentBefore.Count).Select(r => r.PartNumber).ToList();
        Assert.DoesNotContain(resent, n => checkpoint.Parts.Any(p => p.PartNumber == n));
        Assert.True((await System.IO.File.ReadAllBytesAsync(path)).AsSpan().SequenceEqual(Stored(videoId)));
        Assert.Null(await new FileUploadCheckpointStore(Checkpoints).LoadAsync(videoId));
    }

    [Fact]
    public async Task A_changed_file_is_refused_on_resume()
    {
        var path = File(8 * PartSize, seed: 22);
        var videoId = await InterruptAsync(path);
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            stream.Seek(10, SeekOrigin.Begin);
            stream.WriteByte(0xFF);
        }

        var error = await Assert.ThrowsAsync<VodUploadException>(() => Client.ResumeVideoUploadAsync(videoId, path, Options()));

        Assert.Equal("SourceChanged", error.StorageCode);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Calls("RefreshUploadVideo"));
    }

    [Fact]
    public async Task An_upload_the_storage_forgot_starts_again_under_the_same_video()
    {
        var path = File(8 * PartSize, seed: 23);
        var videoId = await InterruptAsync(path);
        var before = (await new FileUploadCheckpointStore(Checkpoints).LoadAsync(videoId))!;
        Emulator.Storage.ForgetUploads();

        var result = await Client.ResumeVideoUploadAsync(videoId, path, Options());

        Assert.Equal(videoId, result.VideoId);
        Assert.NotEqual(before.UploadId, result.UploadId);
        Assert.Equal(1, Calls("CreateUploadVideo"));
        Assert.Equal(await System.IO.File.ReadAllBytesAsync(path), Stored(videoId));
    }

    [Fact]
    public async Task Resuming_without_a_checkpoint_says_there_is_nothing_to_resume()
    {
        var path = File(PartSize, seed: 24);

        var error = await Assert.ThrowsAsync<VodUploadException>(() => Client.ResumeVideoUploadAsync("0123456789abcdef0123456789abcdef", path, Options()));

        Assert.Contains("nothing to resume", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_secret_reaches_logs_exceptions_ToString_or_checkpoint_files()
    {
        var path = File(8 * PartSize, seed: 25);
        var logger = new CapturingLogger();
        var options = Options();
        options.Logger = logger;
        Emulator.Storage.ExpireCredentialsAfterParts(2);
        var videoId = await InterruptAsync(path, options);
        var texts = new List<string>(logger.Lines);
        texts.AddRange(Directory.GetFiles(Checkpoints).Select(System.IO.File.ReadAllText));
        Emulator.Storage.ExpireCredentials();
        Emulator.Storage.FailNext(50, 500);
        var failure = await Record.ExceptionAsync(() => Client.ResumeVideoUploadAsync(videoId, path, options));
        Assert.NotNull(failure);
        texts.Add(failure.ToString());
        Emulator.Storage.FailNext(0);
        var result = await Client.ResumeVideoUploadAsync(videoId, path, options);
        texts.Add(result.ToString());
        texts.AddRange(logger.Lines);

        var secrets = Emulator.Storage.IssuedCredentials.SelectMany(c => new[] { c.AccessKeySecret, c.SecurityToken }).ToList();
        Assert.True(secrets.Count >= 4);
        foreach (var text in texts)
        {
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }
    }

    // Starts an upload and cancels it once two parts are acknowledged; returns the video.
    private async Task<string> InterruptAsync(string path, VodUploadOptions? options = null)
    {
        using var cancel = new CancellationTokenSource();
        string? videoId = null;
        var progress = new SynchronousProgress(p =>
        {
            videoId = p.VideoId;
            if (p.PartsCommitted >= 2)
            {
                cancel.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client.UploadVideoAsync(Video(), path, options ?? Options(parallelism: 1), progress, cancel.Token));
        return videoId!;
    }

    private static string RepoOutput(string project)
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var repo = output.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(repo, project, "bin", output.Parent.Name, output.Name);
    }
}
