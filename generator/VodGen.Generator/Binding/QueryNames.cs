using System.Globalization;
using System.Text;

namespace VodGen.Generator.Binding;

/// <summary>Parameter names as the query and its signature carry them.</summary>
internal static class QueryNames
{
    /// <summary>Percent-encodes a name the way the signature needs it (RFC 3986 unreserved characters kept), so it can be written as a constant.</summary>
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
