using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;

namespace VodGen.Generator.Parsing;

/// <summary>Builds a <see cref="JsonTreeNode"/> tree from UTF-8 bytes with <see cref="Utf8JsonReader"/>.</summary>
internal sealed class JsonTreeBuilder
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 128,
    };

    // Past this many members, duplicate keys are found with a set of decoded names rather than by comparing bytes.
    private const int LinearDuplicateCheck = 16;

    private readonly byte[] _utf8;
    private readonly List<JsonPropertyNode> _duplicateKeys;
    private readonly CancellationToken _cancellationToken;

    // Members and elements are collected in one reused list per depth, then copied once into an exact-size array.
    private readonly List<List<JsonPropertyNode>> _members = new();
    private readonly List<List<JsonTreeNode>> _elements = new();
    private int _depth;

    private JsonTreeBuilder(byte[] utf8, List<JsonPropertyNode> duplicateKeys, CancellationToken cancellationToken)
    {
        _utf8 = utf8;
        _duplicateKeys = duplicateKeys;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Reads the whole document; duplicate keys are reported through <paramref name="duplicateKeys"/>.</summary>
    /// <exception cref="JsonException">The bytes are not valid JSON.</exception>
    /// <exception cref="JsonTreeException">The document is empty or has content after its end.</exception>
    public static JsonTreeNode Build(byte[] utf8, List<JsonPropertyNode> duplicateKeys, CancellationToken cancellationToken)
        => Build(utf8, utf8.Length, duplicateKeys, cancellationToken);

    /// <summary>Reads the document held in the first <paramref name="length"/> bytes of <paramref name="utf8"/>.</summary>
    public static JsonTreeNode Build(byte[] utf8, int length, List<JsonPropertyNode> duplicateKeys, CancellationToken cancellationToken)
    {
        var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(utf8, 0, length), Options);
        if (!reader.Read())
        {
            throw new JsonTreeException("the file is empty", 0);
        }

        var root = new JsonTreeBuilder(utf8, duplicateKeys, cancellationToken).ReadValue(ref reader);
        if (reader.Read())
        {
            throw new JsonTreeException("unexpected content after the end of the document", (int)reader.TokenStartIndex);
        }

        return root;
    }

    private JsonTreeNode ReadValue(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, start);
            case JsonTokenType.StartArray:
                return ReadArray(ref reader, start);
            case JsonTokenType.String:
                var length = reader.ValueSpan.Length;

                // Escaped strings are decoded when first read too (most are examples and prose VodGen never reads),
                // unless one may hold a surrogate escape: only decoding tells whether it pairs, and that is an error
                // to report now, where it stands.
                return reader.ValueIsEscaped && MayHoldSurrogateEscape(reader.ValueSpan)
                    ? new JsonScalarNode(JsonScalarKind.String, ReadEscaped(ref reader), start, start + length + 2)
                    : new JsonScalarNode(JsonScalarKind.String, _utf8, start + 1, length, start, start + length + 2, reader.ValueIsEscaped);
            case JsonTokenType.Number:
                return new JsonScalarNode(JsonScalarKind.Number, _utf8, start, reader.ValueSpan.Length, start, start + reader.ValueSpan.Length);
            case JsonTokenType.True:
                return new JsonScalarNode(JsonScalarKind.True, "true", start, start + 4);
            case JsonTokenType.False:
                return new JsonScalarNode(JsonScalarKind.False, "false", start, start + 5);
            default:
                return new JsonScalarNode(JsonScalarKind.Null, "null", start, start + 4);
        }
    }

    private JsonObjectNode ReadObject(ref Utf8JsonReader reader, int start)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        var members = Scratch(_members);
        HashSet<string>? names = null;
        _depth++;
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var nameStart = (int)reader.TokenStartIndex;
            var nameEnd = nameStart + reader.ValueSpan.Length + 2;
            var escaped = reader.ValueIsEscaped ? ReadEscaped(ref reader) : null;
            Next(ref reader);
            var property = new JsonPropertyNode(_utf8, nameStart, nameEnd, escaped, ReadValue(ref reader));
            if (IsDuplicate(members, property, ref names))
            {
                _duplicateKeys.Add(property);
            }
            else
            {
                members.Add(property);
            }
        }

        _depth--;
        var node = new JsonObjectNode(start, (int)reader.TokenStartIndex + 1, members.ToArray());
        members.Clear();
        return node;
    }

    private JsonArrayNode ReadArray(ref Utf8JsonReader reader, int start)
    {
        var elements = Scratch(_elements);
        _depth++;
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            elements.Add(ReadValue(ref reader));
        }

        _depth--;
        var node = new JsonArrayNode(start, (int)reader.TokenStartIndex + 1, elements.Count == 0 ? Array.Empty<JsonTreeNode>() : elements.ToArray());
        elements.Clear();
        return node;
    }

    private List<T> Scratch<T>(List<List<T>> byDepth)
    {
        while (byDepth.Count <= _depth)
        {
            byDepth.Add(new List<T>());
        }

        return byDepth[_depth];
    }

    private static bool IsDuplicate(List<JsonPropertyNode> members, JsonPropertyNode property, ref HashSet<string>? names)
    {
        if (members.Count < LinearDuplicateCheck)
        {
            foreach (var member in members)
            {
                if (member.SameName(property))
                {
                    return true;
                }
            }

            return false;
        }

        if (names is null)
        {
            names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in members)
            {
                names.Add(member.Name);
            }
        }

        return !names.Add(property.Name);
    }

    // Whether the raw bytes of a string hold an escape of the surrogate range (\uD800 to \uDFFF).
    private static bool MayHoldSurrogateEscape(ReadOnlySpan<byte> raw)
    {
        for (var i = raw.IndexOf((byte)'\\'); i >= 0 && i + 3 < raw.Length; i++)
        {
            // \uD8.. to \uDF..: a 'd' (either case), then 8, 9 or a letter a to f.
            if (raw[i] == '\\' && raw[i + 1] == 'u' && (raw[i + 2] | 0x20) == 'd' && (raw[i + 3] is (byte)'8' or (byte)'9' || (raw[i + 3] | 0x20) is >= 'a' and <= 'f'))
            {
                return true;
            }

            if (raw[i] == '\\')
            {
                // An escaped backslash is not the start of another escape.
                i++;
            }
        }

        return false;
    }

    // The reader accepts \uD800-style escapes that do not form a surrogate pair, then refuses to unescape them.
    private static string ReadEscaped(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            throw new JsonTreeException("a string holds a \\u escape that is not a valid UTF-16 character (an unpaired surrogate)", (int)reader.TokenStartIndex);
        }
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonTreeException("the document ends before it is complete", (int)reader.BytesConsumed);
        }

        return reader.TokenType;
    }
}
