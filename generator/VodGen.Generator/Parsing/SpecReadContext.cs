using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using VodGen.Generator.Diagnostics;
using VodGen.Generator.Model;

namespace VodGen.Generator.Parsing;

/// <summary>
/// What the readers share while reading one file: positions, collected diagnostics, cancellation,
/// and typed access to members that reports a precise diagnostic when a member is missing or of the wrong kind.
/// </summary>
internal sealed class SpecReadContext
{
    public SpecReadContext(SourcePositionMap map, CancellationToken cancellationToken)
    {
        Map = map;
        CancellationToken = cancellationToken;
    }

    /// <summary>The file's shared schemas, for <c>$ref</c>.</summary>
    public ComponentRegistry Components { get; set; } = ComponentRegistry.Empty;

    public SourcePositionMap Map { get; }

    public CancellationToken CancellationToken { get; }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public bool HasErrors { get; private set; }

    public LocationInfo Locate(JsonTreeNode node) => Map.Locate(node.Start, node.End);

    public LocationInfo LocateName(JsonPropertyNode property) => Map.Locate(property.NameStart, property.NameEnd);

    public void Report(DiagnosticDescriptor descriptor, LocationInfo location, params string[] arguments)
    {
        HasErrors |= descriptor.DefaultSeverity == DiagnosticSeverity.Error;
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
    }

    public JsonObjectNode? Object(JsonObjectNode owner, string name, string ownerPath, bool required)
        => Member(owner, name, ownerPath, required, "an object") as JsonObjectNode;

    public JsonArrayNode? Array(JsonObjectNode owner, string name, string ownerPath, bool required)
        => Member(owner, name, ownerPath, required, "an array") as JsonArrayNode;

    public string? String(JsonObjectNode owner, string name, string ownerPath, bool required = false)
        => Member(owner, name, ownerPath, required, "a string") is JsonScalarNode { Kind: JsonScalarKind.String } scalar ? scalar.Text : null;

    /// <summary>
    /// A boolean; <c>"true"</c> and <c>"false"</c> written as text count too. Anything else is a warning and reads as
    /// absent, since a flag written oddly should not fail the user's build.
    /// </summary>
    public bool? Boolean(JsonObjectNode owner, string name, string ownerPath)
    {
        var property = owner.Find(name);
        switch (property?.Value)
        {
            case null:
            case JsonScalarNode { Kind: JsonScalarKind.Null }:
                return null;
            case JsonScalarNode { Kind: JsonScalarKind.True }:
                return true;
            case JsonScalarNode { Kind: JsonScalarKind.False }:
                return false;
            case JsonScalarNode { Kind: JsonScalarKind.String, Text: var text } when text is "true" or "false":
                return text == "true";
            default:
                Report(DiagnosticDescriptors.IgnoredSpecValue, Locate(property.Value), ownerPath + "." + name, "is " + property.Value.KindName + ", not a boolean", "it is ignored");
                return null;
        }
    }

    /// <summary>Prose (summary, description, title): text when it is a string, else empty; never worth a diagnostic.</summary>
    public static string Prose(JsonObjectNode owner, string name)
        => owner.Find(name)?.Value is JsonScalarNode { Kind: JsonScalarKind.String } scalar ? scalar.Text : string.Empty;

    /// <summary>A non-negative whole number; a string holding one is accepted as well, as official metadata sometimes writes them so.</summary>
    public int? Count(JsonObjectNode owner, string name, string ownerPath)
    {
        var property = owner.Find(name);
        if (property is null || property.Value is JsonScalarNode { Kind: JsonScalarKind.Null })
        {
            return null;
        }

        if (property.Value is JsonScalarNode { Kind: JsonScalarKind.Number or JsonScalarKind.String } scalar
            && int.TryParse(scalar.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var found = property.Value is JsonScalarNode shown ? "'" + shown.Text + "'" : property.Value.KindName;
        Report(DiagnosticDescriptors.IgnoredSpecValue, Locate(property.Value), ownerPath + "." + name, "is " + found + ", not a count VodGen can use", "it is not checked");
        return null;
    }

    /// <summary>A number written as a JSON number or as a numeric string, returned as invariant text.</summary>
    public string Number(JsonObjectNode owner, string name, string ownerPath)
    {
        var property = owner.Find(name);
        if (property is null || property.Value is JsonScalarNode { Kind: JsonScalarKind.Null })
        {
            return string.Empty;
        }

        if (property.Value is JsonScalarNode { Kind: JsonScalarKind.Number or JsonScalarKind.String } scalar
            && double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            return scalar.Text;
        }

        var found = property.Value is JsonScalarNode shown ? "'" + shown.Text + "'" : property.Value.KindName;
        Report(DiagnosticDescriptors.IgnoredSpecValue, Locate(property.Value), ownerPath + "." + name, "is " + found + ", not a number", "it is not checked");
        return string.Empty;
    }

    /// <summary>A scalar as text (examples may be strings, numbers or booleans).</summary>
    public string ScalarText(JsonObjectNode owner, string name)
        => owner.Find(name)?.Value is JsonScalarNode { Kind: not JsonScalarKind.Null } scalar ? scalar.Text : string.Empty;

    private JsonTreeNode? Member(JsonObjectNode owner, string name, string ownerPath, bool required, string expected)
    {
        var property = owner.Find(name);
        if (property is null || (!required && property.Value is JsonScalarNode { Kind: JsonScalarKind.Null }))
        {
            if (required)
            {
                Report(DiagnosticDescriptors.MissingMember, Locate(owner), ownerPath, name);
            }

            return null;
        }

        var matches = expected switch
        {
            "an object" => property.Value is JsonObjectNode,
            "an array" => property.Value is JsonArrayNode,
            _ => property.Value is JsonScalarNode { Kind: JsonScalarKind.String },
        };
        if (!matches)
        {
            Report(DiagnosticDescriptors.WrongJsonKind, Locate(property.Value), ownerPath + "." + name, expected, property.Value.KindName);
            return null;
        }

        return property.Value;
    }
}
