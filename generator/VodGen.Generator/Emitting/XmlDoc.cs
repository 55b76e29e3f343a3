using System;
using System.Collections.Generic;
using System.Text;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Writes spec prose as XML documentation: escaped so no description can close the comment or inject
/// code, one <c>///</c> line per source line, markdown kept as plain text.
/// </summary>
internal static class XmlDoc
{
    public static void Summary(SourceWriter writer, string text, string fallback)
    {
        var chosen = text.Trim().Length > 0 ? text : fallback;
        if (IsPlainLine(chosen))
        {
            // Most summaries are one plain line: nothing to escape or split.
            writer.WriteLine("/// <summary>", chosen, "</summary>");
            return;
        }

        var lines = new List<string>(Lines(chosen));
        if (lines.Count == 1)
        {
            // Most summaries are one line; one line of source for them too.
            writer.WriteLine("/// <summary>" + lines[0] + "</summary>");
            return;
        }

        writer.WriteLine("/// <summary>");
        foreach (var line in lines)
        {
            writer.WriteLine("/// " + line);
        }

        writer.WriteLine("/// </summary>");
    }

    public static void Remarks(SourceWriter writer, string text)
    {
        if (text.Trim().Length == 0)
        {
            return;
        }

        writer.WriteLine("/// <remarks>");
        foreach (var line in Lines(text))
        {
            writer.WriteLine("/// " + line);
        }

        writer.WriteLine("/// </remarks>");
    }

    // Text that Escape and Lines would return unchanged as one line.
    private static bool IsPlainLine(string text)
    {
        if (text.Length == 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[text.Length - 1]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is '&' or '<' or '>' or '\u0085' or '\u2028' or '\u2029' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Escapes text for XML content.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
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

        return builder.ToString();
    }

    private static IEnumerable<string> Lines(string text)
    {
        // Separators C# reads as line ends become line breaks of the prose.
        var lines = Escape(text.Trim().Replace('\u2028', '\n').Replace('\u2029', '\n').Replace('\u0085', '\n')).Split('\n');
        var blank = false;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                // Collapse runs of blank lines into a paragraph break.
                if (!blank)
                {
                    yield return "<para/>";
                }

                blank = true;
                continue;
            }

            blank = false;
            yield return line;
        }
    }
}
