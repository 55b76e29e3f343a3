using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace VodGen.AspNetCore.Uploads;

/// <summary>
/// Reads what a page sends to the endpoints: a small JSON object (at most 16 KB), fields by name, each of the kind it
/// must be. A wrong body is a <see cref="UploadRefusal"/> that names the field.
/// </summary>
internal static class UploadRequestReader
{
    private const int MaxBody = 16 * 1024;

    public static async Task<JsonDocument> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentType is not { } type || !type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            // Only JSON: a cross-site form or text/plain post cannot reach the endpoint without a CORS preflight.
            throw new UploadRefusal(415, "JSON only", "Send the request as application/json.");
        }

        if (request.ContentLength > MaxBody)
        {
            throw new UploadRefusal(413, "Request too large", $"The request body is at most {MaxBody} bytes.");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                throw new UploadRefusal(413, "Request too large", $"The request body is at most {MaxBody} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new UploadRefusal(400, "Invalid request", "The body must be a JSON object.");
            }

            return document;
        }
        catch (JsonException)
        {
            throw new UploadRefusal(400, "Invalid request", "The body is not valid JSON.");
        }
    }

    public static string? Text(JsonElement body, string name, int maxLength, bool required = false)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new UploadRefusal(400, "Invalid request", $"'{name}' is required.") : null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new UploadRefusal(400, "Invalid request", $"'{name}' must be a string.");
        }

        var text = value.GetString()!.Trim();
        if (text.Length == 0)
        {
            return required ? throw new UploadRefusal(400, "Invalid request", $"'{name}' must not be empty.") : null;
        }

        return text.Length > maxLength ? throw new UploadRefusal(400, "Invalid request", $"'{name}' is longer than {maxLength} characters.") : text;
    }

    public static long? Number(JsonElement body, string name, bool required = false)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? throw new UploadRefusal(400, "Invalid request", $"'{name}' is required.") : null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && number >= 0
            ? number
            : throw new UploadRefusal(400, "Invalid request", $"'{name}' must be a whole number, 0 or more.");
    }

    /// <summary>The extension of a file name, lower case, without the dot; empty when it has none.</summary>
    public static string ExtensionOf(string fileName)
        => Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
}

/// <summary>A request the endpoints refuse, with what the problem details say (never a secret, never another user's data).</summary>
internal sealed class UploadRefusal(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;

    public string Title { get; } = title;
}
