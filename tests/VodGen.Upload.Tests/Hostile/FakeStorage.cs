using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VodGen.Upload.Tests.Hostile;

/// <summary>One request the fake storage saw.</summary>
public sealed record FakeRequest(string Operation, int? PartNumber, string AccessKeyId, int Status, string Code);

/// <summary>
/// A storage service written apart from the emulator's, on 127.0.0.1 (random port): multipart semantics in memory,
/// credentials that expire on its <see cref="TimeProvider"/> or when revoked, no signature checks, and a hook that
/// lets a test answer any request however it likes (the hostile part). Every request is recorded.
/// </summary>
public sealed class FakeStorage : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _credentials = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<int, (byte[] Data, string ETag)>> _uploads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _objects = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private int _minted;

    private FakeStorage(WebApplication app, TimeProvider clock)
    {
        _app = app;
        Clock = clock;
    }

    public TimeProvider Clock { get; }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Answers a request before the storage does; return true when it answered.</summary>
    public Func<HttpContext, FakeStorage, Task<bool>>? Intercept { get; set; }

    /// <summary>Runs after a part is stored (a test can revoke credentials, advance time, change a file).</summary>
    public Action<int>? AfterPart { get; set; }

    /// <summary>Whether answers carry x-oss-hash-crc64ecma.</summary>
    public bool SendCrc { get; set; } = true;

    public IReadOnlyList<FakeRequest> Requests => _requests.ToArray();

    public int PartsStored => _requests.Count(r => r.Operation == "UploadPart" && r.Code == "OK");

    public int OpenUploads => _uploads.Count;

    public static async Task<FakeStorage> StartAsync(TimeProvider? clock = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, 0);
            k.Limits.MaxRequestBodySize = null;
        });
        var app = builder.Build();
        var storage = new FakeStorage(app, clock ?? TimeProvider.System);
        app.Run(storage.HandleAsync);
        await app.StartAsync();
        var address = app.Urls.First();
        storage.Endpoint = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return storage;
    }

    /// <summary>A new credential for the object, lasting <paramref name="lifetime"/> on the storage's clock.</summary>
    public VodUploadTicket Mint(string videoId, TimeSpan lifetime, TimeSpan? statedLifetime = null, string? expireUtcTime = null)
    {
        var id = "STS.fake" + Interlocked.Increment(ref _minted).ToString(CultureInfo.InvariantCulture);
        var now = Clock.GetUtcNow();
        _credentials[id] = now + lifetime;
        return VodUploadTicket.From(videoId, Endpoint.ToString(), "bucket", "videos/" + videoId + ".mp4", id, "secret-" + id, "token-" + id, statedLifetime ?? lifetime, expireUtcTime, "cn-shanghai", now);
    }

    /// <summary>Every credential minted so far stops working now; returns how many were still working.</summary>
    public int RevokeAll()
    {
        var live = 0;
        foreach (var (id, expires) in _credentials)
        {
            if (expires > DateTimeOffset.MinValue && _credentials.TryUpdate(id, DateTimeOffset.MinValue, expires))
            {
                live++;
            }
        }

        return live;
    }

    public byte[]? Object(string videoId) => _objects.TryGetValue("videos/" + videoId + ".mp4", out var data) ? data : null;

    public void ForgetUploads() => _uploads.Clear();

    public int Count(string operation, string code = "OK") => _requests.Count(r => r.Operation == operation && r.Code == code);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>Writes an error document.</summary>
    public static async Task ErrorAsync(HttpContext context, int status, string code, string? date = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/xml";
        context.Response.Headers.Date = date ?? DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        await context.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>{code}</Message><RequestId>R{status}</RequestId></Error>");
    }

    public static string OperationOf(HttpRequest request) => (request.Method, request.Query.ContainsKey("uploads"), request.Query.ContainsKey("uploadId"), request.Query.ContainsKey("partNumber")) switch
    {
        ("PUT", false, false, false) => "PutObject",
        ("HEAD", false, false, false) => "HeadObject",
        ("POST", true, _, _) => "InitiateMultipartUpload",
        ("PUT", _, true, true) => "UploadPart",
        ("GET", _, true, _) => "ListParts",
        ("POST", _, true, _) => "CompleteMultipartUpload",
        ("DELETE", _, true, _) => "AbortMultipartUpload",
        _ => "Unknown",
    };

    public void Record(HttpContext context, int status, string code)
    {
        var request = context.Request;
        var part = int.TryParse(request.Query["partNumber"], out var n) ? n : (int?)null;
        _requests.Enqueue(new FakeRequest(OperationOf(request), part, AccessKeyOf(request), status, code));
    }

    private static string AccessKeyOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("OSS4-HMAC-SHA256 Credential=", StringComparison.Ordinal))
        {
            return authorization["OSS4-HMAC-SHA256 Credential=".Length..].Split('/')[0];
        }

        return authorization.StartsWith("OSS ", StringComparison.Ordinal) ? authorization[4..].Split(':')[0] : string.Empty;
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (Intercept is { } intercept && await intercept(context, this))
        {
            return;
        }

        await ServeAsync(context);
    }

    /// <summary>The storage's own answer to a request, as if no hook were set.</summary>
    public async Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        var operation = OperationOf(request);
        var key = Uri.UnescapeDataString(request.Path.Value!.TrimStart('/')).Split('/', 2)[1];
        var uploadId = request.Query["uploadId"].ToString();
        if (!_credentials.TryGetValue(AccessKeyOf(request), out var expires) || Clock.GetUtcNow() >= expires)
        {
            Record(context, 403, "SecurityTokenExpired");
            await ErrorAsync(context, 403, "SecurityTokenExpired");
            return;
        }

        switch (operation)
        {
            case "PutObject":
            {
                var data = await ReadAsync(request);
                _objects[key] = data;
                Headers(context, data);
                Record(context, 200, "OK");
                return;
            }

            case "HeadObject":
                if (!_objects.TryGetValue(key, out var stored))
                {
                    Record(context, 404, "NoSuchKey");
                    context.Response.StatusCode = 404;
                    return;
                }

                context.Response.ContentLength = stored.Length;
                Headers(context, stored, etag: false);
                Record(context, 200, "OK");
                return;

            case "InitiateMultipartUpload":
            {
                var id = Guid.NewGuid().ToString("N");
                _uploads[id] = new();
                Record(context, 200, "OK");
                await XmlAsync(context, new XElement("InitiateMultipartUploadResult", new XElement("UploadId", id)));
                return;
            }

            case "UploadPart":
            {
                var data = await ReadAsync(request);
                if (!_uploads.TryGetValue(uploadId, out var parts))
                {
                    Record(context, 404, "NoSuchUpload");
                    await ErrorAsync(context, 404, "NoSuchUpload");
                    return;
                }

                var number = int.Parse(request.Query["partNumber"]!, CultureInfo.InvariantCulture);
                parts[number] = (data, Headers(context, data));
                Record(context, 200, "OK");
                AfterPart?.Invoke(number);
                return;
            }

            case "ListParts":
            {
                if (!_uploads.TryGetValue(uploadId, out var parts))
                {
                    Record(context, 404, "NoSuchUpload");
                    await ErrorAsync(context, 404, "NoSuchUpload");
                    return;
                }

                Record(context, 200, "OK");
                await XmlAsync(context, new XElement(
                    "ListPartsResult",
                    new XElement("IsTruncated", "false"),
                    parts.OrderBy(p => p.Key).Select(p => new XElement(
                        "Part",
                        new XElement("PartNumber", p.Key),
                        new XElement("ETag", p.Value.ETag),
                        SendCrc ? new XElement("HashCrc64ecma", VodCrc64.Compute(p.Value.Data)) : null,
                        new XElement("Size", p.Value.Data.Length)))));
                return;
            }

            case "CompleteMultipartUpload":
            {
                var body = XDocument.Parse(Encoding.UTF8.GetString(await ReadAsync(request)));
                if (!_uploads.TryRemove(uploadId, out var parts))
                {
                    Record(context, 404, "NoSuchUpload");
                    await ErrorAsync(context, 404, "NoSuchUpload");
                    return;
                }

                var listed = body.Root!.Elements("Part").Select(p => int.Parse(p.Element("PartNumber")!.Value, CultureInfo.InvariantCulture)).ToList();
                var data = listed.SelectMany(n => parts[n].Data).ToArray();
                _objects[key] = data;
                Headers(context, data, etag: false);
                Record(context, 200, "OK");
                await XmlAsync(context, new XElement("CompleteMultipartUploadResult", new XElement("Key", key)));
                return;
            }

            case "AbortMultipartUpload":
                Record(context, _uploads.TryRemove(uploadId, out _) ? 204 : 404, "OK");
                context.Response.StatusCode = 204;
                return;

            default:
                Record(context, 400, "InvalidArgument");
                await ErrorAsync(context, 400, "InvalidArgument");
                return;
        }
    }

    private string Headers(HttpContext context, byte[] data, bool etag = true)
    {
        var tag = "\"" + Convert.ToHexString(MD5.HashData(data)) + "\"";
        if (etag)
        {
            context.Response.Headers.ETag = tag;
        }

        if (SendCrc)
        {
            context.Response.Headers["x-oss-hash-crc64ecma"] = VodCrc64.Compute(data).ToString(CultureInfo.InvariantCulture);
        }

        return tag;
    }

    private static async Task<byte[]> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public static Task XmlAsync(HttpContext context, XElement root)
    {
        context.Response.ContentType = "application/xml";
        return context.Response.WriteAsync("<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + root.ToString(SaveOptions.DisableFormatting));
    }
}

/// <summary>
/// Upload tickets straight from a <see cref="FakeStorage"/>: CreateUploadVideo and RefreshUploadVideo as a session
/// whose answers complete synchronously (as a cached or in-process session's do).
/// </summary>
public sealed class FakeSession(FakeStorage storage, TimeSpan lifetime) : IVodUploadSession
{
    private int _creates;
    private int _refreshes;

    public string VideoId { get; } = Guid.NewGuid().ToString("N");

    public int Creates => _creates;

    public int Refreshes => _refreshes;

    /// <summary>The lifetime the ticket states (UploadAuth.Expiration), when it differs from the real one.</summary>
    public TimeSpan? StatedLifetime { get; set; }

    /// <summary>UploadAuth.ExpireUTCTime, when a test wants one.</summary>
    public string? ExpireUtcTime { get; set; }

    public Task<VodUploadTicket> CreateAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _creates);
        return Task.FromResult(storage.Mint(VideoId, lifetime, StatedLifetime, ExpireUtcTime));
    }

    public Task<VodUploadTicket> RefreshAsync(string videoId, TimeProvider clock, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _refreshes);
        return Task.FromResult(storage.Mint(videoId, lifetime, StatedLifetime, ExpireUtcTime));
    }
}
