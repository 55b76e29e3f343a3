using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace VodGen.Server.Events;

/// <summary>
/// The <c>UserData</c> of an upload or processing request: a callback URL for this media's events, and <c>Extend</c>
/// values that come back in every event of it (<see cref="VodEvent.Extend"/>). <see cref="ToJson"/> checks the sizes
/// the service allows before anything is sent.
/// </summary>
public sealed class VodUserData
{
    /// <summary>The largest <c>Extend</c> the service keeps, in bytes of JSON.</summary>
    public const int MaxExtendBytes = 512;

    /// <summary>Where this media's events are posted instead of the application's callback URL, or null.</summary>
    public string? CallbackUrl { get; set; }

    /// <summary>Values returned in every event of this media (for example your own ID for the upload).</summary>
    public IDictionary<string, string> Extend { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The JSON to put in a request's <c>UserData</c> parameter.</summary>
    /// <exception cref="ArgumentException">The callback URL is not an absolute http(s) URL, or Extend is larger than <see cref="MaxExtendBytes"/>.</exception>
    public string ToJson()
    {
        if (CallbackUrl is not null && (!Uri.TryCreate(CallbackUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"VodUserData.CallbackUrl '{CallbackUrl}' is not an absolute http(s) URL.");
        }

        var extend = Extend.Count == 0 ? null : ExtendJson();
        if (extend is { Length: > MaxExtendBytes })
        {
            throw new ArgumentException($"VodUserData.Extend is {extend.Length} bytes of JSON; the service keeps at most {MaxExtendBytes}. Keep an ID there and the rest in your own store.");
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (CallbackUrl is not null)
            {
                writer.WriteStartObject("MessageCallback");
                writer.WriteString("CallbackURL", CallbackUrl);
                writer.WriteEndObject();
            }

            if (extend is not null)
            {
                writer.WritePropertyName("Extend");
                writer.WriteRawValue(extend);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The values of an event's <see cref="VodEvent.Extend"/> (string values as written; others as their JSON text).</summary>
    /// <exception cref="VodEventFormatException">The text is not a JSON object.</exception>
    public static IReadOnlyDictionary<string, string> ReadExtend(string? extendJson)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(extendJson))
        {
            return values;
        }

        try
        {
            using var document = JsonDocument.Parse(extendJson, new JsonDocumentOptions { MaxDepth = 8 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new VodEventFormatException($"Extend is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object.");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }
        catch (JsonException exception)
        {
            throw new VodEventFormatException("Extend is not valid JSON.", exception);
        }

        return values;
    }

    private string ExtendJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in Extend)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
