using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VodGen.Testing;

/// <summary>
/// A realistic, deterministic product spec in the shape of official api-docs.json: hundreds of operations using
/// every construct VodGen supports, with hostile names and descriptions. Shared by tests and benchmarks.
/// </summary>
public static class SyntheticProduct
{
    private static readonly string[] Prose =
    {
        "Plain text.",
        "Markdown **bold**, `code`, [link](~~12345~~) and a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |",
        "Angle <brackets> & ampersands, \"quotes\" and 'apostrophes'.",
        "A comment closer */ and an opener /* and a doc tag </summary><script>",
        "Non-ASCII: 视频点播 – café – 🎬 – \u00a0nbsp.",
        "Backslashes \\ and a trailing newline\n",
        "Line one\r\nLine two\n\n\nAfter blank lines\t(tab).",
    };

    /// <summary>The spec text with <paramref name="operations"/> operations.</summary>
    public static string Create(int operations = 300, string product = "synth", string version = "2026-01-01")
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("version", "1.0");
            json.WriteStartObject("info");
            json.WriteString("style", "RPC");
            json.WriteString("product", product);
            json.WriteString("version", version);
            json.WriteEndObject();
            json.WriteStartArray("endpoints");
            foreach (var region in new[] { "cn-shanghai", "cn-beijing", "eu-central-1" })
            {
                json.WriteStartObject();
                json.WriteString("regionId", region);
                json.WriteString("endpoint", $"{product}.{region}.aliyuncs.com");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("apis");
            for (var i = 0; i < operations; i++)
            {
                WriteOperation(json, i);
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string Text(int i) => Prose[i % Prose.Length];

    private static void WriteOperation(Utf8JsonWriter json, int i)
    {
        var verbs = new[] { "Describe", "Get", "List", "Create", "Update", "Delete", "Submit", "Refresh" };
        json.WriteStartObject(verbs[i % verbs.Length] + "Thing" + i.ToString(CultureInfo.InvariantCulture));
        json.WriteString("summary", Text(i));
        json.WriteString("description", Text(i + 3));
        json.WriteStartArray("methods");
        json.WriteStringValue(i % 3 == 0 ? "get" : "post");
        json.WriteEndArray();
        if (i % 17 == 0)
        {
            json.WriteBoolean("deprecated", true);
        }

        if (i % 5 == 0)
        {
            json.WriteStartObject("x-vodgen-qps");
            json.WriteNumber("perAccount", 20 + i);
            json.WriteStartObject("regions");
            json.WriteNumber("eu-central-1", 10);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteStartArray("parameters");
        WriteParameter(json, "Id", "string", required: true, i);
        WriteParameter(json, "PageSize", "integer", required: false, i, format: "int32", minimum: 1, maximum: 100);
        WriteParameter(json, "PageNumber", "integer", required: false, i, format: "int64", minimum: 1);
        WriteParameter(json, "Ratio", "number", required: false, i, format: "double", minimum: 0, maximum: 1.5);
        WriteParameter(json, "Enabled", "boolean", required: false, i);
        WriteParameter(json, "Mode", "string", required: false, i, enumValues: new[] { "fast", "slow", "auto" });
        WriteParameter(json, "Title", "string", required: i % 4 == 0, i, maxLength: 128, pattern: i % 2 == 0 ? "^[^<>]{1,128}$" : null);
        WriteParameter(json, "class", "string", required: false, i);
        WriteParameter(json, "2ndPass", "boolean", required: false, i);
        WriteParameter(json, "Cdn.Domain-Name", "string", required: false, i, deprecated: i % 3 == 0);

        // Tag.N.Key / Tag.N.Value
        StartStyledParameter(json, "Tag", "repeatList");
        json.WriteString("type", "array");
        json.WriteNumber("maxItems", 20);
        json.WriteStartObject("items");
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        json.WriteStartObject("Key");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteStartObject("Value");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        // Ids.N
        StartStyledParameter(json, "Ids", "repeatList");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "integer");
        json.WriteString("format", "int64");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        // A JSON-style array of objects and a JSON-style object.
        StartStyledParameter(json, "Rules", "json");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        json.WriteStartObject("Field");
        json.WriteString("type", "string");
        json.WriteString("description", Text(i + 1));
        json.WriteEndObject();
        json.WriteStartObject("Weights");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "number");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();

        StartStyledParameter(json, "Options", "json");
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        json.WriteStartObject("Depth");
        json.WriteString("type", "integer");
        json.WriteEndObject();
        json.WriteStartObject("Labels");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "string");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();

        WriteResponse(json, i);
        WriteErrors(json, i);
        json.WriteEndObject();
    }

    // Opens { "name": ..., "in": "query", "style": ..., "schema": { ; the caller closes both objects.
    private static void StartStyledParameter(Utf8JsonWriter json, string name, string style)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("in", "query");
        json.WriteString("style", style);
        json.WriteStartObject("schema");
    }

    private static void WriteParameter(Utf8JsonWriter json, string name, string type, bool required, int i, string? format = null, double? minimum = null, double? maximum = null, string[]? enumValues = null, int? maxLength = null, string? pattern = null, bool deprecated = false)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("in", "query");
        json.WriteStartObject("schema");
        json.WriteString("description", Text(i + name.Length));
        json.WriteString("type", type);
        if (format is not null)
        {
            json.WriteString("format", format);
        }

        json.WriteBoolean("required", required);
        if (minimum is { } min)
        {
            json.WriteNumber("minimum", min);
        }

        if (maximum is { } max)
        {
            json.WriteNumber("maximum", max);
        }

        if (maxLength is { } length)
        {
            json.WriteNumber("maxLength", length);
        }

        if (pattern is not null)
        {
            json.WriteString("pattern", pattern);
        }

        if (enumValues is not null)
        {
            json.WriteStartArray("enum");
            foreach (var value in enumValues)
            {
                json.WriteStringValue(value);
            }

            json.WriteEndArray();
        }

        if (deprecated)
        {
            json.WriteBoolean("deprecated", true);
        }

        json.WriteString("example", type == "string" ? "example-" + name : "1");
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResponse(Utf8JsonWriter json, int i)
    {
        json.WriteStartObject("responses");
        json.WriteStartObject("200");
        json.WriteStartObject("schema");
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        Scalar(json, "RequestId", "string");
        Scalar(json, "TotalCount", "integer", "int64");
        Scalar(json, "Rate", "number");
        Scalar(json, "Done", "boolean");
        Scalar(json, "name", "string");
        Scalar(json, "Name", "string");
        Scalar(json, "event", "string");

        // Items: { Item: [ { ..., Item: {...}, Sub: [ ... ] } ] }, with a member named like its enclosing type.
        json.WriteStartObject("Items");
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        json.WriteStartObject("Item");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "object");
        json.WriteStartObject("properties");
        Scalar(json, "Id", "string");
        Scalar(json, "Size", "integer", "int32");
        Scalar(json, "ItemItem", "string");
        json.WriteStartObject("Sub");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "array");
        json.WriteStartObject("items");
        json.WriteString("type", "string");
        json.WriteEndObject(); // inner items
        json.WriteEndObject(); // outer items
        json.WriteEndObject(); // Sub
        json.WriteEndObject(); // element properties
        json.WriteEndObject(); // element schema
        json.WriteEndObject(); // Item
        json.WriteEndObject(); // Items properties
        json.WriteEndObject(); // Items

        if (i % 4 == 1)
        {
            json.WriteStartObject("Secret");
            json.WriteString("type", "string");
            json.WriteBoolean("x-vodgen-secret", true);
            json.WriteString("x-vodgen-encoding", "base64-json");
            json.WriteStartObject("x-vodgen-schema");
            json.WriteString("type", "object");
            json.WriteStartObject("properties");
            Scalar(json, "Token", "string");
            json.WriteStartObject("Ttl");
            json.WriteString("type", "string");
            json.WriteString("x-vodgen-format", "duration-seconds");
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Scalar(Utf8JsonWriter json, string name, string type, string? format = null)
    {
        json.WriteStartObject(name);
        json.WriteString("type", type);
        if (format is not null)
        {
            json.WriteString("format", format);
        }

        json.WriteEndObject();
    }

    private static void WriteErrors(Utf8JsonWriter json, int i)
    {
        if (i % 2 == 0)
        {
            json.WriteStartObject("errorCodes");
            json.WriteStartArray("400");
            json.WriteStartObject();
            json.WriteString("errorCode", "Invalid.Thing" + (i % 7).ToString(CultureInfo.InvariantCulture));
            json.WriteString("errorMessage", Text(i));
            json.WriteEndObject();
            json.WriteStartObject();
            json.WriteString("errorCode", "invalid-thing");
            json.WriteString("errorMessage", "lower-case code");
            json.WriteEndObject();
            json.WriteStartObject();
            json.WriteString("errorCode", "Invalid_Thing");
            json.WriteString("errorMessage", "collides with the one above once made an identifier");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }
        else
        {
            json.WriteString("extraInfo", "## Common errors\n\n| Error code | Error message | HTTP status code | Description |\n| --- | --- | --- | --- |\n| Thing.NotFound | The thing \\| does not exist. | 404 | " + Text(i).Replace("\n", " ").Replace("|", "\\|") + " |\n| Throttling.Thing | Slow down. | 503 | |");
        }
    }
}
