using System.Diagnostics;

namespace VodGen.Upload.Tests.Hostile;

/// <summary>Resumes that must not collide, re-send reported parts, trust broken checkpoints or lose the video's name.</summary>
public sealed class ResumeSafetyTests : HostileStorageTestBase
{
    [Fact]
    public async Task A_second_resume_of_a_running_upload_is_refused_at_once_and_the_first_completes()
    {
        var (session, path) = await InterruptedAsync(parts: 8, seed: 1);
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Storage.Intercept = async (context, _) =>
        {
            if (FakeStorage.OperationOf(context.Request) == "UploadPart")
            {
                held.TrySetResult();
                await release.Task; // the first resume is mid-upload while the second starts
            }

            return false;
        };
        var first = VodUploader.ResumeFileAsync(session, session.VideoId, path, Options());
        await held.Task;

        // Another process sharing the folder: a store of its own over the same files.
        var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.ResumeFileAsync(session, session.VideoId, path, Options(store: new FileUploadCheckpointStore(Checkpoints))));
        release.SetResult();
        var result = await first;

        Assert.Equal("UploadInProgress", error.StorageCode);
        Assert.Equal(session.VideoId, error.VideoId);
        Assert.Equal(await File.ReadAllBytesAsync(path), Storage.Object(session.VideoId));
        Assert.Equal(8 * PartSize, result.Size);
        Assert.Equal(8, Storage.Count("UploadPart"));
    }

    [Fact]
    public async Task A_resume_is_refused_while_another_process_holds_the_uploads_lock()
    {
        var (session, path) = await InterruptedAsync(parts: 4, seed: 2);
        var lockFile = Directory.GetFiles(Checkpoints, "*.upload.lock").Single();
        // flock holds the lock while its command (cat) runs; cat ends when its input closes, and flock with it.
        using var other = Process.Start(new ProcessStartInfo("flock", ["--exclusive", "--nonblock", lockFile, "cat"]) { RedirectStandardInput = true, RedirectStandardOutput = true })!;
        try
        {
            // flock holds the lock once it runs cat: wait until this process can no longer take it.
            for (var i = 0; i < 200 && CanTake(lockFile); i++)
            {
                await Task.Delay(50);
            }

            Assert.False(CanTake(lockFile), "the other process never took the lock");
            var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.ResumeFileAsync(session, session.VideoId, path, Options()));

            Assert.Equal("UploadInProgress", error.StorageCode);
            Assert.Contains(lockFile, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            other.StandardInput.Close();
            await other.WaitForExitAsync(); // flock waits for cat, so both are gone and the lock is free
        }

        var result = await VodUploader.ResumeFileAsync(session, session.VideoId, path, Options());
        Assert.Equal(4 * PartSize, result.Size);
    }

    private static bool CanTake(string path)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    [Fact]
    public async Task Progress_reports_only_parts_already_in_the_saved_checkpoint()
    {
        var store = new SlowStore(new FileUploadCheckpointStore(Checkpoints));
        var session = Session();
        var path = HostileFiles.Write(Folder, 30 * PartSize, seed: 3);
        var ahead = new List<string>();
        var progress = new SynchronousProgress(p =>
        {
            if (p.Stage == VodUploadStage.Uploading && p.PartsCommitted > store.SavedParts)
            {
                lock (ahead)
                {
                    ahead.Add($"{p.PartsCommitted} reported with {store.SavedParts} saved");
                }
            }
        });

        await VodUploader.UploadFileAsync(session, path, Options(parallelism: 4, store: store), progress);

        Assert.Empty(ahead);
    }

    [Fact]
    public async Task A_resume_after_cancelling_from_progress_never_sends_a_reported_part_again()
    {
        var session = Session();
        var path = HostileFiles.Write(Folder, 30 * PartSize, seed: 4);
        using var cancel = new CancellationTokenSource();
        var reported = new HashSet<int>();
        var progress = new SynchronousProgress(p =>
        {
            if (p.PartsCommitted >= 10)
            {
                cancel.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => VodUploader.UploadFileAsync(session, path, Options(parallelism: 4), progress, cancel.Token));
        var checkpoint = (await new FileUploadCheckpointStore(Checkpoints).LoadAsync(session.VideoId))!;
        var sentBefore = Storage.Requests.Count;

        await VodUploader.ResumeFileAsync(session, session.VideoId, path, Options(parallelism: 4));

        Assert.True(checkpoint.Parts.Count >= 10, $"{checkpoint.Parts.Count} parts saved after 10 were reported");
        var resent = Storage.Requests.Skip(sentBefore).Where(r => r.Operation == "UploadPart").Select(r => r.PartNumber!.Value).ToList();
        Assert.DoesNotContain(resent, n => checkpoint.Parts.Any(p => p.PartNumber == n));
        Assert.Equal(await File.ReadAllBytesAsync(path), Storage.Object(session.VideoId));
    }

    public static TheoryData<string> BrokenCheckpoints => new() { "PartSize 0", "PartSize -1", "PartSize 1", "PartSize huge", "Parts null", "a null part", "part number 0", "a part twice", "a part of the wrong size", "another video" };

    [Theory]
    [MemberData(nameof(BrokenCheckpoints))]
    public async Task A_broken_checkpoint_is_refused_naming_what_is_wrong_before_anything_is_sent(string broken)
    {
        var (session, path) = await InterruptedAsync(parts: 6, seed: 5);
        var store = new FileUploadCheckpointStore(Checkpoints);
        var good = (await store.LoadAsync(session.VideoId))!;
        var part = good.Parts[0];
        await store.SaveAsync(broken switch
        {
            "PartSize 0" => good with { PartSize = 0 },
            "PartSize -1" => good with { PartSize = -1 },
            "PartSize 1" => good with { PartSize = 1 },
            "PartSize huge" => good with { PartSize = long.MaxValue },
            "Parts null" => good with { Parts = null! },
            "a null part" => good with { Parts = [part, null!] },
            "part number 0" => good with { Parts = [part with { PartNumber = 0 }] },
            "a part twice" => good with { Parts = [part, part] },
            "a part of the wrong size" => good with { Parts = [part with { Size = 1 }] },
            _ => good with { VideoId = "someone-else" },
        } with { VideoId = broken == "another video" ? "someone-else" : session.VideoId });
        if (broken == "another video")
        {
            // Saved under its own name: put it where this video's checkpoint is looked for.
            File.Move(Path.Combine(Checkpoints, "someone-else.upload.json"), Path.Combine(Checkpoints, session.VideoId + ".upload.json"), overwrite: true);
        }

        var requestsBefore = Storage.Requests.Count;
        var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.ResumeFileAsync(session, session.VideoId, path, Options()));

        Assert.Equal("CheckpointInvalid", error.StorageCode);
        Assert.Contains("not valid (", error.Message, StringComparison.Ordinal);
        Assert.Equal(requestsBefore, Storage.Requests.Count);
        Assert.Equal(0, session.Refreshes);
    }

    [Fact]
    public async Task A_wrong_CRC_in_the_checkpoint_is_computed_again_from_the_file_and_the_upload_completes()
    {
        var (session, path) = await InterruptedAsync(parts: 6, seed: 6);
        var store = new FileUploadCheckpointStore(Checkpoints);
        var good = (await store.LoadAsync(session.VideoId))!;
        await store.SaveAsync(good with { Parts = good.Parts.Select(p => p with { Crc64 = p.Crc64 ^ 0xFFFF }).ToList() });

        var result = await VodUploader.ResumeFileAsync(session, session.VideoId, path, Options());

        Assert.Equal(VodCrc64.Compute(await File.ReadAllBytesAsync(path)), result.Crc64);
        Assert.Equal(await File.ReadAllBytesAsync(path), Storage.Object(session.VideoId));
    }

    [Fact]
    public async Task A_failure_after_the_video_exists_names_it_whatever_failed()
    {
        Storage.Intercept = async (context, storage) =>
        {
            if (FakeStorage.OperationOf(context.Request) != "InitiateMultipartUpload")
            {
                return false;
            }

            storage.Record(context, 200, "OK");
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, "this is not XML");
            return true;
        };
        var session = Session();
        var path = HostileFiles.Write(Folder, 4 * PartSize, seed: 7);

        var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.UploadFileAsync(session, path, Options()));

        Assert.Equal(session.VideoId, error.VideoId);
        Assert.IsType<VodProtocolException>(error.InnerException);
    }

    [Fact]
    public async Task A_checkpointFolder_that_cannot_be_made_fails_the_upload_before_a_multipart_upload_is_opened()
    {
        var blocked = Path.Combine(Folder, "not-a-folder");
        await File.WriteAllTextAsync(blocked, "a file where the checkpoint folder should be");
        var session = Session();
        var path = HostileFiles.Write(Folder, 4 * PartSize, seed: 8);

        var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.UploadFileAsync(session, path, Options(store: new FileUploadCheckpointStore(blocked))));

        Assert.Equal("CheckpointNotSaved", error.StorageCode);
        Assert.Equal(session.VideoId, error.VideoId);
        Assert.Equal(0, Storage.Count("InitiateMultipartUpload"));
    }

    [Fact]
    public async Task A_checkpoint_that_cannot_be_saved_after_the_upload_opened_aborts_it()
    {
        var session = Session();
        var path = HostileFiles.Write(Folder, 4 * PartSize, seed: 9);

        var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.UploadFileAsync(session, path, Options(store: new FailingStore())));

        Assert.Equal("CheckpointNotSaved", error.StorageCode);
        Assert.Equal(1, Storage.Count("InitiateMultipartUpload"));
        Assert.Equal(1, Storage.Count("AbortMultipartUpload"));
        Assert.Equal(0, Storage.OpenUploads);
    }

    [Fact]
    public async Task Committed_bytes_fall_only_after_a_Preparing_report_when_theStorage_lost_the_upload()
    {
        var session = Session();
        var path = HostileFiles.Write(Folder, 10 * PartSize, seed: 10);
        Storage.AfterPart = _ =>
        {
            if (Storage.PartsStored == 4)
            {
                Storage.ForgetUploads();
            }
        };
        var reports = new List<VodUploadProgress>();
        var progress = new SynchronousProgress(p =>
        {
            lock (reports)
            {
                reports.Add(p);
            }
        });

        await VodUploader.UploadFileAsync(session, path, Options(parallelism: 1), progress);

        var falls = Enumerable.Range(1, reports.Count - 1).Where(i => reports[i].BytesCommitted < reports[i - 1].BytesCommitted).ToList();
        Assert.NotEmpty(falls);
        Assert.All(falls, i => Assert.Equal(VodUploadStage.Preparing, reports[i].Stage));
        Assert.Equal(await File.ReadAllBytesAsync(path), Storage.Object(session.VideoId));
    }

    // Saves slowly, so that other parts are acknowledged while a save is under way; remembers what was saved last.
    private sealed class SlowStore(IUploadCheckpointStore inner) : IUploadCheckpointStore
    {
        private int _savedParts;

        public int SavedParts => Volatile.Read(ref _savedParts);

        public ValueTask<VodUploadCheckpoint?> LoadAsync(string videoId, CancellationToken cancellationToken = default) => inner.LoadAsync(videoId, cancellationToken);

        public async ValueTask SaveAsync(VodUploadCheckpoint checkpoint, CancellationToken cancellationToken = default)
        {
            await Task.Delay(5, cancellationToken);
            await inner.SaveAsync(checkpoint, cancellationToken);
            Volatile.Write(ref _savedParts, checkpoint.Parts.Count);
        }

        public ValueTask DeleteAsync(string videoId, CancellationToken cancellationToken = default) => inner.DeleteAsync(videoId, cancellationToken);

        public ValueTask<IAsyncDisposable> AcquireAsync(string videoId, CancellationToken cancellationToken = default) => inner.AcquireAsync(videoId, cancellationToken);
    }

    // A store whose disk is full.
    private sealed class FailingStore : IUploadCheckpointStore
    {
        private readonly InMemoryUploadCheckpointStore _leases = new();

        public ValueTask<VodUploadCheckpoint?> LoadAsync(string videoId, CancellationToken cancellationToken = default) => ValueTask.FromResult<VodUploadCheckpoint?>(null);

        public ValueTask SaveAsync(VodUploadCheckpoint checkpoint, CancellationToken cancellationToken = default) => throw new IOException("No space left on device");

        public ValueTask DeleteAsync(string videoId, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public ValueTask<IAsyncDisposable> AcquireAsync(string videoId, CancellationToken cancellationToken = default) => _leases.AcquireAsync(videoId, cancellationToken);
    }
}
