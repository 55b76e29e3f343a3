using System.Collections.Generic;

namespace VodGen.Generator.Parsing;

/// <summary>
/// A minimal JSON tree that remembers where every node stands in the file (UTF-8 byte offsets),
/// so that diagnostics can point at the exact member. Lives only inside the parser.
/// </summary>
internal abstract class JsonTreeNode
{
    protected JsonTreeNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; internal set; }

    /// <summary>A short name of the node's JSON kind, for messages.</summary>
    public abstract string KindName { get; }
}

internal sealed class JsonObjectNode : JsonTreeNode
{
    public JsonObjectNode(int start)
        : base(start, start)
    {
    }

    public List<JsonPropertyNode> Properties { get; } = new();

    public override string KindName => "an object";

    public JsonPropertyNode? Find(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }
}

internal sealed class JsonPropertyNode
{
    public JsonPropertyNode(string name, int nameStart, int nameEnd, JsonTreeNode value)
    {
        Name = name;
        NameStart = nameStart;
        NameEnd = nameEnd;
        Value = value;
    }

    public string Name { get; }

    public int NameStart { get; }

    public int NameEnd { get; }

    public JsonTreeNode Value { get; }
}

internal sealed class JsonArrayNode : JsonTreeNode
{
    public JsonArrayNode(int start)
        : base(start, start)
    {
    }

    public List<JsonTreeNode> Items { get; } = new();

    public override string KindName => "an array";
}

internal enum JsonScalarKind
{
    String,
    Number,
    True,
    False,
    Null,
}

internal sealed class JsonScalarNode : JsonTreeNode
{
    public JsonScalarNode(JsonScalarKind kind, string text, int start, int end)
        : base(start, end)
    {
        Kind = kind;
        Text = text;
    }

    public JsonScalarKind Kind { get; }

    /// <summary>The unescaped string, or a number's literal text.</summary>
    public string Text { get; }

    public override string KindName => Kind switch
    {
        JsonScalarKind.String => "a string",
        JsonScalarKind.Number => "a number",
        JsonScalarKind.Null => "null",
        _ => "a boolean",
    };
}
