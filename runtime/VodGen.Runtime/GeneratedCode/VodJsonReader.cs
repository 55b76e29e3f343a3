using System.ComponentModel;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace VodGen.GeneratedCode;

/// <summary>Reads one element of a JSON array; <paramref name="arrayPath"/> and <paramref name="index"/> name it in errors.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T VodJsonItemReader<T>(ref Utf8JsonReader reader, string arrayPath, int index);

/// <summary>
/// Small reading steps that generated response readers are made of. Every read checks the JSON type
/// against the spec and throws <see cref="VodProtocolException"/> naming the JSON path on a mismatch.
/// Paths are built only when an error is raised.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VodJsonReader
{
    /// <summary>Checks that the reader stands on the start of an object.</summary>
    public static void ExpectObject(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Mismatch(path, "an object", reader.TokenType);
        }
    }

    /// <summary>The path of a member of the object at <paramref name="path"/>.</summary>
    public static string Child(string path, string name) => path + "." + name;

    /// <summary>The path of an element of the array at <paramref name="arrayPath"/>.</summary>
    public static string Item(string arrayPath, int index) => arrayPath + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    /// <summary>Reads a string member (null allowed).</summary>
    public static string? ReadString(ref Utf8JsonReader reader, string path, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Null => null,
            _ => throw Mismatch(Child(path, name), "a string", reader.TokenType),
        };
    }

    /// <summary>Reads a member of any JSON kind as a raw value (null reads as absent).</summary>
    public static JsonElement? ReadJson(ref Utf8JsonReader reader, string path, string name)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);
    }

    /// <summary>Reads a 64-bit whole-number member (null allowed).</summary>
    public static long? ReadInt64(ref Utf8JsonReader reader, string path, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt64(out var value) => value,
            JsonTokenType.Null => null,
            _ => throw Mismatch(Child(path, name), "a whole number", reader.TokenType),
        };
    }

    /// <summary>Reads a 32-bit whole-number member (null allowed).</summary>
    public static int? ReadInt32(ref Utf8JsonReader reader, string path, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt32(out var value) => value,
            JsonTokenType.Null => null,
            _ => throw Mismatch(Child(path, name), "a 32-bit whole number", reader.TokenType),
        };
    }

    /// <summary>Reads a number member (null allowed).</summary>
    public static double? ReadDouble(ref Utf8JsonReader reader, string path, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDouble(),
            JsonTokenType.Null => null,
            _ => throw Mismatch(Child(path, name), "a number", reader.TokenType),
        };
    }

    /// <summary>Reads a boolean member (null allowed).</summary>
    public static bool? ReadBoolean(ref Utf8JsonReader reader, string path, string name)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => null,
            _ => throw Mismatch(Child(path, name), "a boolean", reader.TokenType),
        };
    }

    /// <summary>Reads a number of seconds, written as a number or as a numeric string, as a <see cref="TimeSpan"/>.</summary>
    public static TimeSpan? ReadDurationSeconds(ref Utf8JsonReader reader, string path, string name)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number when reader.TryGetDouble(out var number) && IsDuration(number):
                return TimeSpan.FromSeconds(number);
            case JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && IsDuration(parsed):
                return TimeSpan.FromSeconds(parsed);
            default:
                throw Mismatch(Child(path, name), "a non-negative number of seconds within TimeSpan's range", reader.TokenType);
        }
    }

    /// <summary>Reads an array member (null allowed) whose elements <paramref name="item"/> reads.</summary>
    public static IReadOnlyList<T>? ReadArray<T>(ref Utf8JsonReader reader, string path, string name, VodJsonItemReader<T> item)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return ReadArrayValue(ref reader, Child(path, name), item);
    }

    /// <summary>Reads the array the reader stands on; <paramref name="arrayPath"/> names it in errors.</summary>
    public static IReadOnlyList<T> ReadArrayValue<T>(ref Utf8JsonReader reader, string arrayPath, VodJsonItemReader<T> item)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Mismatch(arrayPath, "an array", reader.TokenType);
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(item(ref reader, arrayPath, items.Count));
        }

        return items;
    }

    /// <summary>Reads an object array element with <paramref name="read"/>, refusing null.</summary>
    public static T ObjectItem<T>(ref Utf8JsonReader reader, string arrayPath, int index, VodJsonItemReader<T> read)
        => reader.TokenType == JsonTokenType.StartObject ? read(ref reader, Item(arrayPath, index), 0) : throw Mismatch(Item(arrayPath, index), "an object", reader.TokenType);

    /// <summary>Reads a duration (seconds) array element.</summary>
    public static TimeSpan DurationSecondsItem(ref Utf8JsonReader reader, string arrayPath, int index)
        => reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetDouble(out var number) && IsDuration(number) => TimeSpan.FromSeconds(number),
            JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && IsDuration(parsed) => TimeSpan.FromSeconds(parsed),
            _ => throw Mismatch(Item(arrayPath, index), "a non-negative number of seconds within TimeSpan's range", reader.TokenType),
        };

    /// <summary>Reads an array element of any JSON kind as a raw value.</summary>
    public static JsonElement JsonItem(ref Utf8JsonReader reader, string arrayPath, int index) => JsonElement.ParseValue(ref reader);

    /// <summary>Reads a string array element.</summary>
    public static string StringItem(ref Utf8JsonReader reader, string arrayPath, int index)
        => reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw Mismatch(Item(arrayPath, index), "a string", reader.TokenType);

    /// <summary>Reads a 64-bit whole-number array element.</summary>
    public static long Int64Item(ref Utf8JsonReader reader, string arrayPath, int index)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value) ? value : throw Mismatch(Item(arrayPath, index), "a whole number", reader.TokenType);

    /// <summary>Reads a 32-bit whole-number array element.</summary>
    public static int Int32Item(ref Utf8JsonReader reader, string arrayPath, int index)
        => reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value) ? value : throw Mismatch(Item(arrayPath, index), "a 32-bit whole number", reader.TokenType);

    /// <summary>Reads a number array element.</summary>
    public static double DoubleItem(ref Utf8JsonReader reader, string arrayPath, int index)
        => reader.TokenType == JsonTokenType.Number ? reader.GetDouble() : throw Mismatch(Item(arrayPath, index), "a number", reader.TokenType);

    /// <summary>Reads a boolean array element.</summary>
    public static bool BooleanItem(ref Utf8JsonReader reader, string arrayPath, int index)
        => reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw Mismatch(Item(arrayPath, index), "a boolean", reader.TokenType),
        };

    // Seconds that fit a TimeSpan: finite, not negative, below TimeSpan.MaxValue (about 29,000 years).
    private static bool IsDuration(double seconds) => seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds;

    /// <summary>The exception for a value whose JSON type contradicts the spec.</summary>
    public static VodProtocolException Mismatch(string path, string expected, JsonTokenType found)
        => new($"The response does not match the operation's spec: {path} should be {expected} but is {Describe(found)}.", jsonPath: path);

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
