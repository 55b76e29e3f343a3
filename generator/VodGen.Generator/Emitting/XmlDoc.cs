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
        writer.WriteLine("/// <summary>");
        foreach (var line in Lines(text.Trim().Length > 0 ? text : fallback))
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
        var lines = Escape(text.Trim()).Split('\n');
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
