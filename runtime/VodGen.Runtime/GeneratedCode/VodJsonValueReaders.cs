using System.Collections.Generic;
using System.ComponentModel;
using System.Text.Json;

namespace VodGen.GeneratedCode;

/// <summary>The <see cref="VodJsonValueReader"/>s of generated shapes: objects, lists of objects, other lists.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VodJsonValueReaders
{
    /// <summary>A member holding an object that <paramref name="read"/> reads (null allowed).</summary>
    public static VodJsonValueReader Object<T>(VodJsonObjectReader<T> read)
        where T : class
    {
        System.ArgumentNullException.ThrowIfNull(read);
        return (ref Utf8JsonReader reader, string path, string name) =>
        {
            reader.Read();
            return reader.TokenType == JsonTokenType.Null ? null : read(ref reader, VodJsonReader.Child(path, name));
        };
    }

    /// <summary>A member holding an array of objects that <paramref name="read"/> reads, refusing null elements (the array itself may be null).</summary>
    public static VodJsonValueReader Objects<T>(VodJsonObjectReader<T> read)
    {
        System.ArgumentNullException.ThrowIfNull(read);
        return (ref Utf8JsonReader reader, string path, string name) =>
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                return null;
            }

            var arrayPath = VodJsonReader.Child(path, name);
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw VodJsonReader.Mismatch(arrayPath, "an array", reader.TokenType);
            }

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
        };
    }

    /// <summary>A member holding an array whose elements <paramref name="item"/> reads (null allowed).</summary>
    public static VodJsonValueReader Array<T>(VodJsonItemReader<T> item)
    {
        System.ArgumentNullException.ThrowIfNull(item);
        return (ref Utf8JsonReader reader, string path, string name) => VodJsonReader.ReadArray(ref reader, path, name, item);
    }
}
