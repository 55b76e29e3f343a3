using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace VodGen.GeneratedCode;

/// <summary>Reads a JSON object the reader stands on as one generated class; <paramref name="path"/> names it in errors.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T VodJsonObjectReader<T>(ref Utf8JsonReader reader, string path);

/// <summary>
/// Walks the members of one JSON object for a generated reader: <see cref="Next"/> stops on each member the class
/// knows (skipping the others) and refuses a member given twice; the typed methods then read its value. Generated
/// readers are a loop over <see cref="Next"/> and a switch on <see cref="Member"/>, so that the per-member code stays
/// one short statement. Every read checks the JSON type and names the member's path in a
/// <see cref="VodProtocolException"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct VodObjectReader
{
    private readonly string _path;
    private readonly VodJsonMembers _members;
    private ulong _seen;
    private ulong[]? _seenBeyond64;
    private int _member;

    /// <summary>Starts reading the object the reader stands on.</summary>
    /// <exception cref="VodProtocolException">The reader does not stand on an object.</exception>
    public VodObjectReader(ref Utf8JsonReader reader, string path, VodJsonMembers members)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(members);
        VodJsonReader.ExpectObject(ref reader, path);
        _path = path;
        _members = members;
        _member = -1;
    }

    /// <summary>The index of the member <see cref="Next"/> stopped on.</summary>
    public readonly int Member => _member;

    /// <summary>
    /// Moves to the next member the class knows, skipping the values of others; false at the end of the object.
    /// </summary>
    /// <exception cref="VodProtocolException">The object gives a member a second time: which value is meant is unclear, so the answer is not trusted.</exception>
    /// <exception cref="InvalidOperationException">The reader is a <c>default</c> value, not made by the constructor.</exception>
    public bool Next(ref Utf8JsonReader reader)
    {
        if (_members is null)
        {
            throw new InvalidOperationException("A VodObjectReader must be created with its constructor, on the object to read.");
        }

        while (true)
        {
            reader.Read();
            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                return false;
            }

            var found = _members.Find(ref reader, _member + 1);
            if (found < 0)
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            MarkSeen(found);
            _member = found;
            return true;
        }
    }

    /// <summary>Reads the member's value as text (null allowed).</summary>
    public readonly string? String(ref Utf8JsonReader reader) => VodJsonReader.ReadString(ref reader, _path, Name);

    /// <summary>Reads the member's value as a 64-bit whole number (null allowed).</summary>
    public readonly long? Int64(ref Utf8JsonReader reader) => VodJsonReader.ReadInt64(ref reader, _path, Name);

    /// <summary>Reads the member's value as a 32-bit whole number (null allowed).</summary>
    public readonly int? Int32(ref Utf8JsonReader reader) => VodJsonReader.ReadInt32(ref reader, _path, Name);

    /// <summary>Reads the member's value as a number (null allowed).</summary>
    public readonly double? Double(ref Utf8JsonReader reader) => VodJsonReader.ReadDouble(ref reader, _path, Name);

    /// <summary>Reads the member's value as a boolean (null allowed).</summary>
    public readonly bool? Boolean(ref Utf8JsonReader reader) => VodJsonReader.ReadBoolean(ref reader, _path, Name);

    /// <summary>Reads the member's value, a number of seconds as a number or numeric text, as a duration (null allowed).</summary>
    public readonly TimeSpan? DurationSeconds(ref Utf8JsonReader reader) => VodJsonReader.ReadDurationSeconds(ref reader, _path, Name);

    /// <summary>Reads the member's value of any JSON kind as a raw value (null reads as absent).</summary>
    public readonly JsonElement? Json(ref Utf8JsonReader reader) => VodJsonReader.ReadJson(ref reader, _path, Name);

    /// <summary>Reads the member's value, an object, with <paramref name="read"/> (null allowed).</summary>
    public readonly T? Object<T>(ref Utf8JsonReader reader, VodJsonObjectReader<T> read)
        where T : class
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : read(ref reader, VodJsonReader.Child(_path, Name));
    }

    /// <summary>Reads the member's value, an array whose elements <paramref name="item"/> reads (null allowed).</summary>
    public readonly IReadOnlyList<T>? Array<T>(ref Utf8JsonReader reader, VodJsonItemReader<T> item)
        => VodJsonReader.ReadArray(ref reader, _path, Name, item);

    /// <summary>Reads the member's value, an array of objects that <paramref name="read"/> reads, refusing null elements (the array itself may be null).</summary>
    public readonly IReadOnlyList<T>? Objects<T>(ref Utf8JsonReader reader, VodJsonObjectReader<T> read)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var arrayPath = VodJsonReader.Child(_path, Name);
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw VodJsonReader.Mismatch(arrayPath, "an array", reader.TokenType);
        }

        // Its own loop rather than ReadArray with an item delegate: that delegate would have to capture `read`, one
        // allocation per list read.
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw VodJsonReader.Mismatch(VodJsonReader.Item(arrayPath, items.Count), "an object", reader.TokenType);
            }

            items.Add(read(ref reader, VodJsonReader.Item(arrayPath, items.Count)));
        }

        return items;
    }

    private readonly string Name => _members[_member];

    private void MarkSeen(int index)
    {
        if (index < 64)
        {
            var bit = 1UL << index;
            if ((_seen & bit) != 0)
            {
                throw Twice(index);
            }

            _seen |= bit;
            return;
        }

        _seenBeyond64 ??= new ulong[(_members.Count - 1) / 64];
        ref var word = ref _seenBeyond64[(index / 64) - 1];
        var beyond = 1UL << (index % 64);
        if ((word & beyond) != 0)
        {
            throw Twice(index);
        }

        word |= beyond;
    }

    private readonly VodProtocolException Twice(int index)
    {
        var path = VodJsonReader.Child(_path, _members[index]);
        return new VodProtocolException($"The response is ambiguous: {path} appears more than once.", jsonPath: path);
    }
}
