using System.Text.Json;

namespace VodGen.Credentials;

/// <summary>How credential sources read a string field of a JSON object: its value, or null when absent or not a string.</summary>
internal static class JsonText
{
    public static string? Of(JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
