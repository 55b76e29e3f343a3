using System;

namespace VodGen.Generator.Parsing;

/// <summary>
/// The short texts a spec repeats in nearly every schema and member name ("type", "string", "query", ...), handed out
/// as one shared string each instead of being decoded again at every occurrence.
/// </summary>
internal static class KnownTexts
{
    private const int MaxLength = 16;

    // By length, so that a lookup compares bytes with the few texts of the same length only.
    private static readonly string[][] ByLength = Index(
        "type", "string", "integer", "object", "array", "boolean", "number", "int32", "int64", "double", "float",
        "query", "formData", "body", "path", "header", "in", "name", "schema", "schemas", "required", "description",
        "title", "example", "format", "items", "properties", "enum", "style", "repeatList", "flat", "json", "simple",
        "true", "false", "deprecated", "maxLength", "minLength", "maximum", "minimum", "pattern", "docRequired",
        "RequestId", "PageNo", "PageSize", "Total", "Code", "Message", "$ref", "date-time", "byte", "binary");

    /// <summary>The shared string whose UTF-8 is <paramref name="utf8"/>[start..start+length), or null.</summary>
    public static string? Find(byte[] utf8, int start, int length)
    {
        if (length == 0)
        {
            return string.Empty;
        }

        if (length > MaxLength)
        {
            return null;
        }

        foreach (var candidate in ByLength[length])
        {
            if (SameAscii(candidate, utf8, start))
            {
                return candidate;
            }
        }

        return null;
    }

    private static bool SameAscii(string text, byte[] utf8, int start)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (utf8[start + i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    private static string[][] Index(params string[] texts)
    {
        var lists = new System.Collections.Generic.List<string>[MaxLength + 1];
        for (var length = 0; length <= MaxLength; length++)
        {
            lists[length] = new System.Collections.Generic.List<string>();
        }

        foreach (var text in texts)
        {
            lists[text.Length].Add(text);
        }

        return Array.ConvertAll(lists, static list => list.ToArray());
    }
}
