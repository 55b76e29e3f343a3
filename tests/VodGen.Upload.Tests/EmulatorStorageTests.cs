using System.Globalization;
using System.Text;
using VodGen.Emulator.Storage;
using VodGen.Upload.Storage;
using VodGen.Vod;

namespace VodGen.Upload.Tests;

/// <summary>The emulator's storage front keeps bytes in files it owns, drops them with their video, and parses safely.</summary>
public sealed class EmulatorStorageTests : UploadTestBase
{
    private OssClient Oss => new(new HttpClient(), VodStorageSignatureVersion.V4, TimeProvider.System, TimeSpan.FromSeconds(60));

    private async Task<VodUploadTicket> TicketAsync()
    {
        var created = await Client.CreateUploadVideoAsync(Video());
        var address = created.DecodeUploadAddress();
        var auth = created.DecodeUploadAuth();
        return VodUploadTicket.From(created.VideoId, address.Endpoint, address.Bucket, address.FileName, auth.AccessKeyId, auth.AccessKeySecret, auth.SecurityToken, auth.Expiration, null, null, DateTimeOffset.UtcNow);
    }

    private static async Task<string> InitiateAsync(OssClient storage, VodUploadTicket ticket)
    {
        var initiate = new OssSignedRequest(ticket.Bucket, ticket.Key);
        initiate.Query.Add(("uploads", null));
        return OssXml.First(OssXml.Leaves((await storage.SendAsync(HttpMethod.Post, ticket, initiate, null, default)).Body), "UploadId")!;
    }

    [Fact]
    public async Task Stored_bytes_live_in_files_that_go_with_their_video()
    {
        var path = File(3 * 1024 * 1024, seed: 31);
        var result = await Client.UploadVideoAsync(Video(), path, new VodUploadOptions { PartSize = 1024 * 1024 });
        Assert.NotEmpty(Directory.GetFiles(Emulator.Storage.DataFolder));
        Assert.Equal(await System.IO.File.ReadAllBytesAsync(path), Stored(result.VideoId));

        await Client.DeleteVideoAsync(new DeleteVideoRequest { VideoIds = result.VideoId });

        Assert.Empty(Directory.GetFiles(Emulator.Storage.DataFolder));
        var video = Emulator.Store.Find(result.VideoId);
        Assert.Null(video);
    }

    [Fact]
    public async Task The_emulators_data_folder_goes_when_it_stops()
    {
        var emulator = await VodGen.Emulator.VodEmulator.StartAsync(new VodGen.Emulator.VodEmulatorOptions { EnforceQps = false });
        using var client = new VodClient(new VodClientOptions
        {
            Endpoint = emulator.Endpoint,
            Credentials = new StaticCredentialsProvider(VodGen.Emulator.EmulatorCredential.Default.AccessKeyId, VodGen.Emulator.EmulatorCredential.Default.AccessKeySecret),
        });
        await client.UploadVideoAsync(Video(), File(300_000, seed: 33));
        var folder = emulator.Storage.DataFolder;
        Assert.NotEmpty(Directory.GetFiles(folder));

        await emulator.DisposeAsync();

        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task An_aborted_upload_leaves_no_files()
    {
        var ticket = await TicketAsync();
        var storage = Oss;
        var uploadId = await InitiateAsync(storage, ticket);
        var part = new OssSignedRequest(ticket.Bucket, ticket.Key);
        part.Query.Add(("partNumber", "1"));
        part.Query.Add(("uploadId", uploadId));
        await storage.SendAsync(HttpMethod.Put, ticket, part, new ByteArrayContent(new byte[200 * 1024]), default);
        Assert.Single(Directory.GetFiles(Emulator.Storage.DataFolder));

        var abort = new OssSignedRequest(ticket.Bucket, ticket.Key);
        abort.Query.Add(("uploadId", uploadId));
        await storage.SendAsync(HttpMethod.Delete, ticket, abort, null, default);

        Assert.Empty(Directory.GetFiles(Emulator.Storage.DataFolder));
    }

    [Fact]
    public async Task A_Complete_body_nested_200000_deep_is_refused_as_MalformedXML_at_the_first_element_too_deep()
    {
        var ticket = await TicketAsync();
        var storage = Oss;
        var uploadId = await InitiateAsync(storage, ticket);
        var body = new StringBuilder("<CompleteMultipartUpload><Part>");
        body.Insert(body.Length, "<a>", 200_000).Insert(body.Length, "</a>", 200_000).Append("</Part></CompleteMultipartUpload>");
        var complete = new OssSignedRequest(ticket.Bucket, ticket.Key).With("content-type", "application/xml");
        complete.Query.Add(("uploadId", uploadId));
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // the old parser took over three minutes

        var error = await Assert.ThrowsAsync<OssStorageError>(() => storage.SendAsync(HttpMethod.Post, ticket, complete, new ByteArrayContent(Encoding.UTF8.GetBytes(body.ToString())), limit.Token));

        Assert.Equal("MalformedXML", error.Code);
        Assert.Equal(1, Emulator.Storage.OpenUploads);
    }

    [Fact]
    public async Task HeadObject_describes_a_stored_object_and_answers_404_for_none()
    {
        var path = File(300_000, seed: 32);
        var result = await Client.UploadVideoAsync(Video(), path);
        var video = Emulator.Store.Find(result.VideoId)!;
        var auth = (await Client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = result.VideoId })).DecodeUploadAuth();
        var ticket = VodUploadTicket.From(result.VideoId, Emulator.Storage.Endpoint.ToString(), video.Bucket, video.ObjectKey, auth.AccessKeyId, auth.AccessKeySecret, auth.SecurityToken, auth.Expiration, null, null, DateTimeOffset.UtcNow);

        var head = await Oss.SendAsync(HttpMethod.Head, ticket, new OssSignedRequest(ticket.Bucket, ticket.Key), null, default);
        await Client.DeleteVideoAsync(new DeleteVideoRequest { VideoIds = result.VideoId });
        var gone = await Assert.ThrowsAsync<OssStorageError>(() => Oss.SendAsync(HttpMethod.Head, ticket, new OssSignedRequest(ticket.Bucket, ticket.Key), null, default));

        Assert.Equal(300_000, head.ContentLength);
        Assert.Equal(result.Crc64, head.Crc64);
        Assert.Equal(404, (int)gone.Status);
    }

    [Fact]
    public async Task The_storage_request_records_keep_only_the_latest_and_never_a_callers_long_text()
    {
        using var http = new HttpClient();
        var longKey = new string('k', 20_000); // under the server's header limit
        for (var i = 0; i < EmulatorStorage.RequestRecordCapacity + 50; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(Emulator.Storage.Endpoint, "/bucket/key"));
            if (i == EmulatorStorage.RequestRecordCapacity + 49)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "OSS " + longKey + ":sig");
            }

            using var response = await http.SendAsync(request);
        }

        Assert.Equal(EmulatorStorage.RequestRecordCapacity, Emulator.Storage.Requests.Count);
        Assert.Equal(EmulatorStorage.RequestRecordCapacity + 50, Emulator.Storage.RequestsAnswered);
        Assert.All(Emulator.Storage.Requests, r => Assert.True(r.AccessKeyId.Length <= 65, r.AccessKeyId.Length.ToString(CultureInfo.InvariantCulture)));
        Assert.StartsWith("kkkk", Emulator.Storage.Requests[^1].AccessKeyId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_style_V1_request_with_x_oss_date_and_no_Date_is_accepted_and_a_wrong_one_refused()
    {
        var ticket = await TicketAsync();
        using var http = new HttpClient();
        async Task<int> InitiateAsync(string date, string signedDate)
        {
            // As a browser client signs: Date cannot be set, so x-oss-date stands in the Date line of the string to sign.
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(ticket.Endpoint, $"/{ticket.Bucket}/{ticket.Key}?uploads"));
            request.Headers.TryAddWithoutValidation("x-oss-date", date);
            request.Headers.TryAddWithoutValidation("x-oss-security-token", ticket.Credentials.SecurityToken);
            var toSign = $"POST\n\n\n{signedDate}\nx-oss-date:{date}\nx-oss-security-token:{ticket.Credentials.SecurityToken}\n/{ticket.Bucket}/{ticket.Key}?uploads";
            var signature = Convert.ToBase64String(System.Security.Cryptography.HMACSHA1.HashData(Encoding.UTF8.GetBytes(ticket.Credentials.AccessKeySecret), Encoding.UTF8.GetBytes(toSign)));
            request.Headers.TryAddWithoutValidation("Authorization", $"OSS {ticket.Credentials.AccessKeyId}:{signature}");
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }

        var now = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        Assert.Equal(200, await InitiateAsync(now, now));
        Assert.Equal(403, await InitiateAsync(now, string.Empty));
    }

    [Fact]
    public async Task The_storage_front_answers_CORS_as_a_VOD_bucket_does()
    {
        using var http = new HttpClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, new Uri(Emulator.Storage.Endpoint, "/bucket/key?uploads"));
        preflight.Headers.TryAddWithoutValidation("Origin", "http://127.0.0.1:5000");
        preflight.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "POST");
        preflight.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", "authorization,x-oss-date,x-oss-security-token");
        using var answer = await http.SendAsync(preflight);

        Assert.Equal(200, (int)answer.StatusCode);
        Assert.Equal("http://127.0.0.1:5000", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("PUT", answer.Headers.GetValues("Access-Control-Allow-Methods").Single(), StringComparison.Ordinal);
        Assert.Equal("authorization,x-oss-date,x-oss-security-token", answer.Headers.GetValues("Access-Control-Allow-Headers").Single());
        Assert.Equal("ETag, x-oss-request-id", answer.Headers.GetValues("Access-Control-Expose-Headers").Single());

        // The real request carries the origin's headers too, refused or not.
        using var put = new HttpRequestMessage(HttpMethod.Put, new Uri(Emulator.Storage.Endpoint, "/bucket/key"));
        put.Headers.TryAddWithoutValidation("Origin", "http://127.0.0.1:5000");
        using var refused = await http.SendAsync(put);
        Assert.Equal(403, (int)refused.StatusCode);
        Assert.Equal("ETag, x-oss-request-id", refused.Headers.GetValues("Access-Control-Expose-Headers").Single());
    }
}
