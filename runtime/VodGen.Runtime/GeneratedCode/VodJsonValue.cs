using System.ComponentModel;
using System.Text.Json;

namespace VodGen.GeneratedCode;

/// <summary>Writes raw JSON values (schemas of type <c>any</c>) for generated code.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VodJsonValue
{
    /// <summary>Writes <paramref name="value"/> as it is; an undefined (default) element is written as null.</summary>
    public static void Write(Utf8JsonWriter json, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            json.WriteNullValue();
        }
        else
        {
            value.WriteTo(json);
        }
    }
}
