using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VodGen.EndToEnd.Tests;

/// <summary>
/// A small stand-in for the VOD gateway on 127.0.0.1 (a free port): it verifies V1 and V3 signatures with
/// <see cref="IndependentSignatureVerifier"/>, answers RefreshUploadVideo with the documented fields, and
/// has a few video IDs that trigger error paths.
/// </summary>
internal sealed class TestVodServer : IAsyncDisposable
{
    public const string AccessKeyId = "testid";
    public const string AccessKeySecret = "testsecret";
    public const string KnownVideo = "c6a23a870c8c4ffcd40cbd381333****";
    public const string DamagedVideo = "damaged-video";
    public const string GatewayPageVideo = "gateway-page";
    public const string WrongTypeVideo = "wrong-type";
    public const string SlowVideo = "slow-video";
    public const string UploadSecret = "upload-secret-value";
    public const string UploadToken = "upload-sts-token-value";

    private readonly WebApplication _app;

    private TestVodServer(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public static async Task<TestVodServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        TestVodServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new TestVodServer(app, new Uri(address));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var query = request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty))).ToList();
        var form = request.HasFormContentType
            ? (await request.ReadFormAsync()).SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))).ToList()
            : new List<KeyValuePair<string, string>>();
        var all = query.Concat(form).ToDictionary(p => p.Key, p => p.Value);
        var authorization = request.Headers.Authorization.ToString();

        string version, action, keyId;
        bool valid;
        string? token;
        if (authorization.StartsWith("ACS3-HMAC-SHA256 ", StringComparison.Ordinal))
        {
            version = "V3";
            var fields = authorization["ACS3-HMAC-SHA256 ".Length..].Split(',')
                .Select(f => f.Split('=', 2)).ToDictionary(f => f[0].Trim(), f => f[1]);
            keyId = fields["Credential"];
            var signedHeaders = fields["SignedHeaders"].Split(';')
                .Select(name => (name, name == "host" ? request.Host.Value! : request.Headers[name].ToString())).ToList();
            action = request.Headers["x-acs-action"].ToString();
            token = request.Headers["x-acs-security-token"].FirstOrDefault();
            var expected = IndependentSignatureVerifier.V3(request.Method, query, signedHeaders, request.Headers["x-acs-content-sha256"].ToString(), AccessKeySecret);
            valid = expected == fields["Signature"] && fields["SignedHeaders"].Contains("x-acs-signature-nonce");
        }
        else
        {
            version = "V1";
            keyId = all.GetValueOrDefault("AccessKeyId", string.Empty);
            action = all.GetValueOrDefault("Action", string.Empty);
            token = all.GetValueOrDefault("SecurityToken");
            valid = all.TryGetValue("Signature", out var signature)
                && IndependentSignatureVerifier.V1(request.Method, all, AccessKeySecret) == signature;
        }

        var nonce = version == "V3" ? request.Headers["x-acs-signature-nonce"].ToString() : all.GetValueOrDefault("SignatureNonce", string.Empty);
        Requests.Enqueue(new ReceivedRequest(version, request.Method, action, keyId, token, nonce, all, valid));

        if (keyId != AccessKeyId)
        {
            await Error(context, 404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        }
        else if (!valid)
        {
            await Error(context, 400, "SignatureDoesNotMatch", "Specified signature is not matched with our calculation. server string to sign is:" + request.Method + "&%2F&SecurityToken%3D" + token);
        }
        else if (action != "RefreshUploadVideo")
        {
            await Error(context, 404, "InvalidAction.NotFound", "Specified api is not found, please check your url and method.");
        }
        else
        {
            await RefreshUploadVideo(context, all.GetValueOrDefault("VideoId", string.Empty));
        }
    }

    private static async Task RefreshUploadVideo(HttpContext context, string videoId)
    {
        switch (videoId)
        {
            case KnownVideo:
                var address = Base64Json(new { Endpoint = "https://oss-cn-shanghai.aliyuncs.com", Bucket = "in-201703232118266-5sejdln9o", FileName = "sv/5a6b2c5b-1792/5a6b2c5b-1792.mp4" });
                var auth = Base64Json(new { AccessKeyId = "STS.upload-key", AccessKeySecret = UploadSecret, SecurityToken = UploadToken, Expiration = "3600", ExpireUTCTime = "2026-11-25T10:00:00Z", Region = "cn-shanghai", Unknown = new[] { 1 } });
                await Json(context, 200, new { RequestId = "25818875-5F78-4A43-7DF6-D7393642****", UploadAddress = address, VideoId = videoId, UploadAuth = auth });
                break;
            case DamagedVideo:
                await Error(context, 400, "InvalidVideo.Damaged", "The video has been Damaged.");
                break;
            case GatewayPageVideo:
                context.Response.StatusCode = 502;
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><head><title>502 Bad Gateway</title></head><body>upstream unavailable</body></html>");
                break;
            case WrongTypeVideo:
                await Json(context, 200, new { RequestId = "r", UploadAddress = 12345 });
                break;
            case SlowVideo:
                await Task.Delay(TimeSpan.FromSeconds(5), context.RequestAborted).ContinueWith(_ => { });
                break;
            default:
                await Error(context, 404, "InvalidVideo.NotFound", "The video not exist.");
                break;
        }
    }

    private static string Base64Json(object value) => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(value));

    private static Task Error(HttpContext context, int status, string code, string message)
        => Json(context, status, new { RequestId = Guid.NewGuid().ToString("D").ToUpperInvariant(), HostId = "vod.cn-shanghai.aliyuncs.com", Code = code, Message = message, Recommend = "https://api.aliyun.com/troubleshoot?q=" + code });

    private static async Task Json(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json;charset=utf-8";
        await context.Response.Body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(body));
    }
}

internal sealed record ReceivedRequest(
    string SignatureVersion,
    string Method,
    string Action,
    string AccessKeyId,
    string? SecurityToken,
    string Nonce,
    IReadOnlyDictionary<string, string> Parameters,
    bool SignatureValid);
