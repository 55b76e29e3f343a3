using System;
using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Text;

namespace VodGen.GeneratedCode;

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

    /// <summary>
    /// The one-line text of a generated object, <c>Type { A = 1, B = null }</c>: <paramref name="membersAndValues"/>
    /// alternates member names and their values (secrets already replaced by <see cref="Secret"/>).
    /// </summary>
    /// <exception cref="ArgumentException">The list does not alternate names and values.</exception>
    public static string Describe(string typeName, params object?[] membersAndValues)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        ArgumentNullException.ThrowIfNull(membersAndValues);
        if (membersAndValues.Length % 2 != 0)
        {
            throw new ArgumentException("Member names and values must come in pairs.", nameof(membersAndValues));
        }

        if (membersAndValues.Length == 0)
        {
            return typeName + " { }";
        }

        var text = new StringBuilder(typeName).Append(" { ");
        for (var i = 0; i < membersAndValues.Length; i += 2)
        {
            text.Append(i == 0 ? string.Empty : ", ").Append(membersAndValues[i] as string).Append(" = ").Append(Value(membersAndValues[i + 1]));
        }

        return text.Append(" }").ToString();
    }

    /// <summary>Text for a secret value: <c>null</c> or <c>***</c>, never the value.</summary>
    public static string Secret(object? value) => value is null ? "null" : "***";
}
