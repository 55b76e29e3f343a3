using VodGen.Vod;

namespace VodGen.Upload.Tests;

public sealed class UploadTests : UploadTestBase
{
    [Theory]
    [InlineData(VodStorageSignatureVersion.V4)]
    [InlineData(VodStorageSignatureVersion.V1)]
    public async Task A_small_file_goes_in_one_request_and_the_video_becomes_playable(VodStorageSignatureVersion version)
    {
        var path = File(50_000);
        var progress = new ProgressLog();

        var result = await Client.UploadVideoAsync(Video(), path, new VodUploadOptions { SignatureVersion = version }, progress);

        Assert.Null(result.UploadId);
        Assert.Equal((50_000L, 1), (result.Size, result.Parts));
        Assert.Equal(await System.IO.File.ReadAllBytesAsync(path), Stored(result.VideoId));
        Assert.Equal(VodCrc64.Compute(Stored(result.VideoId)), result.Crc64);
        Assert.Single(StorageRequests("PutObject"));
        Assert.Equal("UploadSucc", Emulator.Store.Find(result.VideoId)!.Status);
        Assert.Equal(50_000, Emulator.Store.Find(result.VideoId)!.Size);
        await WaitForAsync(() => Emulator.Store.Find(result.VideoId)!.Status == "Normal");
        Assert.Equal(VodUploadStage.Completed, progress.Reports[^1].Stage);
        Assert.Equal(50_000, progress.Reports[^1].BytesCommitted);
    }

    [Theory]
    [InlineData(VodStorageSignatureVersion.V4)]
    [InlineData(VodStorageSignatureVersion.V1)]
    public async Task A_48_MiB_file_in_5_MiB_parts_four_at_a_time_is_stored_byte_for_byte(VodStorageSignatureVersion version)
    {
        const long size = 48L * 1024 * 1024;
        var path = File(size, seed: 48);
        var progress = new ProgressLog();

        var result = await Client.UploadVideoAsync(Video(), path, new VodUploadOptions { PartSize = 5 * 1024 * 1024, Parallelism = 4, SignatureVersion = version }, progress);

        Assert.Equal(10, result.Parts);
        Assert.NotNull(result.UploadId);
        Assert.Equal(0, result.PartsResent);
        Assert.True((await System.IO.File.ReadAllBytesAsync(path)).AsSpan().SequenceEqual(Stored(result.VideoId)));
        Assert.Equal(VodCrc64.Compute(Stored(result.VideoId)), result.Crc64);
        Assert.Equal(10, StorageRequests("UploadPart").Count());
        Assert.Equal(0, Emulator.Storage.OpenUploads);

        var reports = progress.Reports;
        for (var i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i].BytesCommitted >= reports[i - 1].BytesCommitted, "committed bytes went down");
        }

        Assert.All(reports.Where(r => r.Stage != VodUploadStage.Completed), r => Assert.True(r.BytesCommitted < size, "the total was reported before the upload was complete"));
        Assert.Equal((size, size, 10), (reports[^1].BytesCommitted, reports[^1].TotalBytes, reports[^1].PartsCommitted));
    }

    [Fact]
    public async Task A_stream_of_unknown_length_is_uploaded_from_pooled_buffers()
    {
        var path = File(3 * 1024 * 1024 + 123, seed: 3);
        await using var stream = new Hostile.UnknownLengthStream(System.IO.File.OpenRead(path));

        var result = await Client.UploadVideoAsync(Video(), stream, new VodUploadOptions { PartSize = 1024 * 1024 });

        Assert.Equal(4, result.Parts);
        Assert.Equal(await System.IO.File.ReadAllBytesAsync(path), Stored(result.VideoId));
    }

    [Fact]
    public async Task A_failed_stream_upload_is_aborted_since_it_cannot_be_resumed()
    {
        var path = File(4 * 1024 * 1024, seed: 4);
        await using var stream = new Hostile.UnknownLengthStream(System.IO.File.OpenRead(path));
        Emulator.Storage.FailNext(1);
        Emulator.Storage.DropNextParts(10);

        await Assert.ThrowsAsync<VodUploadException>(() => Client.UploadVideoAsync(Video(), stream, new VodUploadOptions { PartSize = 1024 * 1024, MaxPartRetries = 1 }));

        Assert.Single(StorageRequests("AbortMultipartUpload"), r => r.Code == "OK");
        Assert.Equal(0, Emulator.Storage.OpenUploads);
    }

    [Fact]
    public async Task Credentials_expiring_with_four_parts_in_flight_are_renewed_once_and_the_upload_goes_on()
    {
        const long size = 48L * 1024 * 1024;
        const long part = 2 * 1024 * 1024;
        var path = File(size, seed: 7);
        Emulator.Storage.ExpireCredentialsAfterParts(3);

        var result = await Client.UploadVideoAsync(Video(), path, new VodUploadOptions { PartSize = part, Parallelism = 4 });

        Assert.Equal(1, result.CredentialRefreshes);
        Assert.Equal(1, Calls("RefreshUploadVideo"));
        Assert.Single(StorageRequests("InitiateMultipartUpload"));
        Assert.Contains(Emulator.Storage.Requests, r => r.Code == "SecurityTokenExpired");
        Assert.True(Emulator.Storage.BytesReceived <= size + (4 * part), $"{Emulator.Storage.BytesReceived} bytes received for a {size}-byte file");
        Assert.True((await System.IO.File.ReadAllBytesAsync(path)).AsSpan().SequenceEqual(Stored(result.VideoId)));
    }

    [Fact]
    public async Task Five_expiries_against_the_emulator_get_one_refresh_each_fifty_times_over()
    {
        const long part = 100 * 1024;
        var path = File(40 * part, seed: 8);
        var expected = await System.IO.File.ReadAllBytesAsync(path);
        for (var run = 0; run < 50; run++)
        {
            var refreshesBefore = Calls("RefreshUploadVideo");
            var refusedBefore = Emulator.Storage.Requests.Count(r => r.Code == "SecurityTokenExpired");
            Emulator.Storage.ExpireCredentialsEvery(parts: 3, times: 5);
            var expiriesBefore = Emulator.Storage.CredentialExpiries;
            var started = DateTimeOffset.UtcNow;
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a jammed renewal would spin until here

            var result = await Client.UploadVideoAsync(Video(), path, new VodUploadOptions { PartSize = part, Parallelism = 4 }, cancellationToken: limit.Token);

            Assert.Equal(5, Emulator.Storage.CredentialExpiries - expiriesBefore);
            Assert.Equal(5, result.CredentialRefreshes);
            Assert.Equal(5, Calls("RefreshUploadVideo") - refreshesBefore);
            var refused = Emulator.Storage.Requests.Count(r => r.Code == "SecurityTokenExpired") - refusedBefore;
            Assert.True(refused <= 5 * 4, $"run {run}: {refused} requests refused for 5 expiries with 4 parts in flight");
            Assert.All(
                Emulator.Storage.Requests.Where(r => r.Time >= started && r.Code == "SecurityTokenExpired").GroupBy(r => (r.PartNumber, r.AccessKeyId)),
                g => Assert.Single(g)); // no part refused twice with one credential
            Assert.True(expected.AsSpan().SequenceEqual(Stored(result.VideoId)));
        }
    }

    [Fact]
    public async Task Server_errors_and_a_dropped_connection_are_retried_part_by_part()
    {
        var path = File(8L * 1024 * 1024, seed: 11);
        Emulator.Storage.FailNext(3);
        Emulator.Storage.DropNextParts(2);

        var result = await Client.UploadVideoAsync(Video(), path, new VodUploadOptions { PartSize = 1024 * 1024, Parallelism = 2, MaxPartRetries = 5 });

        // The 503s may fall on the start of the multipart upload as well as on parts; each failure is retried.
        Assert.Equal(3, Emulator.Storage.Requests.Count(r => r.Code == "Fault.Status"));
        Assert.Equal(2, Emulator.Storage.Requests.Count(r => r.Code == "Fault.Dropped"));
        Assert.True(result.PartsResent >= 2, $"{result.PartsResent} parts resent");
        Assert.Equal(await System.IO.File.ReadAllBytesAsync(path), Stored(result.VideoId));
    }

    [Fact]
    public async Task A_freshly_renewed_credential_that_is_refused_too_fails_clearly_instead_of_renewing_forever()
    {
        Emulator.Storage.CredentialLifetime = TimeSpan.Zero;
        var path = File(3L * 1024 * 1024, seed: 15);

        var error = await Assert.ThrowsAsync<VodUploadException>(() => Client.UploadVideoAsync(Video(), path, new VodUploadOptions { PartSize = 1024 * 1024 }));

        Assert.Equal("SecurityTokenExpired", error.StorageCode);
        Assert.Contains("freshly renewed", error.Message, StringComparison.Ordinal);
        Assert.InRange(Calls("RefreshUploadVideo"), 1, 2);
    }

    [Fact]
    public async Task A_storage_clock_far_ahead_is_learnt_from_its_Date_and_the_upload_goes_on()
    {
        Emulator.Storage.ClockSkew = TimeSpan.FromMinutes(20);
        var path = File(3L * 1024 * 1024, seed: 14);

        var result = await Client.UploadVideoAsync(Video(), path, new VodUploadOptions { PartSize = 1024 * 1024, Parallelism = 1 });

        Assert.Single(Emulator.Storage.Requests, r => r.Code == "RequestTimeTooSkewed");
        Assert.Equal(0, result.CredentialRefreshes);
        Assert.Equal(await System.IO.File.ReadAllBytesAsync(path), Stored(result.VideoId));
    }

    [Fact]
    public async Task A_wrong_signature_is_never_answered_by_a_refresh()
    {
        var path = File(2L * 1024 * 1024, seed: 12);
        using var tampering = new HttpClient(new TamperingHandler());

        var error = await Assert.ThrowsAsync<VodUploadException>(() => Client.UploadVideoAsync(Video(), path, new VodUploadOptions { PartSize = 1024 * 1024, HttpClient = tampering }));

        Assert.Equal("SignatureDoesNotMatch", error.StorageCode);
        Assert.Equal(0, Calls("RefreshUploadVideo"));
    }

    [Fact]
    public async Task Cancellation_stops_the_upload_within_a_second()
    {
        var path = File(64L * 1024 * 1024, seed: 13);
        using var cancel = new CancellationTokenSource();
        var progress = new Progress<VodUploadProgress>(p =>
        {
            if (p.PartsCommitted >= 1)
            {
                cancel.Cancel();
            }
        });
        var upload = Client.UploadVideoAsync(Video(), path, new VodUploadOptions { PartSize = 1024 * 1024, Parallelism = 2 }, progress, cancel.Token);

        await WaitForAsync(() => cancel.IsCancellationRequested);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => upload);

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"stopped {stopwatch.Elapsed.TotalMilliseconds:0} ms after cancellation");
    }

    internal static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition(), "the condition did not come true within 10 s");
    }

    // Changes a signed header after signing: the storage must answer SignatureDoesNotMatch.
    private sealed class TamperingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("x-oss-date");
            request.Headers.TryAddWithoutValidation("x-oss-date", DateTime.UtcNow.AddSeconds(-10).ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            return base.SendAsync(request, cancellationToken);
        }
    }
}
