using System.Globalization;
using System.Text;

namespace VodGen.Generator.Emitting;

/// <summary>C# literals for values taken from specs.</summary>
internal static class Literals
{
    /// <summary>A regular string literal with every character that needs it escaped.</summary>
    public static string String(string value)
    {
        // Nearly every value (member names, codes) needs no escape: one concatenation instead of a builder.
        if (!NeedsEscape(value))
        {
            return "\"" + value + "\"";
        }

        return AppendString(new StringBuilder(value.Length + 8), value).ToString();
    }

    /// <summary>Appends <paramref name="value"/> as a regular string literal (see <see cref="String"/>).</summary>
    public static StringBuilder AppendString(StringBuilder builder, string value)
    {
        builder.Append('"');
        if (!NeedsEscape(value))
        {
            return builder.Append(value).Append('"');
        }

        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    // U+0085, U+2028 and U+2029 end a line in C# source, so they are escaped with the other controls.
                    if (char.IsControl(c) || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"');
    }

    private static bool NeedsEscape(string value)
    {
        foreach (var c in value)
        {
            if (c == '"' || c == '\\' || char.IsControl(c) || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A UTF-8 literal (<c>"..."u8</c>) of ASCII text.</summary>
    public static string Utf8(string ascii) => String(ascii) + "u8";

    /// <summary>A spec number (invariant text) as a C# <c>double</c> literal.</summary>
    public static string Double(string value)
        => double.Parse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture).ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "d";
}
