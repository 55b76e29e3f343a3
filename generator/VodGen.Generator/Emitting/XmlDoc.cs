using System;
using System.Text;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Writes spec prose as XML documentation: escaped so no description can close the comment or inject
/// code, one <c>///</c> line per source line, Markdown turned into XML documentation markup (see MarkdownDoc).
/// </summary>
internal static class XmlDoc
{
    public static void Summary(SourceWriter writer, string text, string fallback)
        => Summary(writer, text, fallback, string.Empty, string.Empty);

    /// <summary>
    /// A summary of <paramref name="text"/>, or when it is blank of <paramref name="fallbackPrefix"/>,
    /// <paramref name="fallback"/> and <paramref name="fallbackSuffix"/> (parts, so that no fallback is built for the
    /// many members that have a description).
    /// </summary>
    public static void Summary(SourceWriter writer, string text, string fallbackPrefix, string fallback, string fallbackSuffix)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            text = fallbackPrefix + fallback + fallbackSuffix;
        }

        if (IsPlainLine(text))
        {
            // Most summaries are one plain line: nothing to escape or split.
            writer.WriteLine("/// <summary>", text, "</summary>");
            return;
        }

        var lines = DocLines.Rent();
        MarkdownDoc.Convert(text, lines);
        if (lines.Count == 0)
        {
            // Markup with no words in it ("### [](#)"): the fallback says something at least.
            var words = fallbackPrefix + fallback + fallbackSuffix;
            lines.AppendEscaped(words, 0, words.Length);
            lines.EndLine();
        }

        if (lines.Count == 1)
        {
            // Most summaries are one line; one line of source for them too.
            writer.WriteLine("/// <summary>", lines, 0, "</summary>");
        }
        else
        {
            writer.WriteLine("/// <summary>");
            for (var i = 0; i < lines.Count; i++)
            {
                writer.WriteLine("/// ", lines, i);
            }

            writer.WriteLine("/// </summary>");
        }

        lines.Return();
    }

    public static void Remarks(SourceWriter writer, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var lines = DocLines.Rent();
        MarkdownDoc.Convert(text, lines);
        if (lines.Count > 0)
        {
            writer.WriteLine("/// <remarks>");
            for (var i = 0; i < lines.Count; i++)
            {
                writer.WriteLine("/// ", lines, i);
            }

            writer.WriteLine("/// </remarks>");
        }

        lines.Return();
    }

    // Text that escaping and the Markdown conversion would leave as it is, on one line.
    private static bool IsPlainLine(string text)
        => text.Length > 0 && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[text.Length - 1])
            && !NeedsEscaping(text) && !MarkdownDoc.HasMarkup(text);

    /// <summary>Escapes text for XML content.</summary>
    public static string Escape(string text)
    {
        if (!NeedsEscaping(text))
        {
            // Nearly every example and name: nothing to change, no copy.
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            Append(builder, c);
        }

        return builder.ToString();
    }

    /// <summary>Whether escaping would change any character of the text.</summary>
    public static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (EscapeOf(c) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends one character escaped for XML content (see <see cref="Escape"/>).</summary>
    public static void Append(StringBuilder builder, char c)
    {
        if (EscapeOf(c) is { } replacement)
        {
            builder.Append(replacement);
        }
        else
        {
            builder.Append(c);
        }
    }

    /// <summary>What a character becomes in XML documentation; null when it stays as it is.</summary>
    public static string? EscapeOf(char c)
        => c switch
        {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            '\t' => "    ",

            // C# ends a line at these too, which would end the /// comment (Markdown has already split lines on them).
            '\u0085' or '\u2028' or '\u2029' => " ",

            // Other control characters cannot appear in XML documentation (a line feed is the caller's to place).
            '\n' => null,
            _ when char.IsControl(c) => string.Empty,
            _ => null,
        };
}
