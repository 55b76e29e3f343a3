using System;
using System.Collections.Generic;
using System.Linq;
using VodGen.Generator.Diagnostics;

namespace VodGen.Generator.Parsing;

/// <summary>
/// Finds keys and values that are one or two edits from what the format knows at that place ("requird",
/// "paramters", "qeury", "pots"): a typo there silently drops what the key meant (a required member, a constraint,
/// every parameter), so each is a warning with the key meant. Keys far from every known one stay silent: the official
/// format has many keys VodGen does not read.
/// </summary>
internal static class KeyTypos
{
    private static readonly string[] RootKeys = { "$schema", "version", "info", "components", "apis", "endpoints", "directories" };
    private static readonly string[] InfoKeys = { "style", "product", "version", "title", "description" };
    private static readonly string[] EndpointKeys = { "regionId", "endpoint" };
    private static readonly string[] ComponentKeys = { "schemas" };
    private static readonly string[] OperationKeys =
    {
        "summary", "title", "description", "methods", "schemes", "security", "deprecated", "operationType", "path", "systemTags",
        "parameters", "responses", "errorCodes", "responseDemo", "staticInfo", "extraInfo", "requestParamsDescription", "responseParamsDescription",
        "x-vodgen-qps", "x-vodgen-paging", "x-vodgen-idempotent",
    };

    private static readonly string[] QpsKeys = { "perAccount", "regions" };
    private static readonly string[] PagingKeys = { "items", "pageNumber", "pageSize", "token", "total" };
    private static readonly string[] ParameterKeys = { "name", "in", "style", "schema", "required", "allowEmptyValue", "description" };
    private static readonly string[] ResponseKeys = { "schema", "description", "headers", "examples" };
    private static readonly string[] StatusCodes = { "200", "201", "202", "204", "default" };
    private static readonly string[] SchemaKeys =
    {
        "$ref", "type", "format", "title", "description", "example", "default", "enum", "enumValueTitles", "deprecated", "required", "docRequired",
        "properties", "items", "additionalProperties", "itemNode", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "minItems", "maxItems", "uniqueItems", "pattern", "readOnly", "isFileTransferUrl",
        "x-vodgen-secret", "x-vodgen-encoding", "x-vodgen-format", "x-vodgen-schema", "x-vodgen-typeName",
    };

    private static readonly string[] Locations = { "query", "body", "formData", "path", "header", "host" };
    private static readonly string[] Styles = { "json", "flat", "repeatList", "simple", "form", "spaceDelimited", "pipeDelimited", "deepObject", "commaDelimited" };
    private static readonly string[] Methods = { "get", "post", "put", "delete", "patch", "head", "options" };

    /// <summary>Checks the file's structure outside <c>apis</c>, and each operation as it is read.</summary>
    public static void CheckDocument(JsonObjectNode document, SpecReadContext context)
    {
        Keys(document, RootKeys, string.Empty, context);
        if (document.Find("info")?.Value is JsonObjectNode info)
        {
            Keys(info, InfoKeys, "info", context);
        }

        if (document.Find("endpoints")?.Value is JsonArrayNode endpoints)
        {
            for (var i = 0; i < endpoints.Items.Count; i++)
            {
                if (endpoints.Items[i] is JsonObjectNode endpoint)
                {
                    Keys(endpoint, EndpointKeys, "endpoints[" + i + "]", context);
                }
            }
        }

        if (document.Find("components")?.Value is JsonObjectNode components)
        {
            Keys(components, ComponentKeys, "components", context);
            if (components.Find("schemas")?.Value is JsonObjectNode schemas)
            {
                foreach (var schema in schemas.Properties)
                {
                    Schema(schema.Value, "components.schemas." + schema.Name, context);
                }
            }
        }
    }

    public static void CheckOperation(JsonObjectNode operation, string name, SpecReadContext context)
    {
        var path = "apis." + name;
        Keys(operation, OperationKeys, path, context);
        if (operation.Find("x-vodgen-qps")?.Value is JsonObjectNode qps)
        {
            Keys(qps, QpsKeys, path + ".x-vodgen-qps", context);
        }

        if (operation.Find("x-vodgen-paging")?.Value is JsonObjectNode paging)
        {
            Keys(paging, PagingKeys, path + ".x-vodgen-paging", context);
        }

        if (operation.Find("methods")?.Value is JsonArrayNode methods)
        {
            foreach (var method in methods.Items)
            {
                Value(method, Methods, path + ".methods", context);
            }
        }

        if (operation.Find("parameters")?.Value is JsonArrayNode parameters)
        {
            for (var i = 0; i < parameters.Items.Count; i++)
            {
                if (parameters.Items[i] is not JsonObjectNode parameter)
                {
                    continue;
                }

                var at = path + ".parameters[" + i + "]";
                Keys(parameter, ParameterKeys, at, context);
                Value(parameter.Find("in")?.Value, Locations, at + ".in", context);
                Value(parameter.Find("style")?.Value, Styles, at + ".style", context);
                Schema(parameter.Find("schema")?.Value, at + ".schema", context);
            }
        }

        if (operation.Find("responses")?.Value is JsonObjectNode responses)
        {
            Keys(responses, StatusCodes, path + ".responses", context);
            foreach (var response in responses.Properties)
            {
                if (response.Value is JsonObjectNode answer)
                {
                    Keys(answer, ResponseKeys, path + ".responses." + response.Name, context);
                    Schema(answer.Find("schema")?.Value, path + ".responses." + response.Name + ".schema", context);
                }
            }
        }
    }

    private static void Schema(JsonTreeNode? node, string path, SpecReadContext context, int depth = 0)
    {
        // Depth is bounded by the tree builder; the bound here only keeps a hostile file from costing more than its size.
        if (node is not JsonObjectNode schema || depth > 64)
        {
            return;
        }

        Keys(schema, SchemaKeys, path, context);
        if (schema.Find("properties")?.Value is JsonObjectNode properties)
        {
            foreach (var property in properties.Properties)
            {
                Schema(property.Value, path + ".properties." + property.Name, context, depth + 1);
            }
        }

        Schema(schema.Find("items")?.Value, path + ".items", context, depth + 1);
        Schema(schema.Find("additionalProperties")?.Value, path + ".additionalProperties", context, depth + 1);
    }

    private static void Keys(JsonObjectNode node, string[] known, string path, SpecReadContext context)
    {
        foreach (var property in node.Properties)
        {
            if (Nearest(property.Name, known) is { } meant)
            {
                context.Report(DiagnosticDescriptors.LikelyTypo, context.LocateName(property), "key", property.Name, Join(path, property.Name), meant);
            }
        }
    }

    private static void Value(JsonTreeNode? node, string[] known, string path, SpecReadContext context)
    {
        if (node is JsonScalarNode { Kind: JsonScalarKind.String, Text: var text } && Nearest(text, known) is { } meant)
        {
            context.Report(DiagnosticDescriptors.LikelyTypo, context.Locate(node), "value", text, path, meant);
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    // Every word known somewhere: most keys are, and they need no distance computed.
    private static readonly HashSet<string> Known = new(
        new[] { RootKeys, InfoKeys, EndpointKeys, ComponentKeys, OperationKeys, QpsKeys, PagingKeys, ParameterKeys, ResponseKeys, StatusCodes, SchemaKeys, Locations, Styles, Methods }.SelectMany(k => k),
        StringComparer.Ordinal);

    // The known word one edit away (two for words over four characters), unless the word is known itself.
    private static string? Nearest(string word, string[] known)
    {
        if (Array.IndexOf(known, word) >= 0 || (Known.Contains(word) && word.Length <= 2))
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var limit = Math.Min(word.Length, candidate.Length) > 4 ? 2 : 1;
            if (Math.Abs(word.Length - candidate.Length) > limit)
            {
                continue;
            }

            var distance = Distance(word, candidate, limit);
            if (distance <= limit && distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    // Edit distance with adjacent transpositions counted as one edit, stopped early beyond the limit.
    private static int Distance(string a, string b, int limit)
    {
        var rows = new int[3, b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            rows[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var row = i % 3;
            var above = (i - 1) % 3;
            rows[row, 0] = i;
            var smallest = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[row, j - 1] + 1, rows[above, j] + 1), rows[above, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, rows[(i - 2) % 3, j - 2] + 1);
                }

                rows[row, j] = value;
                smallest = Math.Min(smallest, value);
            }

            if (smallest > limit)
            {
                return smallest;
            }
        }

        return rows[a.Length % 3, b.Length];
    }
}
