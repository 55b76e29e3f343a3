using System;
using System.Collections.Generic;
using System.Globalization;
using VodGen.Generator.Diagnostics;
using VodGen.Generator.Model;

namespace VodGen.Generator.Parsing;

/// <summary>Reads one entry of <c>apis</c>: parameters, response, error codes, limits.</summary>
internal static class OperationReader
{
    /// <summary>Names the client writes itself on every RPC request.</summary>
    public static readonly string[] CommonParameterNames =
    {
        "AccessKeyId", "Action", "Format", "SecurityToken", "Signature", "SignatureMethod", "SignatureNonce",
        "SignatureVersion", "Timestamp", "Version",
    };

    public static OperationModel? Read(SpecReadContext context, JsonPropertyNode entry)
    {
        var path = "apis." + entry.Name;
        if (entry.Value is not JsonObjectNode node)
        {
            context.Report(DiagnosticDescriptors.WrongJsonKind, context.Locate(entry.Value), path, "an object", entry.Value.KindName);
            return null;
        }

        if (!Identifiers.IsValidTypeName(entry.Name))
        {
            context.Report(DiagnosticDescriptors.InvalidExtension, context.LocateName(entry), path, $"'{entry.Name}' is not usable as an operation name (letters, digits and underscores, not starting with a digit)");
            return null;
        }

        var parameters = ReadParameters(context, node, path, entry.Name);
        SchemaModel? response = null;
        if (context.Object(node, "responses", path, required: false) is { } responses
            && context.Object(responses, "200", path + ".responses", required: false) is { } ok
            && context.Object(ok, "schema", path + ".responses.200", required: false) is { } schemaNode)
        {
            response = SchemaReader.Read(context, schemaNode, path + ".responses.200.schema");
            if (response is { Kind: not SchemaKind.Object })
            {
                context.Report(DiagnosticDescriptors.WrongJsonKind, context.Locate(schemaNode), path + ".responses.200.schema", "an object schema", "a " + response.Kind.ToString().ToLowerInvariant() + " schema");
                response = null;
            }
        }

        return new OperationModel(
            entry.Name,
            context.String(node, "summary", path) ?? context.String(node, "title", path) ?? string.Empty,
            context.String(node, "description", path) ?? string.Empty,
            ReadMethod(context, node, path),
            context.Boolean(node, "deprecated", path) ?? false,
            parameters,
            response,
            ReadErrors(context, node, path),
            ReadQps(context, node, path),
            PagingReader.Read(context, node, path, parameters, response),
            context.Boolean(node, "x-vodgen-idempotent", path) ?? true);
    }

    private static EquatableArray<ParameterModel> ReadParameters(SpecReadContext context, JsonObjectNode node, string path, string operation)
    {
        var result = new List<ParameterModel>();
        var array = context.Array(node, "parameters", path, required: false);
        if (array is null)
        {
            return EquatableArray<ParameterModel>.Empty;
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Items.Count; i++)
        {
            var itemPath = $"{path}.parameters[{i}]";
            if (array.Items[i] is not JsonObjectNode parameterNode)
            {
                context.Report(DiagnosticDescriptors.WrongJsonKind, context.Locate(array.Items[i]), itemPath, "an object", array.Items[i].KindName);
                continue;
            }

            var name = context.String(parameterNode, "name", itemPath, required: true);
            var schemaNode = context.Object(parameterNode, "schema", itemPath, required: true);
            if (name is null || schemaNode is null)
            {
                continue;
            }

            var nameNode = parameterNode.Find("name")!.Value;
            if (Array.IndexOf(CommonParameterNames, name) >= 0)
            {
                context.Report(DiagnosticDescriptors.ReservedParameterName, context.Locate(nameNode), name, operation);
                continue;
            }

            // Both are kept; the generated class numbers the later one (VideoId2), which the warning says.
            var propertyName = Identifiers.ToPascalCase(name);
            if (seen.TryGetValue(propertyName, out var other))
            {
                context.Report(DiagnosticDescriptors.IdentifierCollision, context.Locate(nameNode), other, name, propertyName);
            }
            else
            {
                seen.Add(propertyName, name);
            }
            var schema = SchemaReader.Read(context, schemaNode, itemPath + ".schema");
            if (schema is null)
            {
                continue;
            }

            var style = ReadStyle(context, parameterNode, itemPath, name, schema);
            if (style is null)
            {
                continue;
            }

            var required = (context.Boolean(schemaNode, "required", itemPath + ".schema") ?? false)
                || (context.Boolean(parameterNode, "required", itemPath) ?? false);
            result.Add(new ParameterModel(name, style.Value, required, schema));
        }

        return result.ToEquatableArray();
    }

    private static ParameterStyle? ReadStyle(SpecReadContext context, JsonObjectNode node, string path, string name, SchemaModel schema)
    {
        var styleText = context.String(node, "style", path);
        var location = node.Find("style") is { } styleProperty ? context.Locate(styleProperty.Value) : context.Locate(node);
        var isScalar = schema.Kind is not (SchemaKind.Array or SchemaKind.Object);
        switch (styleText)
        {
            case null or "simple" or "form":
                // Containers without a style: arrays flatten by index, objects travel as JSON.
                return isScalar ? ParameterStyle.Simple
                    : schema.Kind == SchemaKind.Array ? CheckRepeatList(context, location, name, schema)
                    : ParameterStyle.Json;
            case "json":
                return isScalar ? ParameterStyle.Simple : ParameterStyle.Json;
            case "repeatList" or "flat" when schema.Kind == SchemaKind.Array:
                return CheckRepeatList(context, location, name, schema);
            default:
                context.Report(DiagnosticDescriptors.UnsupportedStyle, location, name, styleText, schema.Kind.ToString().ToLowerInvariant());
                return null;
        }
    }

    // A flattened list holds scalars, or objects whose members are scalars (Name.N.Field).
    private static ParameterStyle? CheckRepeatList(SpecReadContext context, LocationInfo location, string name, SchemaModel schema)
    {
        var items = schema.Items!;
        var supported = items.Kind switch
        {
            SchemaKind.Array => false,
            SchemaKind.Object => AllScalar(items.Properties),
            _ => true,
        };
        if (!supported)
        {
            context.Report(DiagnosticDescriptors.UnsupportedStyle, location, name, "repeatList", "array of nested containers");
            return null;
        }

        return ParameterStyle.RepeatList;
    }

    private static bool AllScalar(EquatableArray<PropertyModel> properties)
    {
        foreach (var property in properties)
        {
            if (property.Schema.Kind is SchemaKind.Array or SchemaKind.Object)
            {
                return false;
            }
        }

        return true;
    }

    private static HttpMethodKind ReadMethod(SpecReadContext context, JsonObjectNode node, string path)
    {
        var methods = context.Array(node, "methods", path, required: false);
        var get = false;
        foreach (var item in methods?.Items ?? new List<JsonTreeNode>())
        {
            if (item is JsonScalarNode { Kind: JsonScalarKind.String } scalar)
            {
                if (string.Equals(scalar.Text, "post", StringComparison.OrdinalIgnoreCase))
                {
                    return HttpMethodKind.Post;
                }

                get |= string.Equals(scalar.Text, "get", StringComparison.OrdinalIgnoreCase);
            }
        }

        return get ? HttpMethodKind.Get : HttpMethodKind.Post;
    }

    private static EquatableArray<ErrorModel> ReadErrors(SpecReadContext context, JsonObjectNode node, string path)
    {
        var errors = new List<ErrorModel>();
        if (context.Object(node, "errorCodes", path, required: false) is { } byStatus)
        {
            foreach (var group in byStatus.Properties)
            {
                var groupPath = path + ".errorCodes." + group.Name;
                if (!int.TryParse(group.Name, NumberStyles.None, CultureInfo.InvariantCulture, out var status) || status < 100 || status > 599)
                {
                    context.Report(DiagnosticDescriptors.WrongJsonKind, context.LocateName(group), groupPath, "keyed by an HTTP status code", "'" + group.Name + "'");
                    continue;
                }

                if (group.Value is not JsonArrayNode entries)
                {
                    context.Report(DiagnosticDescriptors.WrongJsonKind, context.Locate(group.Value), groupPath, "an array", group.Value.KindName);
                    continue;
                }

                foreach (var entry in entries.Items)
                {
                    if (entry is JsonObjectNode error && context.String(error, "errorCode", groupPath, required: true) is { Length: > 0 } code)
                    {
                        errors.Add(new ErrorModel(code, status, context.String(error, "errorMessage", groupPath) ?? string.Empty, context.String(error, "description", groupPath) ?? string.Empty));
                    }
                }
            }
        }
        else if (node.Find("extraInfo") is { Value: JsonScalarNode { Kind: JsonScalarKind.String } extraInfo })
        {
            var (fromTable, problems) = ErrorTableReader.Read(extraInfo.Text);
            errors.AddRange(fromTable);
            foreach (var (row, reason) in problems)
            {
                context.Report(DiagnosticDescriptors.InvalidErrorTable, context.Locate(extraInfo), row.ToString(CultureInfo.InvariantCulture), reason);
            }
        }

        // The same code listed twice (it happens in official tables) keeps its first entry.
        var unique = new List<ErrorModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var error in errors)
        {
            if (seen.Add(error.Code))
            {
                unique.Add(error);
            }
        }

        return unique.ToEquatableArray();
    }

    private static QpsModel? ReadQps(SpecReadContext context, JsonObjectNode node, string path)
    {
        var qpsPath = path + ".x-vodgen-qps";
        var qps = context.Object(node, "x-vodgen-qps", path, required: false);
        if (qps is null)
        {
            return null;
        }

        var perAccount = context.Count(qps, "perAccount", qpsPath);
        if (perAccount is null or 0)
        {
            context.Report(DiagnosticDescriptors.InvalidExtension, context.Locate(qps), qpsPath, "\"perAccount\" must be a positive whole number of calls per second");
            return null;
        }

        var regions = new List<RegionLimitModel>();
        if (context.Object(qps, "regions", qpsPath, required: false) is { } regionsNode)
        {
            foreach (var region in regionsNode.Properties)
            {
                if (region.Value is JsonScalarNode { Kind: JsonScalarKind.Number } number
                    && int.TryParse(number.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0)
                {
                    regions.Add(new RegionLimitModel(region.Name, limit));
                }
                else
                {
                    context.Report(DiagnosticDescriptors.InvalidExtension, context.Locate(region.Value), qpsPath + ".regions." + region.Name, "a region's limit must be a positive whole number of calls per second");
                }
            }
        }

        return new QpsModel(perAccount.Value, regions.ToEquatableArray());
    }
}
