using System.Collections.Generic;
using VodGen.Generator.Diagnostics;
using VodGen.Generator.Model;

namespace VodGen.Generator.Parsing;

/// <summary>Reads a schema object (type, format, constraints, items, properties and x-vodgen extensions).</summary>
internal static class SchemaReader
{
    private const int MaxDepth = 32;

    /// <summary>Reads a schema; null when it cannot be used (a diagnostic has been reported).</summary>
    public static SchemaModel? Read(SpecReadContext context, JsonObjectNode node, string path, int depth = 0)
    {
        context.CancellationToken.ThrowIfCancellationRequested();
        if (depth > MaxDepth)
        {
            context.Report(DiagnosticDescriptors.InvalidExtension, context.Locate(node), path, $"schemas nest deeper than {MaxDepth} levels");
            return null;
        }

        return node.Find("$ref") is { } reference
            ? ReadReference(context, node, reference, path, depth)
            : ReadInline(context, node, path, depth);
    }

    /// <summary>Reads a shared schema itself (the target of references), never as a reference to itself.</summary>
    public static SchemaModel? ReadComponent(SpecReadContext context, JsonObjectNode node, string path)
        => ReadInline(context, node, path, depth: 0);

    /// <summary>
    /// Reads a schema where a shared object schema it refers to must be read in place rather than referred to (an
    /// operation's answer is its own class).
    /// </summary>
    public static SchemaModel? ReadInPlace(SpecReadContext context, JsonObjectNode node, string path)
    {
        if (node.Find("$ref")?.Value is JsonScalarNode { Kind: JsonScalarKind.String } reference
            && context.Components.Find(reference.Text, out var name)?.Value is JsonObjectNode target
            && IsObjectSchema(target))
        {
            return ReadComponent(context, target, "components.schemas." + name);
        }

        return Read(context, node, path);
    }

    /// <summary>A schema that stands for any JSON value.</summary>
    public static SchemaModel Any(string description) => new(
        SchemaKind.Any, string.Empty, description, string.Empty, false, false, false, null,
        EquatableArray<PropertyModel>.Empty, ValueEncoding.None, null, string.Empty, ConstraintsModel.None);

    private static SchemaModel? ReadInline(SpecReadContext context, JsonObjectNode node, string path, int depth)
    {
        var kind = ReadKind(context, node, path);
        if (kind is null)
        {
            return null;
        }

        SchemaModel? items = null;
        if (kind == SchemaKind.Array)
        {
            if (node.Find("items")?.Value is JsonObjectNode itemsNode)
            {
                items = Read(context, itemsNode, path + ".items", depth + 1);
                if (items is null)
                {
                    return null;
                }
            }
            else
            {
                // Official metadata has arrays whose elements are not described; they still travel, as raw JSON.
                context.Report(DiagnosticDescriptors.IgnoredSpecValue, context.Locate(node), path, "describes no 'items'", "its elements are read and sent as raw JSON (JsonElement)");
                items = Any(string.Empty);
            }
        }

        // A map (an object with additionalProperties and no named members) keeps its entries as raw JSON.
        if (kind == SchemaKind.Object && node.Find("properties") is null && node.Find("additionalProperties") is { Value: not JsonScalarNode { Kind: JsonScalarKind.False } })
        {
            kind = SchemaKind.Any;
        }

        var properties = kind == SchemaKind.Object ? ReadProperties(context, node, path, depth) : EquatableArray<PropertyModel>.Empty;
        var (encoding, decoded) = ReadEncoding(context, node, path, kind.Value, depth);
        return new SchemaModel(
            kind.Value,
            ReadFormat(context, node, path, kind.Value),
            Description(node),
            context.ScalarText(node, "example"),
            IsRequired(context, node, path),
            context.Boolean(node, "x-vodgen-secret", path) ?? false,
            context.Boolean(node, "deprecated", path) ?? false,
            items,
            properties,
            encoding,
            decoded,
            ReadTypeName(context, node, path),
            ReadConstraints(context, node, path, kind.Value));
    }

    // A "$ref" to a shared object schema becomes a reference to its one generated type; one to a scalar or array
    // schema is read in place. What the referring site says about requiredness and prose wins over the target's.
    private static SchemaModel ReadReference(SpecReadContext context, JsonObjectNode node, JsonPropertyNode reference, string path, int depth)
    {
        var text = reference.Value is JsonScalarNode { Kind: JsonScalarKind.String } scalar ? scalar.Text : string.Empty;
        var target = context.Components.Find(text, out var name);
        if (target?.Value is not JsonObjectNode targetNode)
        {
            context.Report(DiagnosticDescriptors.UnresolvedReference, context.Locate(reference.Value), path, text);
            return Any(Description(node));
        }

        var required = IsRequired(context, node, path);
        var deprecated = context.Boolean(node, "deprecated", path) ?? false;
        var description = Description(node);
        if (IsObjectSchema(targetNode))
        {
            context.Components.Request(name);
            return new SchemaModel(
                SchemaKind.Object, string.Empty, description.Length > 0 ? description : Description(targetNode), string.Empty,
                required, false, deprecated, null, EquatableArray<PropertyModel>.Empty, ValueEncoding.None, null,
                string.Empty, ConstraintsModel.None, Identifiers.ToPascalCase(name));
        }

        var inline = Read(context, targetNode, "components.schemas." + name, depth + 1);
        return inline is null ? Any(description) : inline with
        {
            Required = required || inline.Required,
            Deprecated = deprecated || inline.Deprecated,
            Description = description.Length > 0 ? description : inline.Description,
        };
    }

    private static bool IsObjectSchema(JsonObjectNode node)
        => node.Find("type")?.Value is JsonScalarNode { Text: "object" }
            || (node.Find("type") is null && node.Find("properties") is not null);

    private static string Description(JsonObjectNode node)
    {
        var description = SpecReadContext.Prose(node, "description");
        return description.Length > 0 ? description : SpecReadContext.Prose(node, "title");
    }

    // Official metadata marks a required value with "required": true on the value itself; a JSON Schema style
    // list of names on the owning object is read by the owner (ReadProperties), so it is not a flag here.
    private static bool IsRequired(SpecReadContext context, JsonObjectNode node, string path)
        => node.Find("required")?.Value is not JsonArrayNode && (context.Boolean(node, "required", path) ?? false);

    private static SchemaKind? ReadKind(SpecReadContext context, JsonObjectNode node, string path)
    {
        var typeProperty = node.Find("type");
        if (typeProperty is null || typeProperty.Value is JsonScalarNode { Kind: JsonScalarKind.Null })
        {
            // Official metadata sometimes leaves out the type of containers; their members make it clear.
            if (node.Find("properties") is not null)
            {
                return SchemaKind.Object;
            }

            if (node.Find("items") is not null)
            {
                return SchemaKind.Array;
            }

            context.Report(DiagnosticDescriptors.MissingType, context.Locate(node), path);
            return SchemaKind.Any;
        }

        if (typeProperty.Value is not JsonScalarNode { Kind: JsonScalarKind.String } typeNode)
        {
            context.Report(DiagnosticDescriptors.UnknownType, context.Locate(typeProperty.Value), path, typeProperty.Value.KindName);
            return SchemaKind.Any;
        }

        switch (typeNode.Text)
        {
            case "string": return SchemaKind.String;
            case "integer": return SchemaKind.Integer;
            case "number": return SchemaKind.Number;
            case "boolean": return SchemaKind.Boolean;
            case "array": return SchemaKind.Array;
            case "object": return SchemaKind.Object;
            case "any": return SchemaKind.Any;
            default:
                context.Report(DiagnosticDescriptors.UnknownType, context.Locate(typeProperty.Value), path, typeNode.Text);
                return SchemaKind.Any;
        }
    }

    private static string ReadFormat(SpecReadContext context, JsonObjectNode node, string path, SchemaKind kind)
    {
        var extension = node.Find("x-vodgen-format");
        if (extension is null)
        {
            return context.String(node, "format", path) ?? string.Empty;
        }

        var value = context.String(node, "x-vodgen-format", path);
        if ((value == "duration-seconds" && kind is SchemaKind.String or SchemaKind.Integer) || (value == "playback-url" && kind == SchemaKind.String))
        {
            return value;
        }

        if (value is not null)
        {
            context.Report(DiagnosticDescriptors.InvalidExtension, context.Locate(extension.Value), path + ".x-vodgen-format", "the supported values are \"duration-seconds\" (on a string or integer) and \"playback-url\" (on a string)");
        }

        return context.String(node, "format", path) ?? string.Empty;
    }

    private static EquatableArray<PropertyModel> ReadProperties(SpecReadContext context, JsonObjectNode node, string path, int depth)
    {
        var propertiesNode = context.Object(node, "properties", path, required: false);
        if (propertiesNode is null)
        {
            return EquatableArray<PropertyModel>.Empty;
        }

        HashSet<string>? requiredNames = null;
        if (node.Find("required")?.Value is JsonArrayNode requiredList)
        {
            requiredNames = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var item in requiredList.Items)
            {
                if (item is JsonScalarNode { Kind: JsonScalarKind.String } requiredName)
                {
                    requiredNames.Add(requiredName.Text);
                }
            }
        }

        var result = new List<PropertyModel>();
        foreach (var property in propertiesNode.Properties)
        {
            var propertyPath = path + ".properties." + property.Name;
            if (property.Value is not JsonObjectNode propertySchema)
            {
                context.Report(DiagnosticDescriptors.WrongJsonKind, context.Locate(property.Value), propertyPath, "an object", property.Value.KindName);
                continue;
            }

            var schema = Read(context, propertySchema, propertyPath, depth + 1);
            if (schema is not null)
            {
                result.Add(new PropertyModel(property.Name, requiredNames?.Contains(property.Name) == true ? schema with { Required = true } : schema));
            }
        }

        return result.ToEquatableArray();
    }

    private static (ValueEncoding Encoding, SchemaModel? Decoded) ReadEncoding(SpecReadContext context, JsonObjectNode node, string path, SchemaKind kind, int depth)
    {
        var encodingProperty = node.Find("x-vodgen-encoding");
        var schemaProperty = node.Find("x-vodgen-schema");
        if (encodingProperty is null)
        {
            if (schemaProperty is not null)
            {
                context.Report(DiagnosticDescriptors.InvalidExtension, context.LocateName(schemaProperty), path + ".x-vodgen-schema", "it needs \"x-vodgen-encoding\": \"base64-json\" beside it");
            }

            return (ValueEncoding.None, null);
        }

        var encoding = context.String(node, "x-vodgen-encoding", path);
        if (encoding != "base64-json" || kind != SchemaKind.String)
        {
            if (encoding is not null)
            {
                context.Report(DiagnosticDescriptors.InvalidExtension, context.Locate(encodingProperty.Value), path + ".x-vodgen-encoding", "the only supported value is \"base64-json\", on a string");
            }

            return (ValueEncoding.None, null);
        }

        var decodedNode = context.Object(node, "x-vodgen-schema", path, required: true);
        var decoded = decodedNode is null ? null : Read(context, decodedNode, path + ".x-vodgen-schema", depth + 1);
        if (decoded is { Kind: not SchemaKind.Object } && decodedNode is not null)
        {
            context.Report(DiagnosticDescriptors.InvalidExtension, context.Locate(decodedNode), path + ".x-vodgen-schema", "the decoded payload must be described as an object");
            decoded = null;
        }

        return decoded is null ? (ValueEncoding.None, null) : (ValueEncoding.Base64Json, decoded);
    }

    private static string ReadTypeName(SpecReadContext context, JsonObjectNode node, string path)
    {
        var property = node.Find("x-vodgen-typeName");
        var name = context.String(node, "x-vodgen-typeName", path);
        if (property is null || name is null)
        {
            return string.Empty;
        }

        if (!Identifiers.IsValidTypeName(name))
        {
            context.Report(DiagnosticDescriptors.InvalidExtension, context.Locate(property.Value), path + ".x-vodgen-typeName", $"'{name}' is not a valid C# type name");
            return string.Empty;
        }

        return name;
    }

    private static ConstraintsModel ReadConstraints(SpecReadContext context, JsonObjectNode node, string path, SchemaKind kind)
    {
        // Most schemas have no constraint at all: they share ConstraintsModel.None rather than each an empty copy.
        List<string>? values = null;
        if (context.Array(node, "enum", path, required: false) is { } enumNode)
        {
            for (var i = 0; i < enumNode.Items.Count; i++)
            {
                if (enumNode.Items[i] is not JsonScalarNode { Kind: not JsonScalarKind.Null } scalar)
                {
                    continue;
                }

                // Numbers may be written as text, as official metadata sometimes does. A list with anything else in it
                // cannot be checked at all: dropping just the odd value would refuse a value the service may accept.
                if (kind is SchemaKind.Integer or SchemaKind.Number
                    && !double.TryParse(scalar.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    context.Report(DiagnosticDescriptors.IgnoredSpecValue, context.Locate(scalar), $"{path}.enum[{i}]", "is '" + scalar.Text + "', not a number", "the listed values are not checked");
                    values = null;
                    break;
                }

                (values ??= new List<string>()).Add(scalar.Text);
            }
        }

        var minimum = context.Number(node, "minimum", path);
        var maximum = context.Number(node, "maximum", path);
        if (minimum.Length > 0 && maximum.Length > 0 && ParseNumber(minimum) > ParseNumber(maximum))
        {
            ReportContradiction(context, node, path, "minimum", minimum, "maximum", maximum);
            minimum = maximum = string.Empty;
        }

        var minLength = context.Count(node, "minLength", path);
        var maxLength = context.Count(node, "maxLength", path);
        if (minLength > maxLength)
        {
            ReportContradiction(context, node, path, "minLength", Text(minLength), "maxLength", Text(maxLength));
            minLength = maxLength = null;
        }

        var minItems = context.Count(node, "minItems", path);
        var maxItems = context.Count(node, "maxItems", path);
        if (minItems > maxItems)
        {
            ReportContradiction(context, node, path, "minItems", Text(minItems), "maxItems", Text(maxItems));
            minItems = maxItems = null;
        }

        var pattern = ReadPattern(context, node, path);
        if (values is null && minimum.Length == 0 && maximum.Length == 0 && pattern.Length == 0
            && minLength is null && maxLength is null && minItems is null && maxItems is null)
        {
            return ConstraintsModel.None;
        }

        return new ConstraintsModel(
            minimum,
            maximum,
            minLength,
            maxLength,
            pattern,
            minItems,
            maxItems,
            values?.ToEquatableArray() ?? EquatableArray<string>.Empty);
    }

    // The pattern, when .NET can compile it the way the generated code will (culture-invariant); else a warning and
    // none, so that a pattern written for another regex dialect costs a check, not every call.
    private static string ReadPattern(SpecReadContext context, JsonObjectNode node, string path)
    {
        var pattern = context.String(node, "pattern", path) ?? string.Empty;
        if (pattern.Length == 0)
        {
            return pattern;
        }

        try
        {
            _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            return pattern;
        }
        catch (System.ArgumentException exception)
        {
            context.Report(DiagnosticDescriptors.InvalidPattern, context.Locate(node.Find("pattern")!.Value), path + ".pattern", exception.Message);
            return string.Empty;
        }
    }

    private static void ReportContradiction(SpecReadContext context, JsonObjectNode node, string path, string lowName, string low, string highName, string high)
        => context.Report(DiagnosticDescriptors.ContradictoryBounds, context.Locate(node.Find(lowName)!.Value), path, lowName, low, highName, high);

    private static double ParseNumber(string text) => double.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    private static string Text(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}
