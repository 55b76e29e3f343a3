using System;
using System.Collections.Generic;
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
    private static readonly HashSet<string> RootKeys = new(StringComparer.Ordinal) { "$schema", "version", "info", "components", "apis", "endpoints", "directories" };
    private static readonly HashSet<string> InfoKeys = new(StringComparer.Ordinal) { "style", "product", "version", "title", "description" };
    private static readonly HashSet<string> EndpointKeys = new(StringComparer.Ordinal) { "regionId", "endpoint" };
    private static readonly HashSet<string> ComponentKeys = new(StringComparer.Ordinal) { "schemas" };
    private static readonly HashSet<string> OperationKeys = new(StringComparer.Ordinal)
    {
        "summary", "title", "description", "methods", "schemes", "security", "deprecated", "operationType", "path", "systemTags",
        "parameters", "responses", "errorCodes", "responseDemo", "staticInfo", "extraInfo", "requestParamsDescription", "responseParamsDescription",
        "x-vodgen-qps", "x-vodgen-paging", "x-vodgen-idempotent",
    };

    private static readonly HashSet<string> QpsKeys = new(StringComparer.Ordinal) { "perAccount", "regions" };
    private static readonly HashSet<string> PagingKeys = new(StringComparer.Ordinal) { "items", "pageNumber", "pageSize", "token", "total" };
    private static readonly HashSet<string> ParameterKeys = new(StringComparer.Ordinal) { "name", "in", "style", "schema", "required", "allowEmptyValue", "description" };
    private static readonly HashSet<string> ResponseKeys = new(StringComparer.Ordinal) { "schema", "description", "headers", "examples" };
    private static readonly HashSet<string> StatusCodes = new(StringComparer.Ordinal) { "200", "201", "202", "204", "default" };
    private static readonly HashSet<string> SchemaKeys = new(StringComparer.Ordinal)
    {
        "$ref", "type", "format", "title", "description", "example", "default", "enum", "enumValueTitles", "deprecated", "required", "docRequired",
        "properties", "items", "additionalProperties", "itemNode", "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "minItems", "maxItems", "uniqueItems", "pattern", "readOnly", "isFileTransferUrl",
        "x-vodgen-secret", "x-vodgen-encoding", "x-vodgen-format", "x-vodgen-schema", "x-vodgen-typeName",
    };

    private static readonly HashSet<string> Locations = new(StringComparer.Ordinal) { "query", "body", "formData", "path", "header", "host" };
    private static readonly HashSet<string> Styles = new(StringComparer.Ordinal) { "json", "flat", "repeatList", "simple", "form", "spaceDelimited", "pipeDelimited", "deepObject", "commaDelimited" };
    private static readonly HashSet<string> Methods = new(StringComparer.Ordinal) { "get", "post", "put", "delete", "patch", "head", "options" };

    /// <summary>Checks the file's structure outside <c>apis</c>, and each operation as it is read.</summary>
    public static void CheckDocument(JsonObjectNode document, SpecReadContext context)
    {
        // The path of a node is kept as segments, pushed and popped on the way, and joined only for a report: most
        // files have no typo, and a string per node would cost a fifth more of the parse's allocations.
        var path = new List<string>();
        Keys(document, RootKeys, path, context);
        if (document.Find("info")?.Value is JsonObjectNode info)
        {
            path.Add("info");
            Keys(info, InfoKeys, path, context);
            Pop(path);
        }

        if (document.Find("endpoints")?.Value is JsonArrayNode endpoints)
        {
            for (var i = 0; i < endpoints.Items.Count; i++)
            {
                if (endpoints.Items[i] is JsonObjectNode entry)
                {
                    path.Add("endpoints[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
                    Keys(entry, EndpointKeys, path, context);
                    Pop(path);
                }
            }
        }

        if (document.Find("components")?.Value is JsonObjectNode components)
        {
            path.Add("components");
            Keys(components, ComponentKeys, path, context);
            if (components.Find("schemas")?.Value is JsonObjectNode schemas)
            {
                path.Add("schemas");
                foreach (var schema in schemas.Properties)
                {
                    path.Add(schema.Name);
                    Schema(schema.Value, path, context, 0);
                    Pop(path);
                }
            }
        }
    }

    public static void CheckOperation(JsonObjectNode operation, string name, SpecReadContext context)
    {
        var path = new List<string> { "apis", name };
        Keys(operation, OperationKeys, path, context);
        Member(operation, "x-vodgen-qps", QpsKeys, path, context);
        Member(operation, "x-vodgen-paging", PagingKeys, path, context);
        if (operation.Find("methods")?.Value is JsonArrayNode methods)
        {
            path.Add("methods");
            foreach (var method in methods.Items)
            {
                Value(method, Methods, path, context);
            }

            Pop(path);
        }

        if (operation.Find("parameters")?.Value is JsonArrayNode parameters)
        {
            for (var i = 0; i < parameters.Items.Count; i++)
            {
                if (parameters.Items[i] is not JsonObjectNode parameter)
                {
                    continue;
                }

                path.Add("parameters[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
                Keys(parameter, ParameterKeys, path, context);
                path.Add("in");
                Value(parameter.Find("in")?.Value, Locations, path, context);
                path[path.Count - 1] = "style";
                Value(parameter.Find("style")?.Value, Styles, path, context);
                path[path.Count - 1] = "schema";
                Schema(parameter.Find("schema")?.Value, path, context, 0);
                Pop(path);
                Pop(path);
            }
        }

        if (operation.Find("responses")?.Value is JsonObjectNode responses)
        {
            path.Add("responses");
            Keys(responses, StatusCodes, path, context);
            foreach (var response in responses.Properties)
            {
                if (response.Value is JsonObjectNode answer)
                {
                    path.Add(response.Name);
                    Keys(answer, ResponseKeys, path, context);
                    path.Add("schema");
                    Schema(answer.Find("schema")?.Value, path, context, 0);
                    Pop(path);
                    Pop(path);
                }
            }

            Pop(path);
        }
    }

    private static void Member(JsonObjectNode owner, string name, HashSet<string> known, List<string> path, SpecReadContext context)
    {
        if (owner.Find(name)?.Value is JsonObjectNode member)
        {
            path.Add(name);
            Keys(member, known, path, context);
            Pop(path);
        }
    }

    private static void Schema(JsonTreeNode? node, List<string> path, SpecReadContext context, int depth)
    {
        // Depth is bounded by the tree builder; the bound here only keeps a hostile file from costing more than its size.
        if (node is not JsonObjectNode schema || depth > 64)
        {
            return;
        }

        Keys(schema, SchemaKeys, path, context);
        if (schema.Find("properties")?.Value is JsonObjectNode properties)
        {
            path.Add("properties");
            foreach (var property in properties.Properties)
            {
                path.Add(property.Name);
                Schema(property.Value, path, context, depth + 1);
                Pop(path);
            }

            Pop(path);
        }

        path.Add("items");
        Schema(schema.Find("items")?.Value, path, context, depth + 1);
        path[path.Count - 1] = "additionalProperties";
        Schema(schema.Find("additionalProperties")?.Value, path, context, depth + 1);
        Pop(path);
    }

    private static void Pop(List<string> path) => path.RemoveAt(path.Count - 1);

    private static void Keys(JsonObjectNode node, HashSet<string> known, List<string> path, SpecReadContext context)
    {
        foreach (var property in node.Properties)
        {
            if (!known.Contains(property.Name) && Nearest(property.Name, known) is { } meant)
            {
                context.Report(DiagnosticDescriptors.LikelyTypo, context.LocateName(property), "key", property.Name, Join(path, property.Name), meant);
            }
        }
    }

    private static void Value(JsonTreeNode? node, HashSet<string> known, List<string> path, SpecReadContext context)
    {
        if (node is JsonScalarNode { Kind: JsonScalarKind.String, Text: var text } && !known.Contains(text) && Nearest(text, known) is { } meant)
        {
            context.Report(DiagnosticDescriptors.LikelyTypo, context.Locate(node), "value", text, string.Join(".", path), meant);
        }
    }

    private static string Join(List<string> path, string name) => path.Count == 0 ? name : string.Join(".", path) + "." + name;

    // The known word one edit away (two when both are over four characters); the caller has ruled out an exact match.
    private static string? Nearest(string word, HashSet<string> known)
    {
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
