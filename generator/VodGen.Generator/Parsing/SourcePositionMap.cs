using System;
using System.Collections.Generic;
using System.Text;
using VodGen.Generator.Model;

namespace VodGen.Generator.Parsing;

/// <summary>
/// Turns UTF-8 byte offsets (what <see cref="System.Text.Json.Utf8JsonReader"/> reports) into the UTF-16 offsets and
/// line/column pairs that Roslyn locations use. Nothing is computed up front: line breaks are found (vectorized) and
/// characters counted only as far as a lookup needs, from the nearest position already known, so lookups in file
/// order cost one pass in all, and a file on one long line, as official metadata is published, costs no more than
/// the same file pretty-printed.
/// </summary>
internal sealed class SourcePositionMap
{
    private readonly string _path;
    private readonly byte[] _utf8;
    private readonly int _length;
    private readonly List<int> _lineStarts = new() { 0 };
    private int _linesScanned;

    // Known (byte offset, UTF-16 offset) pairs in ascending order.
    private readonly List<int> _knownBytes = new() { 0 };
    private readonly List<int> _knownChars = new() { 0 };

    public SourcePositionMap(string path, byte[] utf8)
        : this(path, utf8, utf8.Length)
    {
    }

    /// <param name="path">The file's path, for locations.</param>
    /// <param name="utf8">The file's bytes in its first <paramref name="length"/> bytes (a pooled buffer may be longer).</param>
    /// <param name="length">How many bytes of <paramref name="utf8"/> are the file.</param>
    public SourcePositionMap(string path, byte[] utf8, int length)
    {
        _path = path;
        _utf8 = utf8;
        _length = length;
    }

    public LocationInfo Locate(int startByte, int endByte)
    {
        startByte = Clamp(startByte);
        endByte = Math.Max(startByte, Clamp(endByte));
        var (startLine, startColumn, startChar) = Position(startByte);
        var (endLine, endColumn, endChar) = Position(endByte);
        return new LocationInfo(_path, startChar, endChar - startChar, startLine, startColumn, endLine, endColumn);
    }

    /// <summary>A location for a 0-based line and byte column, as <see cref="System.Text.Json.JsonException"/> reports.</summary>
    public LocationInfo LocateLine(long zeroBasedLine, long bytePositionInLine)
    {
        ScanLines(_length);
        var line = (int)Math.Min(Math.Max(zeroBasedLine, 0), _lineStarts.Count - 1);
        var start = (int)Math.Min(_lineStarts[line] + Math.Max(bytePositionInLine, 0), int.MaxValue);
        return Locate(start, start + 1);
    }

    private (int Line, int Column, int Char) Position(int byteOffset)
    {
        ScanLines(byteOffset);
        var line = _lineStarts.BinarySearch(byteOffset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        var character = CharOffset(byteOffset);
        return (line, character - CharOffset(_lineStarts[line]), character);
    }

    // Records the line starts up to (and including) byteOffset.
    private void ScanLines(int byteOffset)
    {
        while (_linesScanned < byteOffset)
        {
            var newline = Array.IndexOf(_utf8, (byte)'\n', _linesScanned, byteOffset - _linesScanned);
            if (newline < 0)
            {
                _linesScanned = byteOffset;
                return;
            }

            _lineStarts.Add(newline + 1);
            _linesScanned = newline + 1;
        }
    }

    private int CharOffset(int byteOffset)
    {
        // An offset inside a multi-byte character stands for that character (tokens never start inside one).
        while (byteOffset > 0 && byteOffset < _length && (_utf8[byteOffset] & 0xC0) == 0x80)
        {
            byteOffset--;
        }

        var index = _knownBytes.BinarySearch(byteOffset);
        if (index >= 0)
        {
            return _knownChars[index];
        }

        index = ~index;
        var fromByte = _knownBytes[index - 1];
        var chars = _knownChars[index - 1] + Encoding.UTF8.GetCharCount(_utf8, fromByte, byteOffset - fromByte);
        _knownBytes.Insert(index, byteOffset);
        _knownChars.Insert(index, chars);
        return chars;
    }

    private int Clamp(int offset) => Math.Min(Math.Max(offset, 0), _length);
}
