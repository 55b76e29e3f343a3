using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace VodGen.Security;

/// <summary>
/// Masks the AccessKey secret and the STS token wherever a server may have echoed them: as they are, or with any of
/// their characters percent-encoded (either case of hex, space as <c>+</c>), JSON-escaped (<c>\u002B</c>, <c>\/</c>) or
/// HTML-escaped (<c>&amp;#x2B;</c>, <c>&amp;#43;</c>, <c>&amp;amp;</c>), mixed freely. Used on the error path only:
/// creating one costs nothing, and the matching pattern is built only when there is text to redact.
/// </summary>
internal readonly struct VodSecretRedactor
{
    /// <summary>What a masked secret is replaced with.</summary>
    public const string Mask = "***";

    // Below this length a "secret" could match ordinary text; real secrets and tokens are far longer.
    private const int ShortestMaskedSecret = 4;

    private readonly VodCredentials? _credentials;

    private VodSecretRedactor(VodCredentials? credentials) => _credentials = credentials;

    /// <summary>A redactor that masks nothing (no credentials were read).</summary>
    public static VodSecretRedactor None => default;

    /// <summary>A redactor for the secret and token of <paramref name="credentials"/>.</summary>
    public static VodSecretRedactor For(VodCredentials? credentials) => new(credentials);

    /// <summary><paramref name="text"/> with every form of a secret replaced by <see cref="Mask"/>.</summary>
    public string? Redact(string? text)
    {
        if (text is null || text.Length == 0 || _credentials is null)
        {
            return text;
        }

        text = Redact(text, _credentials.AccessKeySecret);
        return _credentials.SecurityToken is { } token ? Redact(text, token) : text;
    }

    private static string Redact(string text, string secret)
    {
        if (secret.Length < ShortestMaskedSecret)
        {
            return text;
        }

        try
        {
            return Regex.Replace(text, PatternFor(secret), Mask, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (RegexMatchTimeoutException)
        {
            // Never show text that could not be checked.
            return "[text withheld: it could not be checked for secrets]";
        }
    }

    // Each character of the secret, matched in any of the encodings a server might have applied to it.
    private static string PatternFor(string secret)
    {
        var pattern = new StringBuilder(secret.Length * 48);
        Span<byte> utf8 = stackalloc byte[4];
        Span<char> utf16 = stackalloc char[2];
        foreach (var rune in secret.EnumerateRunes())
        {
            pattern.Append("(?:").Append(Regex.Escape(rune.ToString()));
            if (rune.Value == ' ')
            {
                pattern.Append("|\\+");
            }

            var length = rune.EncodeToUtf8(utf8);
            pattern.Append('|');
            for (var i = 0; i < length; i++)
            {
                pattern.Append('%').Append(utf8[i].ToString("X2", CultureInfo.InvariantCulture));
            }

            var units = rune.EncodeToUtf16(utf16);
            pattern.Append('|');
            for (var i = 0; i < units; i++)
            {
                pattern.Append("\\\\u").Append(((int)utf16[i]).ToString("X4", CultureInfo.InvariantCulture));
            }

            pattern.Append("|\\\\").Append(Regex.Escape(rune.ToString()))
                .Append("|&#x0*").Append(rune.Value.ToString("X", CultureInfo.InvariantCulture)).Append(';')
                .Append("|&#0*").Append(rune.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
            var entity = System.Net.WebUtility.HtmlEncode(rune.ToString());
            if (entity.Length > 1 && entity[0] == '&' && entity[1] != '#')
            {
                pattern.Append('|').Append(Regex.Escape(entity));
            }

            pattern.Append(')');
        }

        return pattern.ToString();
    }
}
