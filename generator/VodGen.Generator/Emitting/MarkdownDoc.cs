using System;
using System.Collections.Generic;
using System.Text;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Turns the Markdown of official descriptions into XML documentation markup, one output line per item: code spans
/// become <c>&lt;c&gt;</c>, fenced code <c>&lt;code&gt;</c>, emphasis <c>&lt;b&gt;</c>/<c>&lt;i&gt;</c>, lists
/// <c>&lt;list&gt;</c>, headings bold paragraphs, and web links <c>&lt;see href&gt;</c>. Links with nowhere to go
/// outside Alibaba Cloud's documentation site (<c>~~55397~~</c> placeholders, <c>#anchors</c>) keep only their
/// text, and empty ones vanish. Whatever the input, the output is well-formed: every tag it opens it closes, and all
/// other text is escaped.
/// </summary>
internal static class MarkdownDoc
{
    public static List<string> ToLines(string text)
    {
        var lines = text.Trim().Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n').Replace('\u0085', '\n').Split('\n');
        var output = new List<string>();
        var list = new ListState(output);
        var paragraphBreak = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                list.Close();
                BreakIfPending(output, ref paragraphBreak);
                i = Fence(lines, i, output);
                continue;
            }

            if (line.Length == 0)
            {
                // A blank line inside a list ends it unless the list goes on after it.
                if (list.IsOpen && !ContinuesList(lines, i))
                {
                    list.Close();
                }

                paragraphBreak = !list.IsOpen;
                continue;
            }

            if (Heading(line) is { } heading)
            {
                list.Close();
                var title = Inline(heading);
                if (title.Length > 0)
                {
                    BreakIfPending(output, ref paragraphBreak);
                    output.Add("<para><b>" + title + "</b></para>");
                }

                continue;
            }

            if (ListItem(line, out var numbered) is { } item)
            {
                if (!list.IsOpen)
                {
                    BreakIfPending(output, ref paragraphBreak);
                }

                list.Add(Inline(item), numbered);
                continue;
            }

            if (list.IsOpen && char.IsWhiteSpace(line[0]))
            {
                list.Continue(Inline(line.Trim()));
                continue;
            }

            list.Close();
            BreakIfPending(output, ref paragraphBreak);
            var converted = Inline(line);
            if (converted.Trim().Length > 0)
            {
                output.Add(converted);
            }
        }

        list.Close();
        return output;
    }

    /// <summary>Whether text has anything this class would change (besides what XML escaping does).</summary>
    public static bool HasMarkup(string text)
    {
        if (text.Length > 0 && (text[0] is '#' or '-' or '+' or '>' || char.IsDigit(text[0])))
        {
            return true;
        }

        foreach (var c in text)
        {
            if (c is '`' or '[' or '*' or '\\' or '\n' or '\r')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One line's inline Markdown as escaped XML with tags.</summary>
    public static string Inline(string text)
    {
        if (IsPlainInline(text))
        {
            // Most lines of prose have nothing to convert or escape: no copy for them.
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && IsAsciiPunctuation(text[i + 1]))
            {
                XmlDoc.Append(builder, text[i + 1]);
                i += 2;
            }
            else if (c == '`' && CodeSpan(text, i, out var code, out var afterCode))
            {
                builder.Append("<c>");
                foreach (var codeChar in code)
                {
                    XmlDoc.Append(builder, codeChar);
                }

                builder.Append("</c>");
                i = afterCode;
            }
            else if ((c == '[' || (c == '!' && i + 1 < text.Length && text[i + 1] == '[')) && Link(text, c == '!' ? i + 1 : i, out var label, out var target, out var afterLink))
            {
                AppendLink(builder, Inline(label), target);
                i = afterLink;
            }
            else if (c == '*' && Emphasis(text, i, out var inner, out var strong, out var afterEmphasis))
            {
                var tag = strong ? "b" : "i";
                builder.Append('<').Append(tag).Append('>').Append(Inline(inner)).Append("</").Append(tag).Append('>');
                i = afterEmphasis;
            }
            else
            {
                XmlDoc.Append(builder, c);
                i++;
            }
        }

        return builder.ToString();
    }

    // Whether Inline would return the text unchanged: no inline markup and nothing XML escaping changes.
    private static bool IsPlainInline(string text) => text.IndexOfAny(InlineMarkup) < 0 && !XmlDoc.NeedsEscaping(text);

    private static readonly char[] InlineMarkup = ['\\', '`', '[', '*'];

    private static void AppendLink(StringBuilder builder, string label, string target)
    {
        // Some published links wrap a placeholder in an internal address (https://…/~~52839~~?spm=…): still a placeholder.
        var web = target.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || target.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        if (web && target.IndexOf("~~", StringComparison.Ordinal) < 0)
        {
            var href = EscapeAttribute(target);
            builder.Append("<see href=\"").Append(href).Append("\">").Append(label.Length > 0 ? label : href).Append("</see>");
        }
        else
        {
            // A placeholder of the documentation site (~~55397~~), an anchor or a relative path: only the words stay.
            builder.Append(label);
        }
    }

    // `code`, with as many backticks closing as opening; false when it never closes.
    private static bool CodeSpan(string text, int start, out string code, out int after)
    {
        var ticks = 0;
        while (start + ticks < text.Length && text[start + ticks] == '`')
        {
            ticks++;
        }

        var fence = new string('`', ticks);
        var close = text.IndexOf(fence, start + ticks, StringComparison.Ordinal);
        while (close >= 0 && close + ticks < text.Length && text[close + ticks] == '`')
        {
            close = text.IndexOf(fence, close + ticks + 1, StringComparison.Ordinal);
        }

        if (close < 0 || text.Substring(start + ticks, close - start - ticks).Trim().Length == 0)
        {
            code = string.Empty;
            after = start;
            return false;
        }

        code = text.Substring(start + ticks, close - start - ticks).Trim();
        after = close + ticks;
        return true;
    }

    // [label](target "title"), brackets and parentheses balanced; the title is dropped.
    private static bool Link(string text, int open, out string label, out string target, out int after)
    {
        label = target = string.Empty;
        after = open;
        var close = Matching(text, open, '[', ']');
        if (close < 0 || close + 1 >= text.Length || text[close + 1] != '(')
        {
            return false;
        }

        var end = Matching(text, close + 1, '(', ')');
        if (end < 0)
        {
            return false;
        }

        label = text.Substring(open + 1, close - open - 1);
        target = text.Substring(close + 2, end - close - 2).Trim();
        var space = target.IndexOf(' ');
        if (space > 0)
        {
            target = target.Substring(0, space);
        }

        after = end + 1;
        return true;
    }

    private static int Matching(string text, int open, char opening, char closing)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == opening)
            {
                depth++;
            }
            else if (text[i] == closing && --depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    // **strong** or *emphasis*: the opening is followed, and the closing preceded, by other than a space, so that
    // "2 * 3 * 4" stays arithmetic.
    private static bool Emphasis(string text, int start, out string inner, out bool strong, out int after)
    {
        strong = start + 1 < text.Length && text[start + 1] == '*';
        var marker = strong ? "**" : "*";
        var from = start + marker.Length;
        inner = string.Empty;
        after = start;
        if (from >= text.Length || char.IsWhiteSpace(text[from]))
        {
            return false;
        }

        for (var close = text.IndexOf(marker, from, StringComparison.Ordinal); close > from; close = text.IndexOf(marker, close + 1, StringComparison.Ordinal))
        {
            var followedByStar = !strong && close + 1 < text.Length && text[close + 1] == '*';
            if (!char.IsWhiteSpace(text[close - 1]) && text[close - 1] != '\\' && !followedByStar)
            {
                inner = text.Substring(from, close - from);
                after = close + marker.Length;
                return true;
            }

            if (followedByStar)
            {
                close++;
            }
        }

        return false;
    }

    private static string? Heading(string line)
    {
        var level = 0;
        while (level < line.Length && line[level] == '#')
        {
            level++;
        }

        return level is >= 1 and <= 6 && (level == line.Length || line[level] == ' ') ? line.Substring(level).Trim().TrimEnd('#').Trim() : null;
    }

    // "*   text", "- text", "+ text", "1. text", "2) text", at any indentation.
    private static string? ListItem(string line, out bool numbered)
    {
        var i = 0;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        numbered = false;
        if (i < line.Length && line[i] is '*' or '-' or '+')
        {
            i++;
        }
        else
        {
            var digits = i;
            while (i < line.Length && char.IsDigit(line[i]))
            {
                i++;
            }

            if (i == digits || i - digits > 9 || i >= line.Length || line[i] is not ('.' or ')'))
            {
                return null;
            }

            numbered = true;
            i++;
        }

        if (i >= line.Length || line[i] != ' ')
        {
            return null;
        }

        var content = line.Substring(i).Trim();
        return content.Length > 0 ? content : null;
    }

    private static bool ContinuesList(string[] lines, int blank)
    {
        for (var i = blank + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                return ListItem(lines[i], out _) is not null || char.IsWhiteSpace(lines[i][0]);
            }
        }

        return false;
    }

    // A fenced block, kept line for line; returns the index of its closing fence (or the last line).
    private static int Fence(string[] lines, int open, List<string> output)
    {
        output.Add("<code>");
        var i = open + 1;
        for (; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
        {
            output.Add(XmlDoc.Escape(lines[i].TrimEnd()));
        }

        output.Add("</code>");
        return i;
    }

    private static void BreakIfPending(List<string> output, ref bool pending)
    {
        // A heading is a paragraph of its own: no break after it.
        if (pending && output.Count > 0 && !output[output.Count - 1].EndsWith("</para>", StringComparison.Ordinal))
        {
            output.Add("<para/>");
        }

        pending = false;
    }


    private static string EscapeAttribute(string text) => XmlDoc.Escape(text).Replace("\"", "&quot;");

    private static bool IsAsciiPunctuation(char c) => c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';

    // An open list collects its items and closes them all, so the output is balanced whatever follows.
    private sealed class ListState
    {
        private readonly List<string> _output;
        private StringBuilder? _item;
        private bool _numbered;

        public ListState(List<string> output) => _output = output;

        public bool IsOpen { get; private set; }

        public void Add(string text, bool numbered)
        {
            if (IsOpen && numbered != _numbered)
            {
                // Numbered items after bullets (or the reverse) start a list of their own.
                Close();
            }

            if (!IsOpen)
            {
                _output.Add(numbered ? "<list type=\"number\">" : "<list type=\"bullet\">");
                IsOpen = true;
                _numbered = numbered;
            }

            FlushItem();
            _item = new StringBuilder(text);
        }

        public void Continue(string text)
        {
            if (_item is null)
            {
                _item = new StringBuilder(text);
            }
            else if (text.Length > 0)
            {
                _item.Append(' ').Append(text);
            }
        }

        public void Close()
        {
            if (!IsOpen)
            {
                return;
            }

            FlushItem();
            _output.Add("</list>");
            IsOpen = false;
        }

        private void FlushItem()
        {
            if (_item is not null)
            {
                _output.Add("<item><description>" + _item + "</description></item>");
                _item = null;
            }
        }
    }
}
