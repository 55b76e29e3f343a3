using System;
using System.Collections.Generic;
using VodGen.Generator.Model;

namespace VodGen.Generator.Parsing;

/// <summary>
/// Turns UTF-8 byte offsets (what <see cref="System.Text.Json.Utf8JsonReader"/> reports) into the
/// UTF-16 offsets and line/column pairs that Roslyn locations use. Every lookup costs a bounded scan
/// (at most one checkpoint stride), so a file on one long line, as official metadata is published,
/// costs no more than the same file pretty-printed.
/// </summary>
internal sealed class SourcePositionMap
{
    // UTF-16 offsets are recorded every Stride bytes; a lookup scans forward from the nearest one below.
    private const int Stride = 64;

    private readonly string _path;
    private readonly byte[] _utf8;
    private readonly List<int> _lineByteStarts = new() { 0 };
    private readonly List<int> _lineCharStarts = new() { 0 };
    private readonly int[] _charsAtCheckpoint;

    public SourcePositionMap(string path, byte[] utf8)
    {
        _path = path;
        _utf8 = utf8;
        _charsAtCheckpoint = new int[(utf8.Length / Stride) + 1];
        var chars = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (i % Stride == 0)
            {
                _charsAtCheckpoint[i / Stride] = chars;
            }

            chars += CharsOfLeadByte(utf8[i]);
            if (utf8[i] == (byte)'\n')
            {
                _lineByteStarts.Add(i + 1);
                _lineCharStarts.Add(chars);
            }
        }

        if (utf8.Length % Stride == 0)
        {
            _charsAtCheckpoint[utf8.Length / Stride] = chars;
        }
    }

    public LocationInfo Locate(int startByte, int endByte)
    {
        startByte = Clamp(startByte);
        endByte = Math.Max(startByte, Clamp(endByte));
        var (startLine, startColumn, startChar) = Position(startByte);
        var (endLine, endColumn, endChar) = Position(endByte);
        return new LocationInfo(_path, startChar, endChar - startChar, startLine, startColumn, endLine, endColumn);
    }

    /// <summary>A location for a 1-based line and byte column, as <see cref="System.Text.Json.JsonException"/> reports.</summary>
    public LocationInfo LocateLine(long zeroBasedLine, long bytePositionInLine)
    {
        var line = (int)Math.Min(Math.Max(zeroBasedLine, 0), _lineByteStarts.Count - 1);
        var start = (int)Math.Min(_lineByteStarts[line] + Math.Max(bytePositionInLine, 0), int.MaxValue);
        return Locate(start, start + 1);
    }

    private (int Line, int Column, int Char) Position(int byteOffset)
    {
        var line = _lineByteStarts.BinarySearch(byteOffset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var character = CharOffset(byteOffset);
        return (line, character - _lineCharStarts[line], character);
    }

    private int CharOffset(int byteOffset)
    {
        var checkpoint = byteOffset / Stride;
        var chars = _charsAtCheckpoint[checkpoint];
        for (var i = checkpoint * Stride; i < byteOffset; i++)
        {
            chars += CharsOfLeadByte(_utf8[i]);
        }

        return chars;
    }

    private int Clamp(int offset) => Math.Min(Math.Max(offset, 0), _utf8.Length);

    // A UTF-16 character count per UTF-8 byte: continuation bytes add nothing, four-byte leads add a surrogate pair.
    private static int CharsOfLeadByte(byte b) => (b & 0xC0) == 0x80 ? 0 : b >= 0xF0 ? 2 : 1;
}
