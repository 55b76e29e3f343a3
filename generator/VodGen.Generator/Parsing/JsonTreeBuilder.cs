using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace VodGen.Generator.Parsing;

/// <summary>Builds a <see cref="JsonTreeNode"/> tree from UTF-8 bytes with <see cref="Utf8JsonReader"/>.</summary>
internal static class JsonTreeBuilder
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 128,
    };

    /// <summary>Reads the whole document; duplicate keys are reported through <paramref name="duplicateKeys"/>.</summary>
    /// <exception cref="JsonException">The bytes are not valid JSON.</exception>
    /// <exception cref="JsonTreeException">The document is empty or has content after its end.</exception>
    public static JsonTreeNode Build(byte[] utf8, List<JsonPropertyNode> duplicateKeys, CancellationToken cancellationToken)
    {
        var reader = new Utf8JsonReader(utf8, Options);
        if (!reader.Read())
        {
            throw new JsonTreeException("the file is empty", 0);
        }

        var root = ReadValue(ref reader, duplicateKeys, cancellationToken);
        if (reader.Read())
        {
            throw new JsonTreeException("unexpected content after the end of the document", (int)reader.TokenStartIndex);
        }

        return root;
    }

    private static JsonTreeNode ReadValue(ref Utf8JsonReader reader, List<JsonPropertyNode> duplicateKeys, CancellationToken cancellationToken)
    {
        var start = (int)reader.TokenStartIndex;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, start, duplicateKeys, cancellationToken);
            case JsonTokenType.StartArray:
                var array = new JsonArrayNode(start);
                while (Next(ref reader) != JsonTokenType.EndArray)
                {
                    array.Items.Add(ReadValue(ref reader, duplicateKeys, cancellationToken));
                }

                array.End = (int)reader.TokenStartIndex + 1;
                return array;
            case JsonTokenType.String:
                return new JsonScalarNode(JsonScalarKind.String, ReadString(ref reader), start, start + RawLength(ref reader) + 2);
            case JsonTokenType.Number:
                return new JsonScalarNode(JsonScalarKind.Number, Encoding.UTF8.GetString(reader.ValueSpan.ToArray()), start, start + RawLength(ref reader));
            case JsonTokenType.True:
                return new JsonScalarNode(JsonScalarKind.True, "true", start, start + 4);
            case JsonTokenType.False:
                return new JsonScalarNode(JsonScalarKind.False, "false", start, start + 5);
            default:
                return new JsonScalarNode(JsonScalarKind.Null, "null", start, start + 4);
        }
    }

    private static JsonObjectNode ReadObject(ref Utf8JsonReader reader, int start, List<JsonPropertyNode> duplicateKeys, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var node = new JsonObjectNode(start);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Next(ref reader) != JsonTokenType.EndObject)
        {
            var nameStart = (int)reader.TokenStartIndex;
            var name = ReadString(ref reader);
            var nameEnd = nameStart + RawLength(ref reader) + 2;
            Next(ref reader);
            var property = new JsonPropertyNode(name, nameStart, nameEnd, ReadValue(ref reader, duplicateKeys, cancellationToken));
            if (seen.Add(name))
            {
                node.Properties.Add(property);
            }
            else
            {
                duplicateKeys.Add(property);
            }
        }

        node.End = (int)reader.TokenStartIndex + 1;
        return node;
    }

    // The reader accepts \uD800-style escapes that do not form a surrogate pair, then refuses to unescape them.
    private static string ReadString(ref Utf8JsonReader reader)
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

    private static int RawLength(ref Utf8JsonReader reader)
        => reader.HasValueSequence ? (int)reader.ValueSequence.Length : reader.ValueSpan.Length;
}
