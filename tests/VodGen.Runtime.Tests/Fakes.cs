using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using VodGen.Signing;
using VodGen.GeneratedCode;

namespace VodGen.Runtime.Tests;

/// <summary>A one-parameter operation written by hand, standing in for generated code.</summary>
internal sealed class EchoOperation(int? perAccountQps = null, string action = "Echo", bool idempotent = true, VodEndpointTable? endpoints = null)
    : VodOperation<EchoRequest, EchoResponse>(new VodOperationInfo(
        action,
        "2017-03-21",
        VodHttpMethod.Post,
        endpoints ?? new VodEndpointTable("vod", Array.Empty<KeyValuePair<string, string>>()),
        perAccountQps is { } qps ? new VodQpsLimit(qps, Array.Empty<KeyValuePair<string, int>>()) : null) { IsIdempotent = idempotent })
{
    public override void Validate(EchoRequest request) => VodRequestValidation.Required(request.Value, "Value");

    public override void WriteParameters(EchoRequest request, ref VodQueryWriter writer)
    {
        writer.WriteCommon(VodCommonParameter.AccessKeyId);
        writer.WriteCommon(VodCommonParameter.Action);
        writer.WriteCommon(VodCommonParameter.Format);
        writer.WriteCommon(VodCommonParameter.SecurityToken);
        writer.WriteCommon(VodCommonParameter.SignatureMethod);
        writer.WriteCommon(VodCommonParameter.SignatureNonce);
        writer.WriteCommon(VodCommonParameter.SignatureVersion);
        writer.WriteCommon(VodCommonParameter.Timestamp);
        writer.Write("Value"u8, request.Value);
        writer.WriteCommon(VodCommonParameter.Version);
    }

    public override EchoResponse ReadResponse(ref Utf8JsonReader reader)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new EchoResponse(document.RootElement.GetProperty("RequestId").GetString()!);
    }
}

internal sealed record EchoRequest(string Value);

internal sealed record EchoResponse(string RequestId);

/// <summary>Answers every request with what the script says for its attempt number, and records what it saw.</summary>
internal sealed class ScriptedHandler(Func<int, HttpResponseMessage> script, TimeProvider? clock = null) : HttpMessageHandler
{
    private int _count;

    public ConcurrentQueue<(DateTimeOffset Time, string? Nonce, string? Signature)> Seen { get; } = new();

    public int Count => Volatile.Read(ref _count);

    /// <summary>Sees each request before it is answered.</summary>
    public Action<HttpRequestMessage>? OnSend { get; init; }

    public static HttpResponseMessage Ok() => Json(HttpStatusCode.OK, "{\"RequestId\":\"r-ok\"}");

    public static HttpResponseMessage Error(HttpStatusCode status, string code, int? retryAfterMs = null)
    {
        var response = Json(status, $"{{\"RequestId\":\"r-err\",\"Code\":\"{code}\",\"Message\":\"m\"}}");
        if (retryAfterMs is { } ms)
        {
            response.Headers.Add("x-acs-retry-after", ms.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return response;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string body)
        => new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _count);
        OnSend?.Invoke(request);
        var headers = request.Headers;
        var nonce = headers.TryGetValues("x-acs-signature-nonce", out var n) ? n.Single() : null;
        var signature = headers.TryGetValues("Authorization", out var authorization) ? authorization.Single() : null;
        // V1 signs a form; V3 sends an empty body and signs headers.
        if (request.Content?.Headers.ContentType?.MediaType == "application/x-www-form-urlencoded")
        {
            var form = await request.Content.ReadAsStringAsync(cancellationToken);
            var pairs = form.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
            nonce = pairs.GetValueOrDefault("SignatureNonce");
            signature = pairs.GetValueOrDefault("Signature");
        }

        Seen.Enqueue(((clock ?? TimeProvider.System).GetUtcNow(), nonce, signature));
        return script(attempt);
    }
}

internal static class TestClients
{
    public static VodClient Create(HttpMessageHandler handler, Action<VodClientOptions>? configure = null, VodSignatureVersion version = VodSignatureVersion.V3)
    {
        var options = new VodClientOptions
        {
            Endpoint = new Uri("http://127.0.0.1:9/"),
            Credentials = new StaticCredentialsProvider("key", "secret"),
            SignatureVersion = version,
            Retry = { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromSeconds(2) },
        };
        configure?.Invoke(options);
        return new VodClient(options, new HttpClient(handler));
    }
}
