using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace VodGen.Emulator.Control;

/// <summary>
/// The emulator's control API under <c>/_emulator/</c> on its API port, for tests written with any language's SDK
/// (as Azurite's is for Azure Storage): what it is and which key it accepts, its videos, completing an upload without
/// bytes, faults, and a reset. JSON in and out; 127.0.0.1 only, like the emulator; no signature (it is not VOD's API).
/// </summary>
internal sealed class EmulatorControl(VodEmulator emulator)
{
    public const string Prefix = "/_emulator";
    private const int MaxBody = 64 * 1024;

    public static bool Handles(HttpRequest request) => request.Path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value![Prefix.Length..].TrimEnd('/');
        try
        {
            switch (request.Method, path)
            {
                case ("GET", "/info"):
                    await WriteAsync(context, 200, writer => Info(writer));
                    return;
                case ("GET", "/videos"):
                    await WriteAsync(context, 200, Videos);
                    return;
                case ("POST", "/reset"):
                    Reset();
                    context.Response.StatusCode = 204;
                    return;
                case ("PUT", "/faults"):
                    emulator.Faults = await ReadFaultsAsync(request, context.RequestAborted);
                    context.Response.StatusCode = 204;
                    return;
                case ("PUT", "/storage-faults"):
                    await ApplyStorageFaultsAsync(request, context.RequestAborted);
                    context.Response.StatusCode = 204;
                    return;
                case ("POST", _) when path.StartsWith("/videos/", StringComparison.Ordinal) && path.EndsWith("/complete-upload", StringComparison.Ordinal):
                {
                    var videoId = path["/videos/".Length..^"/complete-upload".Length];
                    using var body = await ReadAsync(request, context.RequestAborted);
                    var size = body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("size", out var s) ? s.GetInt64() : 1024 * 1024;
                    if (!emulator.Storage.CompleteWithoutBytes(videoId, size))
                    {
                        await ProblemAsync(context, 404, $"The emulator has no video '{videoId}'.");
                        return;
                    }

                    context.Response.StatusCode = 204;
                    return;
                }

                default:
                    await ProblemAsync(context, 404, $"No control operation {request.Method} {request.Path}; see {Prefix}/info and the emulator's README.");
                    return;
            }
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            await ProblemAsync(context, 400, exception.Message);
        }
    }

    private void Info(Utf8JsonWriter writer)
    {
        writer.WriteString("endpoint", emulator.Endpoint.ToString());
        writer.WriteString("storageEndpoint", emulator.Storage.Endpoint.ToString());
        writer.WriteString("regionId", emulator.RegionId);
        writer.WriteString("accessKeyId", EmulatorCredential.Default.AccessKeyId);
        writer.WriteString("accessKeySecret", EmulatorCredential.Default.AccessKeySecret); // a well-known test key
        writer.WriteStartArray("operations");
        foreach (var name in emulator.Specs.Operations.Keys.Order(StringComparer.Ordinal))
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
    }

    private void Videos(Utf8JsonWriter writer)
    {
        writer.WriteStartArray("videos");
        foreach (var video in emulator.Store.Videos.OrderBy(v => v.CreationTime))
        {
            writer.WriteStartObject();
            writer.WriteString("videoId", video.VideoId);
            writer.WriteString("title", video.Title);
            writer.WriteString("status", video.Status);
            writer.WriteNumber("size", video.Size);
            writer.WriteString("creationTime", video.CreationTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private void Reset()
    {
        emulator.Store.Clear();
        emulator.Storage.ForgetUploads();
        emulator.Storage.ClearFaults();
        emulator.Faults = EmulatorFaults.None;
        emulator.Log.Clear();
    }

    // {"latencyMs":0,"serverErrorRate":0,"throttlingRate":0,"dropConnectionRate":0,"gatewayPageRate":0,"seed":1}
    private static async Task<EmulatorFaults> ReadFaultsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = await ReadAsync(request, cancellationToken);
        var faults = EmulatorFaults.None;
        foreach (var property in Object(body).EnumerateObject())
        {
            faults = property.Name switch
            {
                "latencyMs" => faults with { Latency = TimeSpan.FromMilliseconds(property.Value.GetDouble()) },
                "serverErrorRate" => faults with { ServerErrorRate = property.Value.GetDouble() },
                "throttlingRate" => faults with { ThrottlingRate = property.Value.GetDouble() },
                "dropConnectionRate" => faults with { DropConnectionRate = property.Value.GetDouble() },
                "gatewayPageRate" => faults with { GatewayPageRate = property.Value.GetDouble() },
                "seed" => faults with { Seed = property.Value.GetInt32() },
                _ => throw new ArgumentException($"Unknown fault '{property.Name}'; known: latencyMs, serverErrorRate, throttlingRate, dropConnectionRate, gatewayPageRate, seed."),
            };
        }

        faults.Validate();
        return faults;
    }

    // {"failNext":2,"failStatus":503,"dropNextParts":1,"expireCredentials":true,"expireCredentialsAfterParts":3}
    private async Task ApplyStorageFaultsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = await ReadAsync(request, cancellationToken);
        var root = Object(body);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name is not ("failNext" or "failStatus" or "dropNextParts" or "expireCredentials" or "expireCredentialsAfterParts"))
            {
                throw new ArgumentException($"Unknown storage fault '{property.Name}'; known: failNext, failStatus, dropNextParts, expireCredentials, expireCredentialsAfterParts.");
            }
        }

        var storage = emulator.Storage;
        if (root.TryGetProperty("failNext", out var failNext))
        {
            storage.FailNext(failNext.GetInt32(), root.TryGetProperty("failStatus", out var status) ? status.GetInt32() : 503);
        }

        if (root.TryGetProperty("dropNextParts", out var drop))
        {
            storage.DropNextParts(drop.GetInt32());
        }

        if (root.TryGetProperty("expireCredentials", out var expire) && expire.GetBoolean())
        {
            storage.ExpireCredentials();
        }

        if (root.TryGetProperty("expireCredentialsAfterParts", out var after))
        {
            storage.ExpireCredentialsAfterParts(after.GetInt32());
        }
    }

    private static JsonElement Object(JsonDocument body)
        => body.RootElement.ValueKind == JsonValueKind.Object ? body.RootElement : throw new ArgumentException("The body must be a JSON object.");

    private static async Task<JsonDocument> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                throw new ArgumentException($"The body is over {MaxBody} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == 0 ? JsonDocument.Parse("{}") : JsonDocument.Parse(buffer.ToArray());
    }

    private static async Task WriteAsync(HttpContext context, int status, Action<Utf8JsonWriter> write, string contentType = "application/json; charset=utf-8")
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps messages readable (quotes, apostrophes); the answer is JSON, never HTML.
        await using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }

    private static Task ProblemAsync(HttpContext context, int status, string detail)
        => WriteAsync(
            context,
            status,
            writer =>
            {
                writer.WriteString("title", status == 404 ? "Not found" : "Bad request");
                writer.WriteNumber("status", status);
                writer.WriteString("detail", detail);
            },
            "application/problem+json");
}
