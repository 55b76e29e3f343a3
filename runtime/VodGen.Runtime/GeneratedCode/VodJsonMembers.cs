using System;
using System.Text;
using System.Text.Json;

namespace VodGen.GeneratedCode;

/// <summary>
/// The JSON member names of one generated class, in the order of its members (a <see cref="VodJsonShape"/>'s);
/// <see cref="VodJsonValues.Read"/> maps each property name it meets to a member's index with it.
/// </summary>
internal sealed class VodJsonMembers
{
    private readonly string[] _names;
    private readonly byte[][] _utf8;

    /// <summary>Creates the table for members named <paramref name="names"/>, in their order.</summary>
    /// <exception cref="ArgumentException">A name is null or listed twice.</exception>
    public VodJsonMembers(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = (string[])names.Clone(); // the caller's array stays the caller's
        _utf8 = new byte[names.Length][];
        for (var i = 0; i < names.Length; i++)
        {
            if (names[i] is null || Array.IndexOf(names, names[i], 0, i) >= 0)
            {
                throw new ArgumentException($"Member {i} is null or named like an earlier one.", nameof(names));
            }

            _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
        }
    }

    /// <summary>How many members the class has.</summary>
    public int Count => _names.Length;

    /// <summary>The JSON name of member <paramref name="index"/>.</summary>
    public string this[int index] => _names[index];

    /// <summary>
    /// The index of the member the reader's property name names, or -1. Answers list members in their documented
    /// order as a rule, so the search starts at <paramref name="expected"/> and wraps around.
    /// </summary>
    internal int Find(ref Utf8JsonReader reader, int expected)
    {
        var count = _utf8.Length;
        for (var step = 0; step < count; step++)
        {
            var index = expected + step;
            if (index >= count)
            {
                index -= count;
            }

            if (reader.ValueTextEquals(_utf8[index]))
            {
                return index;
            }
        }

        return -1;
    }
}
