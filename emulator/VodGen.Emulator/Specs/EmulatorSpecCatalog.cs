using VodGen.Emulator.Gateway;
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
        try
        {
            using var document = JsonDocument.Parse(stream, Options);
            var root = document.RootElement;
            var info = root.GetProperty("info");
            var product = info.GetProperty("product").GetString()!;
            var version = info.GetProperty("version").GetString()!;
            foreach (var api in root.GetProperty("apis").EnumerateObject())
            {
                operations[api.Name] = ReadOperation(api.Name, product, version, api.Value);
            }
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidDataException($"The spec '{source}' cannot be read: {exception.Message}", exception);
        }
    }

    private static EmulatorOperation ReadOperation(string action, string product, string version, JsonElement api)
    {
        var parameters = new List<EmulatorParameter>();
        if (api.TryGetProperty("parameters", out var list))
        {
            foreach (var parameter in list.EnumerateArray())
            {
                var schema = parameter.GetProperty("schema");
                var type = schema.TryGetProperty("type", out var t) ? t.GetString() ?? "string" : "string";
                var required = (schema.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True)
                    || (parameter.TryGetProperty("required", out var pr) && pr.ValueKind == JsonValueKind.True);
                var style = parameter.TryGetProperty("style", out var s) ? s.GetString() ?? string.Empty : string.Empty;
                var itemType = schema.TryGetProperty("items", out var items) && items.TryGetProperty("type", out var it) ? it.GetString() ?? "string" : string.Empty;
                parameters.Add(new EmulatorParameter(parameter.GetProperty("name").GetString()!, type, required, style, itemType)
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
            perAccount = qps.GetProperty("perAccount").GetInt32();
            if (qps.TryGetProperty("regions", out var byRegion))
            {
                foreach (var region in byRegion.EnumerateObject())
                {
                    regions[region.Name] = region.Value.GetInt32();
                }
            }
        }

        JsonElement? response = api.TryGetProperty("responses", out var responses) && responses.TryGetProperty("200", out var ok) && ok.TryGetProperty("schema", out var schemaElement)
            ? schemaElement.Clone()
            : null;
        var errors = new Dictionary<string, GatewayError>(StringComparer.Ordinal);
        if (api.TryGetProperty("errorCodes", out var table) && table.ValueKind == JsonValueKind.Object)
        {
            foreach (var status in table.EnumerateObject())
            {
                foreach (var row in status.Value.EnumerateArray())
                {
                    var code = row.GetProperty("errorCode").GetString()!;
                    var message = row.TryGetProperty("errorMessage", out var m) ? m.GetString() ?? code : code;
                    errors.TryAdd(code, new GatewayError(int.Parse(status.Name, System.Globalization.CultureInfo.InvariantCulture), code, message));
                }
            }
        }

        return new EmulatorOperation(action, product, version, parameters, perAccount, regions.ToFrozenDictionary(), response, errors.ToFrozenDictionary(StringComparer.Ordinal));
    }

    // Official metadata writes numbers as numbers or as text.
    private static double? Number(JsonElement schema, string name)
        => !schema.TryGetProperty(name, out var value) ? null
            : value.ValueKind == JsonValueKind.Number ? value.GetDouble()
            : value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed
            : null;
}
