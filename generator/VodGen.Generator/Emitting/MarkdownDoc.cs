using System;
using System.Collections.Generic;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Turns the Markdown of official descriptions into XML documentation markup, one output line per item: code spans
/// become <c>&lt;c&gt;</c>, fenced code <c>&lt;code&gt;</c>, emphasis <c>&lt;b&gt;</c>/<c>&lt;i&gt;</c>, lists
/// <c>&lt;list&gt;</c>, headings bold paragraphs, and web links <c>&lt;see href&gt;</c>. Links with nowhere to go
/// outside Alibaba Cloud's documentation site (<c>~~55397~~</c> placeholders, <c>#anchors</c>) keep only their
/// text, and empty ones vanish. Whatever the input, the output is well-formed: every tag it opens it closes, and all
/// other text is escaped. It reads the description by ranges and writes into a reusable <see cref="DocLines"/>
/// buffer: no string per line, item or span.
/// </summary>
internal static class MarkdownDoc
{
    /// <summary>The converted lines as strings (tests; emitters write a <see cref="DocLines"/> straight into the file).</summary>
    public static List<string> ToLines(string text)
    {
        var lines = DocLines.Rent();
        Convert(text, lines);
        var result = new List<string>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            result.Add(lines[i]);
        }

        lines.Return();
        return result;
    }

    /// <summary>Converts <paramref name="text"/> and adds its lines to <paramref name="output"/>.</summary>
    public static void Convert(string text, DocLines output)
    {
        // Lines are ranges of the text, trimmed as a whole: no copy of it, or of any line.
        var limit = TrimEnd(text, 0, text.Length);
        var list = new ListState(output);
        var paragraphBreak = false;
        for (var start = SkipWhiteSpace(text, 0, limit); start <= limit;)
        {
            var end = TrimEnd(text, start, LineEnd(text, start, limit, out var next));
            if (IsFence(text, start, end))
            {
                list.Close();
                BreakIfPending(output, ref paragraphBreak);
                start = Fence(text, next, limit, output);
                continue;
            }

            if (end == start)
            {
                // A blank line inside a list ends it unless the list goes on after it.
                if (list.IsOpen && !ContinuesList(text, next, limit))
                {
                    list.Close();
                }

                paragraphBreak = !list.IsOpen;
                start = next;
                continue;
            }

            if (Heading(text, start, end, out var titleStart, out var titleEnd))
            {
                list.Close();
                var (mark, count, pending) = (output.Length, output.Count, paragraphBreak);
                BreakIfPending(output, ref paragraphBreak);
                output.Append("<para><b>");
                var titleMark = output.Length;
                Inline(text, titleStart, titleEnd, output);
                if (output.Length == titleMark)
                {
                    // Markup with no words ("### [](#)"): no heading, and no break for it.
                    output.RollBack(mark, count);
                    paragraphBreak = pending;
                }
                else
                {
                    output.Append("</b></para>");
                    output.EndLine();
                }

                start = next;
                continue;
            }

            if (ListItem(text, start, end, out var itemStart, out var itemEnd, out var numbered))
            {
                if (!list.IsOpen)
                {
                    BreakIfPending(output, ref paragraphBreak);
                }

                list.StartItem(numbered);
                Inline(text, itemStart, itemEnd, output);
                start = next;
                continue;
            }

            if (list.IsOpen && char.IsWhiteSpace(text[start]))
            {
                // A continuation of the item: a space, then its words (nothing when it has none).
                var mark = output.Length;
                output.Append(' ');
                Inline(text, SkipWhiteSpace(text, start, end), end, output);
                if (output.Length == mark + 1)
                {
                    output.Truncate(mark);
                }

                start = next;
                continue;
            }

            list.Close();
            BreakIfPending(output, ref paragraphBreak);
            var lineMark = output.Length;
            Inline(text, start, end, output);
            if (output.HasTextSince(lineMark))
            {
                output.EndLine();
            }
            else
            {
                output.Truncate(lineMark);
            }

            start = next;
        }

        list.Close();
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
        if (IsPlainInline(text, 0, text.Length))
        {
            // Most lines of prose have nothing to convert or escape: no copy for them.
            return text;
        }

        var output = DocLines.Rent();
        Inline(text, 0, text.Length, output);
        output.EndLine();
        var converted = output[0];
        output.Return();
        return converted;
    }

    // Writes text[start..end) converted into the open line of output.
    private static void Inline(string text, int start, int end, DocLines output)
    {
        if (IsPlainInline(text, start, end))
        {
            output.Append(text, start, end - start);
            return;
        }

        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < end && IsAsciiPunctuation(text[i + 1]))
            {
                output.AppendEscaped(text[i + 1]);
                i += 2;
            }
            else if (c == '`' && CodeSpan(text, i, end, out var codeStart, out var codeEnd, out var afterCode))
            {
                output.Append("<c>");
                output.AppendEscaped(text, codeStart, codeEnd);
                output.Append("</c>");
                i = afterCode;
            }
            else if ((c == '[' || (c == '!' && i + 1 < end && text[i + 1] == '[')) && Link(text, c == '!' ? i + 1 : i, end, out var label, out var target, out var afterLink))
            {
                AppendLink(text, label, target, output);
                i = afterLink;
            }
            else if (c == '*' && Emphasis(text, i, end, out var innerStart, out var innerEnd, out var strong, out var afterEmphasis))
            {
                output.Append(strong ? "<b>" : "<i>");
                Inline(text, innerStart, innerEnd, output);
                output.Append(strong ? "</b>" : "</i>");
                i = afterEmphasis;
            }
            else
            {
                output.AppendEscaped(c);
                i++;
            }
        }
    }

    // Whether Inline would copy the range unchanged: no inline markup and nothing XML escaping changes.
    private static bool IsPlainInline(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is '\\' or '`' or '[' or '*' || XmlDoc.EscapeOf(c) is not null)
            {
                return false;
            }
        }

        return true;
    }

    private static void AppendLink(string text, (int Start, int End) label, (int Start, int End) target, DocLines output)
    {
        // Some published links wrap a placeholder in an internal address (https://…/~~52839~~?spm=…): still a placeholder.
        var web = StartsWithIgnoreCase(text, target, "https://") || StartsWithIgnoreCase(text, target, "http://");
        if (web && text.IndexOf("~~", target.Start, target.End - target.Start, StringComparison.Ordinal) < 0)
        {
            output.Append("<see href=\"");
            AppendAttribute(text, target, output);
            output.Append("\">");
            var mark = output.Length;
            Inline(text, label.Start, label.End, output);
            if (output.Length == mark)
            {
                AppendAttribute(text, target, output);
            }

            output.Append("</see>");
        }
        else
        {
            // A placeholder of the documentation site (~~55397~~), an anchor or a relative path: only the words stay.
            Inline(text, label.Start, label.End, output);
        }
    }

    private static void AppendAttribute(string text, (int Start, int End) range, DocLines output)
    {
        for (var i = range.Start; i < range.End; i++)
        {
            if (text[i] == '"')
            {
                output.Append("&quot;");
            }
            else
            {
                output.AppendEscaped(text[i]);
            }
        }
    }

    private static bool StartsWithIgnoreCase(string text, (int Start, int End) range, string prefix)
        => range.End - range.Start >= prefix.Length && string.Compare(text, range.Start, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

    // `code`, with as many backticks closing as opening; false when it never closes within the line.
    private static bool CodeSpan(string text, int start, int end, out int codeStart, out int codeEnd, out int after)
    {
        var ticks = 0;
        while (start + ticks < end && text[start + ticks] == '`')
        {
            ticks++;
        }

        var close = IndexOfTicks(text, start + ticks, end, ticks);
        while (close >= 0 && close + ticks < end && text[close + ticks] == '`')
        {
            close = IndexOfTicks(text, close + ticks + 1, end, ticks);
        }

        codeStart = close < 0 ? start : SkipWhiteSpace(text, start + ticks, close);
        codeEnd = close < 0 ? start : TrimEnd(text, codeStart, close);
        if (codeStart == codeEnd)
        {
            after = start;
            return false;
        }

        after = close + ticks;
        return true;
    }

    // Where the first run of `count` backticks within [from, end) starts; -1 when there is none.
    private static int IndexOfTicks(string text, int from, int end, int count)
    {
        for (var i = from; i + count <= end; i++)
        {
            var run = 0;
            while (run < count && text[i + run] == '`')
            {
                run++;
            }

            if (run == count)
            {
                return i;
            }
        }

        return -1;
    }

    // [label](target "title"), brackets and parentheses balanced; the title is dropped.
    private static bool Link(string text, int open, int end, out (int Start, int End) label, out (int Start, int End) target, out int after)
    {
        label = target = default;
        after = open;
        var close = Matching(text, open, end, '[', ']');
        if (close < 0 || close + 1 >= end || text[close + 1] != '(')
        {
            return false;
        }

        var closeParenthesis = Matching(text, close + 1, end, '(', ')');
        if (closeParenthesis < 0)
        {
            return false;
        }

        label = (open + 1, close);
        var targetStart = SkipWhiteSpace(text, close + 2, closeParenthesis);
        var targetEnd = TrimEnd(text, targetStart, closeParenthesis);
        var space = text.IndexOf(' ', targetStart, targetEnd - targetStart);
        target = (targetStart, space > targetStart ? space : targetEnd);
        after = closeParenthesis + 1;
        return true;
    }

    private static int Matching(string text, int open, int end, char opening, char closing)
    {
        var depth = 0;
        for (var i = open; i < end; i++)
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
    private static bool Emphasis(string text, int start, int end, out int innerStart, out int innerEnd, out bool strong, out int after)
    {
        strong = start + 1 < end && text[start + 1] == '*';
        var marker = strong ? "**" : "*";
        var from = start + marker.Length;
        innerStart = innerEnd = from;
        after = start;
        if (from >= end || char.IsWhiteSpace(text[from]))
        {
            return false;
        }

        for (var close = text.IndexOf(marker, from, end - from, StringComparison.Ordinal); close > from; close = text.IndexOf(marker, close + 1, end - close - 1, StringComparison.Ordinal))
        {
            var followedByStar = !strong && close + 1 < end && text[close + 1] == '*';
            if (!char.IsWhiteSpace(text[close - 1]) && text[close - 1] != '\\' && !followedByStar)
            {
                innerEnd = close;
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

    // "# Title #": the words between the hashes (possibly none).
    private static bool Heading(string text, int start, int end, out int titleStart, out int titleEnd)
    {
        var level = 0;
        while (start + level < end && text[start + level] == '#')
        {
            level++;
        }

        titleStart = titleEnd = start;
        if (level is < 1 or > 6 || (start + level < end && text[start + level] != ' '))
        {
            return false;
        }

        titleStart = SkipWhiteSpace(text, start + level, end);
        titleEnd = TrimEnd(text, titleStart, end);
        while (titleEnd > titleStart && text[titleEnd - 1] == '#')
        {
            titleEnd--;
        }

        titleEnd = TrimEnd(text, titleStart, titleEnd);
        return true;
    }

    // "*   text", "- text", "+ text", "1. text", "2) text", at any indentation; false when there are no words.
    private static bool ListItem(string text, int start, int end, out int contentStart, out int contentEnd, out bool numbered)
    {
        var i = start;
        while (i < end && text[i] == ' ')
        {
            i++;
        }

        numbered = false;
        contentStart = contentEnd = start;
        if (i < end && text[i] is '*' or '-' or '+')
        {
            i++;
        }
        else
        {
            var digits = i;
            while (i < end && char.IsDigit(text[i]))
            {
                i++;
            }

            if (i == digits || i - digits > 9 || i >= end || text[i] is not ('.' or ')'))
            {
                return false;
            }

            numbered = true;
            i++;
        }

        if (i >= end || text[i] != ' ')
        {
            return false;
        }

        contentStart = SkipWhiteSpace(text, i, end);
        contentEnd = TrimEnd(text, contentStart, end);
        return contentEnd > contentStart;
    }

    // Whether the first line with words after a blank one (starting at `from`) goes on with the list.
    private static bool ContinuesList(string text, int from, int limit)
    {
        for (var start = from; start <= limit;)
        {
            var lineEnd = LineEnd(text, start, limit, out var next);
            if (SkipWhiteSpace(text, start, lineEnd) < lineEnd)
            {
                return ListItem(text, start, lineEnd, out _, out _, out _) || char.IsWhiteSpace(text[start]);
            }

            start = next;
        }

        return false;
    }

    private static bool IsFence(string text, int start, int end)
    {
        var first = SkipWhiteSpace(text, start, end);
        return end - first >= 3 && text[first] == '`' && text[first + 1] == '`' && text[first + 2] == '`';
    }

    // A fenced block whose lines start at `from`, kept line for line; returns where the line after its closing fence starts.
    private static int Fence(string text, int from, int limit, DocLines output)
    {
        output.AddLine("<code>");
        var start = from;
        while (start <= limit)
        {
            var lineEnd = LineEnd(text, start, limit, out var next);
            if (IsFence(text, start, lineEnd))
            {
                start = next;
                break;
            }

            output.AppendEscaped(text, start, TrimEnd(text, start, lineEnd));
            output.EndLine();
            start = next;
        }

        output.AddLine("</code>");
        return start;
    }

    private static void BreakIfPending(DocLines output, ref bool pending)
    {
        // A heading is a paragraph of its own: no break after it.
        if (pending && output.Count > 0 && !output.LastLineEndsWith("</para>"))
        {
            output.AddLine("<para/>");
        }

        pending = false;
    }

    // Where the line starting at `start` ends, and where the next one starts (after "\r\n", "\n", "\r", U+0085,
    // U+2028 or U+2029: C# ends a line at each of them, so a comment line must too); past `limit` when it is the last.
    private static int LineEnd(string text, int start, int limit, out int next)
    {
        for (var i = start; i < limit; i++)
        {
            var c = text[i];
            if (c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029')
            {
                next = c == '\r' && i + 1 < limit && text[i + 1] == '\n' ? i + 2 : i + 1;
                return i;
            }
        }

        next = limit + 1;
        return limit;
    }

    private static int SkipWhiteSpace(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        return start;
    }

    private static int TrimEnd(string text, int start, int end)
    {
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return end;
    }

    private static bool IsAsciiPunctuation(char c) => c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';

    // An open list writes its items as they come and closes them all, so the output is balanced whatever follows.
    private struct ListState
    {
        private readonly DocLines _output;
        private bool _numbered;
        private bool _itemOpen;

        public ListState(DocLines output)
        {
            _output = output;
            _numbered = _itemOpen = false;
            IsOpen = false;
        }

        public bool IsOpen { get; private set; }

        // Opens an item whose words the caller writes next (into the open line).
        public void StartItem(bool numbered)
        {
            if (IsOpen && numbered != _numbered)
            {
                // Numbered items after bullets (or the reverse) start a list of their own.
                Close();
            }

            if (!IsOpen)
            {
                _output.AddLine(numbered ? "<list type=\"number\">" : "<list type=\"bullet\">");
                IsOpen = true;
                _numbered = numbered;
            }

            FlushItem();
            _output.Append("<item><description>");
            _itemOpen = true;
        }

        public void Close()
        {
            if (!IsOpen)
            {
                return;
            }

            FlushItem();
            _output.AddLine("</list>");
            IsOpen = false;
        }

        private void FlushItem()
        {
            if (_itemOpen)
            {
                _output.Append("</description></item>");
                _output.EndLine();
                _itemOpen = false;
            }
        }
    }
}
