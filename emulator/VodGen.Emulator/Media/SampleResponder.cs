using System.Text.Json;
using System.Text.Json.Nodes;
using VodGen.Emulator.Specs;

namespace VodGen.Emulator.Media;

/// <summary>
/// Answers an operation that has no behaviour of its own in the emulator: the spec's response shape filled with
/// its examples (or neutral values), so any spec file dropped in is served at once.
/// </summary>
internal static class SampleResponder
{
    public static JsonObject Answer(EmulatorOperation operation)
        => operation.ResponseSchema is { } schema && Sample(schema, depth: 0) is JsonObject body ? WithoutRequestId(body) : new JsonObject();

    private static JsonObject WithoutRequestId(JsonObject body)
    {
        body.Remove("RequestId");
        return body;
    }

    private static JsonNode? Sample(JsonElement schema, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        var type = schema.TryGetProperty("type", out var t) ? t.GetString() : schema.TryGetProperty("properties", out _) ? "object" : "string";
        var example = schema.TryGetProperty("example", out var e) ? e : default;
        switch (type)
        {
            case "object":
                var result = new JsonObject();
                if (schema.TryGetProperty("properties", out var properties))
                {
                    foreach (var property in properties.EnumerateObject())
                    {
                        result[property.Name] = Sample(property.Value, depth + 1);
                    }
                }

                return result;
            case "array":
                return schema.TryGetProperty("items", out var items) ? new JsonArray(Sample(items, depth + 1)) : new JsonArray();
            case "integer":
                return long.TryParse(Text(example), out var whole) ? whole : 0;
            case "number":
                return double.TryParse(Text(example), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 0.0;
            case "boolean":
                return Text(example) == "true";
            default:
                return Text(example) ?? string.Empty;
        }
    }

    private static string? Text(JsonElement example) => example.ValueKind switch
    {
        JsonValueKind.String => example.GetString(),
        JsonValueKind.Undefined or JsonValueKind.Null => null,
        _ => example.GetRawText(),
    };
}
