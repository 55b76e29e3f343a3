using System;
using System.Collections;
using System.ComponentModel;
using System.Globalization;

namespace VodGen.Serialization;

/// <summary>Formats member values for the <c>ToString()</c> of generated types: invariant, short, secrets masked.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VodDisplay
{
    /// <summary>Text for a value: <c>null</c>, <c>[3 items]</c> for lists, invariant text otherwise.</summary>
    public static string Value(object? value) => value switch
    {
        null => "null",
        string text => text,
        ICollection list => "[" + list.Count.ToString(CultureInfo.InvariantCulture) + " items]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Text for a secret value: <c>null</c> or <c>***</c>, never the value.</summary>
    public static string Secret(object? value) => value is null ? "null" : "***";
}
