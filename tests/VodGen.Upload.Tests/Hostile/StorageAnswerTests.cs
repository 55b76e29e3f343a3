using System.Xml.Linq;

namespace VodGen.Upload.Tests.Hostile;

/// <summary>What the storage answers is checked before it is believed: listings, redirects, Complete, CRCs, lost answers.</summary>
public sealed class StorageAnswerTests : HostileStorageTestBase
{
    [Fact]
    public async Task A_listing_that_repeats_its_marker_is_refused_after_one_page_instead_of_asked_for_ever()
    {
        var (session, path) = await InterruptedAsync(parts: 6, seed: 1);
        Storage.Intercept = async (context, storage) =>
        {
            if (FakeStorage.OperationOf(context.Request) != "ListParts")
            {
                return false;
            }

            storage.Record(context, 200, "OK");
            await FakeStorage.XmlAsync(context, new XElement("ListPartsResult", new XElement("IsTruncated", "true"), new XElement("NextPartNumberMarker", "0")));
            return true;
        };

        var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.ResumeFileAsync(session, session.VideoId, path, Options()));

        Assert.Contains("not making progress", error.Message, StringComparison.Ordinal);
        Assert.Equal(session.VideoId, error.VideoId);
        Assert.Equal(1, Storage.Count("ListParts"));
    }

    [Fact]
    public async Task A_redirect_followed_by_the_callers_HttpClient_fails_the_upload_instead_of_reporting_another_hosts_success()
    {
        await using var elsewhere = await FakeStorage.StartAsync();
        elsewhere.Intercept = async (context, storage) =>
        {
            // Another host that accepts anything: were its answers believed, the upload would "succeed".
            storage.Record(context, 200, "OK");
            context.Response.Headers.ETag = "\"00000000000000000000000000000000\"";
            await FakeStorage.XmlAsync(context, new XElement("InitiateMultipartUploadResult", new XElement("UploadId", "elsewhere")));
            return true;
        };
        Storage.Intercept = (context, storage) =>
        {
            storage.Record(context, 307, "Redirect");
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = new Uri(elsewhere.Endpoint, context.Request.Path + context.Request.QueryString).ToString();
            return Task.FromResult(true);
        };
        using var following = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        var session = Session();
        var path = HostileFiles.Write(Folder, 4 * PartSize, seed: 2);
        var options = Options();
        options.HttpClient = following;

        var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.UploadFileAsync(session, path, options));

        Assert.Equal("Redirect", error.StorageCode);
        Assert.Contains("AllowAutoRedirect = false", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(elsewhere.Requests); // the redirect was followed, and still nothing counts as stored
        Assert.Null(Storage.Object(session.VideoId));
    }

    [Fact]
    public async Task Complete_answered_200_with_an_error_document_fails_and_keeps_the_checkpoint()
    {
        Storage.Intercept = async (context, storage) =>
        {
            if (FakeStorage.OperationOf(context.Request) != "CompleteMultipartUpload")
            {
                return false;
            }

            storage.Record(context, 200, "InvalidPart");
            context.Response.StatusCode = 200;
            await FakeStorage.XmlAsync(context, new XElement("Error", new XElement("Code", "InvalidPart"), new XElement("Message", "One or more of the specified parts could not be found.")));
            return true;
        };
        var session = Session();
        var path = HostileFiles.Write(Folder, 4 * PartSize, seed: 3);

        var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.UploadFileAsync(session, path, Options()));

        Assert.Equal("InvalidPart", error.StorageCode);
        Assert.NotNull(await new FileUploadCheckpointStore(Checkpoints).LoadAsync(session.VideoId));
    }

    [Fact]
    public async Task Complete_answered_200_with_an_internal_error_document_is_retried()
    {
        var failures = 1;
        Storage.Intercept = async (context, storage) =>
        {
            if (FakeStorage.OperationOf(context.Request) != "CompleteMultipartUpload" || Interlocked.Decrement(ref failures) < 0)
            {
                return false;
            }

            storage.Record(context, 200, "InternalError");
            await FakeStorage.XmlAsync(context, new XElement("Error", new XElement("Code", "InternalError"), new XElement("Message", "We encountered an internal error.")));
            return true;
        };
        var session = Session();
        var path = HostileFiles.Write(Folder, 4 * PartSize, seed: 4);

        await VodUploader.UploadFileAsync(session, path, Options());

        Assert.Equal(await File.ReadAllBytesAsync(path), Storage.Object(session.VideoId));
    }

    [Fact]
    public async Task Without_a_CRC_in_the_answer_the_object_is_checked_with_HeadObject()
    {
        var session = Session();
        var path = HostileFiles.Write(Folder, 4 * PartSize, seed: 5);
        Storage.Intercept = (context, _) =>
        {
            // CRCs only where the storage describes the object (HeadObject).
            Storage.SendCrc = FakeStorage.OperationOf(context.Request) == "HeadObject";
            return Task.FromResult(false);
        };

        var result = await VodUploader.UploadFileAsync(session, path, Options());

        Assert.Equal(VodCrc64.Compute(await File.ReadAllBytesAsync(path)), result.Crc64);
        Assert.Equal(1, Storage.Count("HeadObject"));
    }

    [Fact]
    public async Task AStorage_that_never_reports_a_CRC_fails_the_check_it_cannot_make_unless_it_is_turned_off()
    {
        Storage.SendCrc = false;
        var session = Session();
        var path = HostileFiles.Write(Folder, 4 * PartSize, seed: 6);

        var error = await Assert.ThrowsAsync<VodUploadException>(() => VodUploader.UploadFileAsync(session, path, Options()));
        var unchecked_ = await VodUploader.UploadFileAsync(Session(), path, new VodUploadOptions { PartSize = PartSize, VerifyCrc64 = false });

        Assert.Equal("CrcMissing", error.StorageCode);
        Assert.Contains("VerifyCrc64 = false", error.Message, StringComparison.Ordinal);
        Assert.Equal(4 * PartSize, unchecked_.Size);
    }

    [Fact]
    public async Task A_Complete_whose_answer_is_lost_is_found_complete_by_the_object_and_reported_as_success()
    {
        var lost = 1;
        Storage.Intercept = async (context, storage) =>
        {
            if (FakeStorage.OperationOf(context.Request) != "CompleteMultipartUpload" || Interlocked.Decrement(ref lost) < 0)
            {
                return false;
            }

            // Completed by the storage, then the connection drops before the answer.
            storage.Intercept = null;
            await storage.ServeAsync(context);
            context.Abort();
            return true;
        };
        var session = Session();
        var path = HostileFiles.Write(Folder, 4 * PartSize, seed: 7);

        var result = await VodUploader.UploadFileAsync(session, path, Options());

        Assert.Equal(await File.ReadAllBytesAsync(path), Storage.Object(session.VideoId));
        Assert.Equal(4 * PartSize, result.Size);
        Assert.Equal(1, Storage.Count("CompleteMultipartUpload", "NoSuchUpload"));
        Assert.Null(await new FileUploadCheckpointStore(Checkpoints).LoadAsync(session.VideoId));
    }

    [Fact]
    public async Task Resuming_an_upload_whose_Complete_answer_was_lost_sends_nothing_again()
    {
        var (session, path) = await InterruptedAsync(parts: 6, seed: 8);
        var first = await VodUploader.ResumeFileAsync(session, session.VideoId, path, Options()); // completes it
        Assert.Equal(6 * PartSize, first.Size);

        // As if that run had crashed after the storage completed the object, before the checkpoint was deleted.
        var store = new FileUploadCheckpointStore(Checkpoints);
        await store.SaveAsync(Checkpoint(session.VideoId, path, "lost-upload"));
        var partsBefore = Storage.Count("UploadPart");

        var result = await VodUploader.ResumeFileAsync(session, session.VideoId, path, Options());

        Assert.Equal(6 * PartSize, result.Size);
        Assert.Equal(partsBefore, Storage.Count("UploadPart"));
        Assert.Equal(1, Storage.Count("InitiateMultipartUpload"));
        Assert.Null(await store.LoadAsync(session.VideoId));
    }

    private VodUploadCheckpoint Checkpoint(string videoId, string path, string uploadId)
    {
        using var source = VodGen.Upload.Engine.FileSource.Open(path);
        return new VodUploadCheckpoint
        {
            VideoId = videoId,
            UploadId = uploadId,
            Endpoint = Storage.Endpoint.ToString(),
            Bucket = "bucket",
            Key = "videos/" + videoId + ".mp4",
            PartSize = PartSize,
            TotalBytes = new FileInfo(path).Length,
            SourceFingerprint = source.Fingerprint,
            Parts = [],
        };
    }
}

/// <summary>Reports progress on the calling thread, as it happens.</summary>
internal sealed class SynchronousProgress(Action<VodUploadProgress> report) : IProgress<VodUploadProgress>
{
    public void Report(VodUploadProgress value) => report(value);
}
