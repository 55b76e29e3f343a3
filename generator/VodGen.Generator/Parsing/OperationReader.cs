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
            // The answer is its own class: a shared schema it refers to is read in its place.
            response = SchemaReader.ReadInPlace(context, schemaNode, path + ".responses.200.schema");
            if (response is { Kind: not SchemaKind.Object })
            {
                // A file download, say: the answer is read for its RequestId only.
                context.Report(DiagnosticDescriptors.IgnoredSpecValue, context.Locate(schemaNode), path + ".responses.200.schema", "is a " + response.Kind.ToString().ToLowerInvariant() + " schema, not an object", "the answer is read for its RequestId only");
                response = null;
            }
        }

        return new OperationModel(
            entry.Name,
            Prose(node, "summary", "title"),
            SpecReadContext.Prose(node, "description"),
            ReadMethod(context, node, path),
            context.Boolean(node, "deprecated", path) ?? false,
            parameters,
            response,
            ReadErrors(context, node, path),
            ReadQps(context, node, path),
            PagingReader.Read(context, node, path, parameters, response),
            context.Boolean(node, "x-vodgen-idempotent", path) ?? true,
            VodGenKeys.AnyIn(node));
    }

    private static string Prose(JsonObjectNode node, string name, string fallback)
    {
        var text = SpecReadContext.Prose(node, name);
        return text.Length > 0 ? text : SpecReadContext.Prose(node, fallback);
    }

    private static EquatableArray<ParameterModel> ReadParameters(SpecReadContext context, JsonObjectNode node, string path, string operation)
    {
        var result = new List<ParameterModel>();
        var array = context.Array(node, "parameters", path, required: false);
        if (array is null)
        {
            return EquatableArray<ParameterModel>.Empty;
        }

        // The request class's member names, decided as the binder decides them, so that VODGEN014 names the one it gets.
        var scope = Identifiers.MemberScope(operation + "Request");
        var firstByName = new Dictionary<string, string>(StringComparer.Ordinal);
        var byWireName = new Dictionary<string, ParameterModel>(StringComparer.Ordinal);
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

            var schema = SchemaReader.Read(context, schemaNode, itemPath + ".schema");
            if (schema is null)
            {
                continue;
            }

            var style = ReadStyle(context, parameterNode, itemPath, name, schema);
            var required = schema.Required || (context.Boolean(parameterNode, "required", itemPath) ?? false);
            var parameter = new ParameterModel(name, style, required, schema);

            // A parameter listed twice is one member, sent once; a second, different listing cannot be honoured too.
            if (byWireName.TryGetValue(name, out var first))
            {
                if (first != parameter)
                {
                    context.Report(DiagnosticDescriptors.DuplicateParameter, context.Locate(nameNode), name, operation);
                }

                continue;
            }

            byWireName.Add(name, parameter);

            // Names that differ only in case are both kept; the generated class numbers the later one (VideoId2, VideoId3).
            var propertyName = Identifiers.ToPascalCase(name);
            var chosen = Identifiers.MemberName(name, operation + "Request", scope);
            if (firstByName.TryGetValue(propertyName, out var other))
            {
                context.Report(DiagnosticDescriptors.IdentifierCollision, context.Locate(nameNode), other, name, propertyName, chosen);
            }
            else
            {
                firstByName.Add(propertyName, name);
            }

            result.Add(parameter);
        }

        return result.ToEquatableArray();
    }

    // Scalars (and raw JSON values) are written as they are; arrays flatten by index unless sent as JSON; objects
    // travel as JSON unless flattened. A style VodGen does not know is a warning, and the default for the type.
    private static ParameterStyle ReadStyle(SpecReadContext context, JsonObjectNode node, string path, string name, SchemaModel schema)
    {
        var styleText = context.String(node, "style", path);
        var (known, style) = (schema.Kind, styleText) switch
        {
            (not (SchemaKind.Array or SchemaKind.Object), null or "simple" or "form" or "json" or "repeatList" or "flat") => (true, ParameterStyle.Simple),
            (SchemaKind.Array, null or "simple" or "form" or "repeatList" or "flat") => (true, ParameterStyle.RepeatList),
            (SchemaKind.Array, "json") => (true, ParameterStyle.Json),
            (SchemaKind.Object, "flat" or "repeatList") => (true, ParameterStyle.Flat),
            (SchemaKind.Object, null or "simple" or "form" or "json") => (true, ParameterStyle.Json),
            (SchemaKind.Array, _) => (false, ParameterStyle.RepeatList),
            (SchemaKind.Object, _) => (false, ParameterStyle.Json),
            _ => (false, ParameterStyle.Simple),
        };
        if (!known)
        {
            var location = node.Find("style") is { } styleProperty ? context.Locate(styleProperty.Value) : context.Locate(node);
            var fallback = style switch
            {
                ParameterStyle.RepeatList => "a flattened list (Name.1, Name.2, ...)",
                ParameterStyle.Json => "JSON text",
                _ => "its plain value",
            };
            context.Report(DiagnosticDescriptors.UnsupportedStyle, location, name, styleText!, schema.Kind.ToString().ToLowerInvariant(), fallback);
        }

        return style;
    }

    private static HttpMethodKind ReadMethod(SpecReadContext context, JsonObjectNode node, string path)
    {
        var methods = context.Array(node, "methods", path, required: false);
        var get = false;
        foreach (var item in methods?.Items ?? System.Array.Empty<JsonTreeNode>())
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
                    // Some products group codes under their own numbers (600, 2014); the codes still name real errors.
                    context.Report(DiagnosticDescriptors.NonHttpErrorGroup, context.LocateName(group), path + ".errorCodes", group.Name);
                    status = 0;
                }

                if (group.Value is not JsonArrayNode entries)
                {
                    context.Report(DiagnosticDescriptors.IgnoredSpecValue, context.Locate(group.Value), groupPath, "is " + group.Value.KindName + ", not a list of errors", "it is left out");
                    continue;
                }

                foreach (var entry in entries.Items)
                {
                    if (entry is JsonObjectNode error && SpecReadContext.Prose(error, "errorCode").Trim() is { Length: > 0 } code)
                    {
                        errors.Add(new ErrorModel(code, status, SpecReadContext.Prose(error, "errorMessage"), SpecReadContext.Prose(error, "description")));
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
