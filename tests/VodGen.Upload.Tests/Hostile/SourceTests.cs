namespace VodGen.Upload.Tests.Hostile;

/// <summary>Sources that change, end, never end or hold nothing.</summary>
public sealed class SourceTests : HostileStorageTestBase
{
    public static TheoryData<string> Changes => new() { "rewritten", "grown", "shrunk" };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_file_changed_during_the_upload_is_never_completed_and_its_upload_is_aborted(string change)
    {
        var path = HostileFiles.Write(Folder, 8 * PartSize, seed: 1);
        Storage.AfterPart = number =>
        {
            if (number != 3)
            {
                return;
            }

            using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
            switch (change)
            {
                case "rewritten": // same size, other bytes (each part's own CRC still matches what was sent)
                    file.Position = 10;
                    file.WriteByte(0xFF);
                    break;
                case "grown":
                    file.Seek(0, SeekOrigin.End);
                    file.Write(new byte[PartSize]);
                    break;
                case "shrunk":
                    file.SetLength(5 * PartSize + 17);
                    break;
            }

            // A later modification time, even on a file system with coarse timestamps.
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        };
        var session = Session();

        var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.UploadFileAsync(session, path, Options()));

        Assert.Equal("SourceChanged", error.StorageCode);
        Assert.Equal(session.VideoId, error.VideoId);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, Storage.Count("CompleteMultipartUpload"));
        Assert.Equal(1, Storage.Count("AbortMultipartUpload"));
        Assert.Null(Storage.Object(session.VideoId));
        Assert.Null(await new FileUploadCheckpointStore(Checkpoints).LoadAsync(session.VideoId));
    }

    [Fact]
    public async Task An_empty_file_is_refused_before_any_video_is_created()
    {
        var path = HostileFiles.Write(Folder, 0, seed: 2);
        var session = Session();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => VodUploader.UploadFileAsync(session, path, Options()));

        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("No video was created", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, session.Creates);
        Assert.Empty(Storage.Requests);
    }

    [Fact]
    public async Task An_empty_stream_of_unknown_length_is_refused_before_any_video_is_created()
    {
        var session = Session();

        await Assert.ThrowsAsync<ArgumentException>(() => VodUploader.UploadStreamAsync(session, new UnknownLengthStream(new MemoryStream()), Options()));

        Assert.Equal(0, session.Creates);
    }

    [Fact]
    public async Task A_stream_of_unknown_length_grows_its_parts_so_that_more_than_the_part_limit_times_the_part_size_fits()
    {
        // A limit of 10 parts: parts double after each one (a tenth of the limit), so 10 parts hold far more than 10 x 100 KiB.
        var data = new byte[40 * PartSize];
        new Random(3).NextBytes(data);
        var session = Session();
        var options = Options();
        options.PartLimit = 10;

        var result = await VodUploader.UploadStreamAsync(session, new UnknownLengthStream(new MemoryStream(data)), options);

        Assert.Equal(data, Storage.Object(session.VideoId));
        Assert.True(result.Parts <= 10, $"{result.Parts} parts");
    }

    [Fact]
    public async Task A_stream_of_unknown_length_past_the_part_limit_fails_before_sending_the_part_past_it_and_is_aborted()
    {
        // Parts of 100, 200, 400 and 800 KiB fit in a limit of 4; 2 MiB does not.
        var data = new byte[2 * 1024 * 1024];
        new Random(4).NextBytes(data);
        var session = Session();
        var options = Options();
        options.PartLimit = 4;

        var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.UploadStreamAsync(session, new UnknownLengthStream(new MemoryStream(data)), options));

        Assert.Equal("TooManyParts", error.StorageCode);
        Assert.Equal(5, error.PartNumber);
        // Parts still in flight when the limit is found may be cancelled; none past it is ever sent.
        Assert.InRange(Storage.Count("UploadPart"), 1, 4);
        Assert.DoesNotContain(Storage.Requests, r => r.PartNumber > 4);
        Assert.Equal(1, Storage.Count("AbortMultipartUpload"));
        Assert.Equal(0, Storage.Count("CompleteMultipartUpload"));
    }
}
