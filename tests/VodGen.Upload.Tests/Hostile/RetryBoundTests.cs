namespace VodGen.Upload.Tests.Hostile;

/// <summary>Transient storage failures are repeated with back-off, within the per-request bound, and no further.</summary>
public sealed class RetryBoundTests : HostileStorageTestBase
{
    [Fact]
    public async Task A_part_that_meets_a_server_error_twice_is_sent_again_and_the_upload_completes()
    {
        var failed = 0;
        FailParts(503, "ServiceUnavailable", context => context.Request.Query["partNumber"] == "2" && Interlocked.Increment(ref failed) <= 2);
        var session = Session();
        var path = HostileFiles.Write(Folder, 3 * PartSize, seed: 11);

        var result = await VodUploader.UploadFileAsync(session, path, Options(parallelism: 1));

        Assert.Equal(2, Storage.Count("UploadPart", "ServiceUnavailable"));
        Assert.Equal(2, result.PartsResent);
        Assert.Equal(await File.ReadAllBytesAsync(path), Storage.Object(session.VideoId));
    }

    [Fact]
    public async Task A_part_that_always_meets_a_server_error_fails_after_MaxPartRetries_repeats_and_says_how_many_attempts()
    {
        FailParts(500, "InternalError");
        var session = Session();
        var path = HostileFiles.Write(Folder, 2 * PartSize, seed: 12);
        var options = Options(parallelism: 1);
        options.MaxPartRetries = 2;

        var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.UploadFileAsync(session, path, options));

        Assert.Equal("InternalError", error.StorageCode);
        Assert.Equal(1, error.PartNumber);
        Assert.Contains("after 3 attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, Storage.Count("UploadPart", "InternalError"));
        Assert.Equal(0, session.Refreshes);
    }

    [Fact]
    public async Task A_request_refused_as_bad_is_not_repeated()
    {
        FailParts(400, "InvalidArgument");
        var session = Session();
        var path = HostileFiles.Write(Folder, 2 * PartSize, seed: 13);

        var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.UploadFileAsync(session, path, Options(parallelism: 1)));

        Assert.Equal("InvalidArgument", error.StorageCode);
        Assert.DoesNotContain("attempts", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, Storage.Count("UploadPart", "InvalidArgument"));
    }

    // Every UploadPart (that <paramref name="when"/> picks) is answered with the storage error.
    private void FailParts(int status, string code, Func<Microsoft.AspNetCore.Http.HttpContext, bool>? when = null)
        => Storage.Intercept = async (context, storage) =>
        {
            if (FakeStorage.OperationOf(context.Request) != "UploadPart" || (when is not null && !when(context)))
            {
                return false;
            }

            storage.Record(context, status, code);
            await FakeStorage.ErrorAsync(context, status, code);
            return true;
        };
}
