using System;
using System.Collections.Generic;
using VodGen.Generator.Model;

namespace VodGen.Generator.Parsing;

/// <summary>
/// The shared schemas of one file (<c>components.schemas</c>), read only when an operation that is read refers to
/// them, and each once: a schema that refers to itself, directly or through others, is queued once and read once.
/// </summary>
internal sealed class ComponentRegistry
{
    private const string Prefix = "#/components/schemas/";

    private readonly JsonObjectNode? _schemas;
    private readonly HashSet<string> _requested = new(StringComparer.Ordinal);
    private readonly Queue<string> _pending = new();

    public ComponentRegistry(JsonObjectNode? schemas)
    {
        _schemas = schemas;
    }

    public static ComponentRegistry Empty { get; } = new(null);

    /// <summary>The component a <c>$ref</c> names, or null when the reference does not lead to one in this file.</summary>
    public JsonPropertyNode? Find(string reference, out string name)
    {
        name = string.Empty;
        if (_schemas is null || !reference.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        // JSON Pointer escapes: "~1" stands for '/', "~0" for '~'.
        name = reference.Substring(Prefix.Length).Replace("~1", "/").Replace("~0", "~");
        return _schemas.Find(name);
    }

    /// <summary>Marks a component as needed; it is read by <see cref="ReadRequested"/>.</summary>
    public void Request(string name)
    {
        if (_requested.Add(name))
        {
            _pending.Enqueue(name);
        }
    }

    /// <summary>Reads every requested component, including those requested while reading others.</summary>
    public EquatableArray<ComponentModel> ReadRequested(SpecReadContext context)
    {
        var result = new List<ComponentModel>();
        while (_pending.Count > 0)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var name = _pending.Dequeue();
            if (_schemas?.Find(name)?.Value is JsonObjectNode node
                && SchemaReader.ReadComponent(context, node, "components.schemas." + name) is { } schema)
            {
                result.Add(new ComponentModel(Identifiers.ToPascalCase(name), schema));
            }
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        return result.ToEquatableArray();
    }
}
