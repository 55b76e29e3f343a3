using System.Text;

namespace VodGen.Upload.Storage;

/// <summary>RFC 3986 percent-encoding as the storage signatures use it (upper-case hex, unreserved characters kept).</summary>
internal static class OssEncoding
{
    public static string Component(string value) => Encode(value, keepSlash: false);

    /// <summary>A path: like <see cref="Component"/>, with <c>/</c> kept.</summary>
    public static string Path(string value) => Encode(value, keepSlash: true);

    private static string Encode(string value, bool keepSlash)
    {
        var builder = new StringBuilder(value.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append("0123456789ABCDEF"[b >> 4]).Append("0123456789ABCDEF"[b & 15]);
            }
        }

        return builder.ToString();
    }
}
