using System;
using System.Collections.Generic;
using System.Text;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Lines of XML documentation being converted, in one reusable character buffer: each line is a range of it, copied
/// into the generated file without becoming a string of its own. An official product's prose is about half of what
/// the generator writes; a string per line, per list item and per converted span was most of emission's garbage.
/// </summary>
internal sealed class DocLines
{
    // One per thread, reused (the generator may run for several compilations at once, one per thread).
    [ThreadStatic]
    private static DocLines? s_cached;

    private readonly List<int> _lineEnds = new();
    private char[] _chars = new char[1024];
    private int _length;

    private DocLines()
    {
    }

    /// <summary>An empty buffer; give it back with <see cref="Return"/> when its lines are written.</summary>
    public static DocLines Rent()
    {
        var lines = s_cached ?? new DocLines();
        s_cached = null;
        lines._length = 0;
        lines._lineEnds.Clear();
        return lines;
    }

    /// <summary>Keeps the buffer for the thread's next description, unless one huge text made it large.</summary>
    public void Return()
    {
        if (_chars.Length <= 64 * 1024)
        {
            s_cached = this;
        }
    }

    /// <summary>The finished lines.</summary>
    public int Count => _lineEnds.Count;

    /// <summary>Characters written so far, the open line included: a mark to roll back to.</summary>
    public int Length => _length;

    public void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
    }

    public void Append(string text) => Append(text, 0, text.Length);

    public void Append(string text, int start, int count)
    {
        if (_length + count > _chars.Length)
        {
            Grow(count);
        }

        text.CopyTo(start, _chars, _length, count);
        _length += count;
    }

    /// <summary>Appends one character escaped for XML content (see <see cref="XmlDoc.EscapeOf"/>).</summary>
    public void AppendEscaped(char c)
    {
        if (XmlDoc.EscapeOf(c) is { } replacement)
        {
            Append(replacement);
        }
        else
        {
            Append(c);
        }
    }

    /// <summary>Appends a range of text escaped for XML content.</summary>
    public void AppendEscaped(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            AppendEscaped(text[i]);
        }
    }

    /// <summary>Drops what was written after <paramref name="mark"/> (a <see cref="Length"/> within the open line).</summary>
    public void Truncate(int mark) => _length = mark;

    /// <summary>Goes back to an earlier <see cref="Length"/> and <see cref="Count"/>, dropping the lines finished since.</summary>
    public void RollBack(int length, int count)
    {
        _lineEnds.RemoveRange(count, _lineEnds.Count - count);
        _length = length;
    }

    /// <summary>Whether the open line holds anything but white space from <paramref name="mark"/> on.</summary>
    public bool HasTextSince(int mark)
    {
        for (var i = mark; i < _length; i++)
        {
            if (!char.IsWhiteSpace(_chars[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Finishes the open line.</summary>
    public void EndLine() => _lineEnds.Add(_length);

    /// <summary>Writes <paramref name="text"/> as a line of its own.</summary>
    public void AddLine(string text)
    {
        Append(text);
        EndLine();
    }

    /// <summary>Whether the last finished line ends with <paramref name="suffix"/>.</summary>
    public bool LastLineEndsWith(string suffix)
    {
        if (Count == 0)
        {
            return false;
        }

        var end = _lineEnds[Count - 1];
        var start = Count == 1 ? 0 : _lineEnds[Count - 2];
        if (end - start < suffix.Length)
        {
            return false;
        }

        for (var i = 0; i < suffix.Length; i++)
        {
            if (_chars[end - suffix.Length + i] != suffix[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Copies line <paramref name="index"/> into <paramref name="builder"/>.</summary>
    public void CopyTo(int index, StringBuilder builder)
    {
        var start = index == 0 ? 0 : _lineEnds[index - 1];
        builder.Append(_chars, start, _lineEnds[index] - start);
    }

    /// <summary>Line <paramref name="index"/> as a string (tests, and the rare caller that keeps it).</summary>
    public string this[int index]
    {
        get
        {
            var start = index == 0 ? 0 : _lineEnds[index - 1];
            return new string(_chars, start, _lineEnds[index] - start);
        }
    }

    private void Grow(int needed)
    {
        var larger = new char[Math.Max(_chars.Length * 2, _length + needed)];
        Array.Copy(_chars, larger, _length);
        _chars = larger;
    }
}
