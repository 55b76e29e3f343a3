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
    {
        var chosen = string.IsNullOrWhiteSpace(text) ? fallback : text;
        if (IsPlainLine(chosen))
        {
            // Most summaries are one plain line: nothing to escape or split.
            writer.WriteLine("/// <summary>", chosen, "</summary>");
            return;
        }

        var lines = MarkdownDoc.ToLines(chosen);
        if (lines.Count == 0)
        {
            // Markup with no words in it ("### [](#)"): the fallback says something at least.
            lines.Add(XmlDoc.Escape(fallback));
        }

        if (lines.Count == 1)
        {
            // Most summaries are one line; one line of source for them too.
            writer.WriteLine("/// <summary>", lines[0], "</summary>");
            return;
        }

        writer.WriteLine("/// <summary>");
        foreach (var line in lines)
        {
            writer.WriteLine("/// ", line);
        }

        writer.WriteLine("/// </summary>");
    }

    public static void Remarks(SourceWriter writer, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var lines = MarkdownDoc.ToLines(text);
        if (lines.Count == 0)
        {
            return;
        }

        writer.WriteLine("/// <remarks>");
        foreach (var line in lines)
        {
            writer.WriteLine("/// ", line);
        }

        writer.WriteLine("/// </remarks>");
    }

    // Text that Escape and Lines would return unchanged as one line.
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

    /// <summary>Whether <see cref="Append"/> would change any character of the text.</summary>
    public static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (c is '&' or '<' or '>' or '\u0085' or '\u2028' or '\u2029' || char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Appends one character escaped for XML content (see <see cref="Escape"/>).</summary>
    public static void Append(StringBuilder builder, char c)
    {
        switch (c)
        {
            case '&': builder.Append("&amp;"); break;
            case '<': builder.Append("&lt;"); break;
            case '>': builder.Append("&gt;"); break;
            case '\r': break;
            case '\t': builder.Append("    "); break;

            // C# ends a line at these too, which would end the /// comment (Lines has already split on them).
            case '\u0085':
            case '\u2028':
            case '\u2029': builder.Append(' '); break;
            default:
                // Other control characters cannot appear in XML documentation.
                if (!char.IsControl(c) || c == '\n')
                {
                    builder.Append(c);
                }

                break;
        }
    }
}
