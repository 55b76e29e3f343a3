using System;
using System.Collections.Generic;
using System.Text;

namespace VodGen.Generator.Parsing;

/// <summary>
/// A minimal JSON tree that remembers where every node stands in the file (UTF-8 byte offsets), so that diagnostics
/// can point at the exact member. Lives only inside the parser. Strings are decoded when first read, not when the
/// tree is built: most of an official file (prose, examples, tags VodGen does not use) is never read at all.
/// </summary>
internal abstract class JsonTreeNode
{
    protected JsonTreeNode(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    /// <summary>A short name of the node's JSON kind, for messages.</summary>
    public abstract string KindName { get; }
}

internal sealed class JsonObjectNode : JsonTreeNode
{
    private readonly JsonPropertyNode[] _properties;

    public JsonObjectNode(int start, int end, JsonPropertyNode[] properties)
        : base(start, end)
    {
        _properties = properties;
    }

    public IReadOnlyList<JsonPropertyNode> Properties => _properties;

    public override string KindName => "an object";

    public JsonPropertyNode? Find(string name)
    {
        foreach (var property in _properties)
        {
            if (property.NameIs(name))
            {
                return property;
            }
        }

        return null;
    }
}

internal sealed class JsonPropertyNode
{
    private readonly byte[] _source;
    private string? _name;

    /// <param name="source">The file's bytes.</param>
    /// <param name="nameStart">Where the name's opening quote stands.</param>
    /// <param name="nameEnd">Just after the name's closing quote.</param>
    /// <param name="escapedName">The decoded name when it holds escapes; null when its bytes are the name.</param>
    /// <param name="value">The member's value.</param>
    public JsonPropertyNode(byte[] source, int nameStart, int nameEnd, string? escapedName, JsonTreeNode value)
    {
        _source = source;
        NameStart = nameStart;
        NameEnd = nameEnd;
        _name = escapedName;
        IsEscaped = escapedName is not null;
        Value = value;
    }

    public string Name => _name ??= KnownTexts.Find(_source, NameStart + 1, NameEnd - NameStart - 2) ?? Encoding.UTF8.GetString(_source, NameStart + 1, NameEnd - NameStart - 2);

    public int NameStart { get; }

    public int NameEnd { get; }

    public JsonTreeNode Value { get; }

    private bool IsEscaped { get; }

    /// <summary>Whether the name is <paramref name="name"/>, compared on the bytes without decoding where it can be.</summary>
    public bool NameIs(string name)
    {
        if (_name is not null || IsEscaped)
        {
            return string.Equals(Name, name, StringComparison.Ordinal);
        }

        var length = NameEnd - NameStart - 2;
        var start = NameStart + 1;
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] >= 0x80)
            {
                // Non-ASCII text has other lengths in bytes and characters; compare it decoded.
                return string.Equals(Name, name, StringComparison.Ordinal);
            }

            if (i >= length || _source[start + i] != name[i])
            {
                return false;
            }
        }

        return length == name.Length;
    }

    /// <summary>Whether the name starts with the ASCII <paramref name="prefix"/>, compared on the bytes where it can be.</summary>
    public bool NameStartsWith(string prefix)
    {
        if (_name is not null || IsEscaped)
        {
            return Name.StartsWith(prefix, StringComparison.Ordinal);
        }

        var length = NameEnd - NameStart - 2;
        if (length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (_source[NameStart + 1 + i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether two members have the same name (for duplicate keys).</summary>
    public bool SameName(JsonPropertyNode other)
    {
        if (IsEscaped || other.IsEscaped)
        {
            return string.Equals(Name, other.Name, StringComparison.Ordinal);
        }

        return _source.AsSpan(NameStart, NameEnd - NameStart).SequenceEqual(other._source.AsSpan(other.NameStart, other.NameEnd - other.NameStart));
    }
}

internal sealed class JsonArrayNode : JsonTreeNode
{
    private readonly JsonTreeNode[] _items;

    public JsonArrayNode(int start, int end, JsonTreeNode[] items)
        : base(start, end)
    {
        _items = items;
    }

    public IReadOnlyList<JsonTreeNode> Items => _items;

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
    private readonly byte[]? _source;
    private readonly int _valueStart;
    private readonly int _valueLength;
    private readonly bool _escaped;
    private string? _text;

    /// <summary>A scalar whose text is known (keywords, and strings whose escapes had to be decoded up front).</summary>
    public JsonScalarNode(JsonScalarKind kind, string text, int start, int end)
        : base(start, end)
    {
        Kind = kind;
        _text = text;
    }

    /// <summary>
    /// A scalar whose text is the UTF-8 at <paramref name="valueStart"/>, decoded when first read (unescaped, when
    /// <paramref name="escaped"/>: the builder has checked that its escapes decode).
    /// </summary>
    public JsonScalarNode(JsonScalarKind kind, byte[] source, int valueStart, int valueLength, int start, int end, bool escaped = false)
        : base(start, end)
    {
        Kind = kind;
        _source = source;
        _valueStart = valueStart;
        _valueLength = valueLength;
        _escaped = escaped;
    }

    public JsonScalarKind Kind { get; }

    /// <summary>The unescaped string, or a number's literal text.</summary>
    public string Text => _text ??= _escaped ? Unescape() : KnownTexts.Find(_source!, _valueStart, _valueLength) ?? Encoding.UTF8.GetString(_source!, _valueStart, _valueLength);

    // The quoted string alone is a JSON document: the framework's reader unescapes it.
    private string Unescape()
    {
        var reader = new System.Text.Json.Utf8JsonReader(new ReadOnlySpan<byte>(_source!, Start, End - Start));
        reader.Read();
        return reader.GetString() ?? string.Empty;
    }

    public override string KindName => Kind switch
    {
        JsonScalarKind.String => "a string",
        JsonScalarKind.Number => "a number",
        JsonScalarKind.Null => "null",
        _ => "a boolean",
    };
}
