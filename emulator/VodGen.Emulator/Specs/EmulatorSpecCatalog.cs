using VodGen.Emulator.Gateway;
using VodGen.Emulator.Media;
using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace VodGen.Emulator.Specs;

/// <summary>
/// The operations the emulator serves: the spec files embedded in it, plus any read from extra folders
/// (a later file replaces an operation of the same name). Only what validation needs is read.
/// </summary>
public sealed class EmulatorSpecCatalog
{
    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private readonly FrozenDictionary<string, EmulatorOperation> _operations;

    private EmulatorSpecCatalog(Dictionary<string, EmulatorOperation> operations) => _operations = operations.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every known operation by name.</summary>
    public IReadOnlyDictionary<string, EmulatorOperation> Operations => _operations;

    /// <summary>Loads the embedded specs and then every <c>*.json</c> (except <c>*.schema.json</c>) in <paramref name="folders"/>.</summary>
    /// <exception cref="InvalidDataException">A spec file cannot be read; the message names the file and the problem.</exception>
    public static EmulatorSpecCatalog Load(IEnumerable<string> folders)
    {
        var operations = new Dictionary<string, EmulatorOperation>(StringComparer.Ordinal);
        var assembly = typeof(EmulatorSpecCatalog).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("specs/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            Read(name, stream, operations);
        }

        foreach (var folder in folders)
        {
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"The spec folder '{folder}' does not exist.");
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal))
            {
                using var stream = File.OpenRead(file);
                Read(file, stream, operations);
            }
        }

        return new EmulatorSpecCatalog(operations);
    }

    private static void Read(string source, Stream stream, Dictionary<string, EmulatorOperation> operations)
    {
        // Where reading has got to, so that an error names the key as well as the file.
        var at = new Cursor();
        try
        {
            using var document = JsonDocument.Parse(stream, Options);
            var root = document.RootElement;
            at.Key = "info";
            var info = root.GetProperty("info");
            at.Key = "info.product";
            var product = Text(info.GetProperty("product"));
            at.Key = "info.version";
            var version = Text(info.GetProperty("version"));
            at.Key = "apis";
            foreach (var api in root.GetProperty("apis").EnumerateObject())
            {
                at.Key = "apis." + api.Name;
                var operation = ReadOperation(api.Name, product, version, api.Value, at);

                // Answer once now, so that a response shape the emulator cannot fill fails here, not as an HTTP 500 later.
                at.Key = $"apis.{api.Name}.responses";
                _ = SampleResponder.Answer(operation);
                operations[api.Name] = operation;
            }
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The spec '{source}' is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}).", exception);
        }
        catch (Exception exception) when (exception is KeyNotFoundException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            var why = exception is KeyNotFoundException ? "a required key is missing" : "a value has the wrong type or form";
            throw new InvalidDataException($"The spec '{source}' cannot be read at '{at.Key}': {why}.", exception);
        }
    }

    private sealed class Cursor
    {
        public string Key { get; set; } = string.Empty;
    }

    private static EmulatorOperation ReadOperation(string action, string product, string version, JsonElement api, Cursor at)
    {
        var parameters = new List<EmulatorParameter>();
        var prefix = at.Key;
        if (api.TryGetProperty("parameters", out var list))
        {
            var index = 0;
            foreach (var parameter in list.EnumerateArray())
            {
                at.Key = $"{prefix}.parameters[{index++}]";
                var schema = parameter.GetProperty("schema");
                var type = schema.TryGetProperty("type", out var t) ? t.GetString() ?? "string" : "string";
                var required = (schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True)
                    || (parameter.TryGetProperty("required", out var pr) && pr.ValueKind == JsonValueKind.True);
                var style = parameter.TryGetProperty("style", out var s) ? s.GetString() ?? string.Empty : string.Empty;
                var itemType = schema.TryGetProperty("items", out var items) && items.TryGetProperty("type", out var it) ? it.GetString() ?? "string" : string.Empty;
                parameters.Add(new EmulatorParameter(Text(parameter.GetProperty("name")), type, required, style, itemType)
                {
                    Enum = schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array
                        ? values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToArray()
                        : [],
                    Bounds = (Number(schema, "minimum"), Number(schema, "maximum")),
                    Length = ((int?)Number(schema, "minLength"), (int?)Number(schema, "maxLength")),
                });
            }
        }

        int? perAccount = null;
        var regions = new Dictionary<string, int>(StringComparer.Ordinal);
        if (api.TryGetProperty("x-vodgen-qps", out var qps))
        {
            at.Key = prefix + ".x-vodgen-qps.perAccount";
            perAccount = Positive(qps.GetProperty("perAccount").GetInt32());
            if (qps.TryGetProperty("regions", out var byRegion))
            {
                foreach (var region in byRegion.EnumerateObject())
                {
                    at.Key = $"{prefix}.x-vodgen-qps.regions.{region.Name}";
                    regions[region.Name] = Positive(region.Value.GetInt32());
                }
            }
        }

        at.Key = prefix + ".responses";

        JsonElement? response = api.TryGetProperty("responses", out var responses) && responses.TryGetProperty("200", out var ok) && ok.TryGetProperty("schema", out var schemaElement)
            ? schemaElement.Clone()
            : null;
        var errors = new Dictionary<string, GatewayError>(StringComparer.Ordinal);
        if (api.TryGetProperty("errorCodes", out var table) && table.ValueKind == JsonValueKind.Object)
        {
            foreach (var status in table.EnumerateObject())
            {
                // Some official tables are keyed by non-HTTP numbers (600, 2014): those codes cannot be answered over HTTP.
                at.Key = $"{prefix}.errorCodes.{status.Name}";
                if (HttpStatus(status.Name) is not { } httpStatus)
                {
                    continue;
                }

                var rowIndex = 0;
                foreach (var row in status.Value.EnumerateArray())
                {
                    at.Key = $"{prefix}.errorCodes.{status.Name}[{rowIndex++}]";
                    var code = Text(row.GetProperty("errorCode"));
                    var message = row.TryGetProperty("errorMessage", out var m) ? m.GetString() ?? code : code;
                    errors.TryAdd(code, new GatewayError(httpStatus, code, message));
                }
            }
        }

        return new EmulatorOperation(action, product, version, parameters, perAccount, regions.ToFrozenDictionary(), response, errors.ToFrozenDictionary(StringComparer.Ordinal));
    }

    private static string Text(JsonElement element)
        => element.ValueKind == JsonValueKind.String && element.GetString() is { Length: > 0 } text ? text : throw new FormatException("Text expected.");

    private static int? HttpStatus(string text)
        => int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var status)
            ? status is >= 400 and <= 599 ? status : null
            : throw new FormatException("Error tables must be keyed by a status number.");

    private static int Positive(int value) => value > 0 ? value : throw new FormatException("A rate limit must be positive.");

    // Official metadata writes numbers as numbers or as text.
    private static double? Number(JsonElement schema, string name)
        => !schema.TryGetProperty(name, out var value) ? null
            : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
            : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed
            : null;
}
