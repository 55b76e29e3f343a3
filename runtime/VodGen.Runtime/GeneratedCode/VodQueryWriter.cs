using System.ComponentModel;
using VodGen.Signing;
using System;
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace VodGen.GeneratedCode;

/// <summary>
/// Builds the canonical query (<c>name=value</c> pairs joined by <c>&amp;</c>, percent-encoded) in a pooled
/// buffer. Generated code calls it with names already encoded and already in order, so nothing is sorted or
/// looked up at run time except the members of a flattened list, whose numbered names only exist at run time.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct VodQueryWriter
{
    private byte[] _buffer;
    private int _length;
    private readonly VodRequestStamp? _stamp;
    private int _listStart;
    private Entry[]? _entries;
    private int _entryCount;
    private ArrayBufferWriter<byte>? _json;
    private Utf8JsonWriter? _jsonWriter;
    private byte[]? _name;
    private int _nameLength;
    private int[]? _nameMarks;
    private int _nameDepth;

    /// <summary>
    /// Creates a writer of the parameters alone, as for V3, without the common ones a request's stamp supplies (for
    /// tools and tests that look at what generated code writes).
    /// </summary>
    public VodQueryWriter(int initialCapacity)
        : this(null, initialCapacity)
    {
    }

    /// <summary>
    /// Creates a writer. With a <paramref name="stamp"/> (V1) the common parameters are written where
    /// generated code asks for them; without one (V3) they are skipped, since V3 sends them as headers.
    /// </summary>
    internal VodQueryWriter(VodRequestStamp? stamp, int initialCapacity = 512)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(initialCapacity, 64));
        _length = 0;
        _stamp = stamp;
        _listStart = -1;
    }

    /// <summary>The canonical query written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

    /// <summary>Writes a common parameter at this place (V1 only).</summary>
    public void WriteCommon(VodCommonParameter parameter)
    {
        if (_stamp is not { } stamp)
        {
            return;
        }

        switch (parameter)
        {
            case VodCommonParameter.AccessKeyId: Write("AccessKeyId"u8, stamp.Credentials.AccessKeyId); break;
            case VodCommonParameter.Action: Write("Action"u8, stamp.Action); break;
            case VodCommonParameter.Format: WriteRaw("Format"u8, "JSON"u8); break;
            case VodCommonParameter.SecurityToken: Write("SecurityToken"u8, stamp.Credentials.SecurityToken); break;
            case VodCommonParameter.SignatureMethod: WriteRaw("SignatureMethod"u8, "HMAC-SHA1"u8); break;
            case VodCommonParameter.SignatureNonce: Write("SignatureNonce"u8, stamp.Nonce); break;
            case VodCommonParameter.SignatureVersion: WriteRaw("SignatureVersion"u8, "1.0"u8); break;
            case VodCommonParameter.Timestamp: Write("Timestamp"u8, stamp.Timestamp); break;
            case VodCommonParameter.Version: Write("Version"u8, stamp.Version); break;
            default: throw new ArgumentOutOfRangeException(nameof(parameter));
        }
    }

    /// <summary>Writes <c>name=value</c>; a null value writes nothing.</summary>
    public void Write(scoped ReadOnlySpan<byte> encodedName, string? value)
    {
        if (value is null)
        {
            return;
        }

        StartPair(encodedName, value.Length * 9);
        _length += VodPercentEncoding.EncodeString(value, _buffer.AsSpan(_length), encodedName);
        EndPair();
    }

    /// <summary>Writes a whole number; a null value writes nothing.</summary>
    public void Write(scoped ReadOnlySpan<byte> encodedName, long? value)
    {
        if (value is { } number)
        {
            StartPair(encodedName, 20);
            Utf8Formatter.TryFormat(number, _buffer.AsSpan(_length), out var written);
            _length += written;
            EndPair();
        }
    }

    /// <summary>Writes a number in its shortest round-trip form; a null value writes nothing.</summary>
    public void Write(scoped ReadOnlySpan<byte> encodedName, double? value)
    {
        if (value is { } number)
        {
            if (!double.IsFinite(number))
            {
                throw new ArgumentException($"{System.Text.Encoding.ASCII.GetString(encodedName)} must be a finite number.");
            }

            Write(encodedName, number.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Writes <c>true</c> or <c>false</c>; a null value writes nothing.</summary>
    public void Write(scoped ReadOnlySpan<byte> encodedName, bool? value)
    {
        if (value is { } flag)
        {
            WriteRaw(encodedName, flag ? "true"u8 : "false"u8);
        }
    }

    /// <summary>Starts a flattened parameter (a list or an object): its members are sorted among themselves when it ends.</summary>
    public void BeginList()
    {
        if (_listStart >= 0)
        {
            throw new InvalidOperationException("A list is already open.");
        }

        _listStart = _length;
        _entryCount = 0;
        _entries ??= ArrayPool<Entry>.Shared.Rent(16);
    }

    /// <summary>Writes a value sent as its JSON text (a raw JSON parameter); null or an undefined element writes nothing.</summary>
    public void Write(scoped ReadOnlySpan<byte> encodedName, JsonElement? value)
    {
        if (value is { ValueKind: not JsonValueKind.Undefined } element)
        {
            Write(encodedName, element.GetRawText());
        }
    }

    /// <summary>
    /// Appends <paramref name="encodedSegment"/> to the name of the flattened value being written, for example
    /// <c>Filter</c> or <c>.Range</c>; undo with <see cref="Exit"/>. Structures nest to any depth this way.
    /// </summary>
    public void Enter(scoped ReadOnlySpan<byte> encodedSegment)
    {
        PushName(encodedSegment);
    }

    /// <summary>Appends <paramref name="encodedSegment"/> and a 1-based list index, for example <c>Tag.</c> 2 or <c>.Rule.</c> 1.</summary>
    public void Enter(scoped ReadOnlySpan<byte> encodedSegment, int index)
    {
        if (index < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(index), "List indexes start at 1.");
        }

        PushName(encodedSegment);
        EnsureName(11);
        Utf8Formatter.TryFormat(index, _name.AsSpan(_nameLength), out var digits);
        _nameLength += digits;
    }

    /// <summary>Removes what the matching <see cref="Enter(ReadOnlySpan{byte})"/> appended.</summary>
    public void Exit()
    {
        if (_nameDepth == 0)
        {
            throw new InvalidOperationException("Exit was called without a matching Enter.");
        }

        _nameLength = _nameMarks![--_nameDepth];
    }

    /// <summary>Writes a member of the flattened value being written, named by the entered name and <paramref name="encodedSuffix"/>.</summary>
    public void WriteMember(scoped ReadOnlySpan<byte> encodedSuffix, string? value)
    {
        if (value is not null)
        {
            Write(MemberName(encodedSuffix), value);
        }
    }

    /// <summary>Writes a whole-number member of the flattened value being written.</summary>
    public void WriteMember(scoped ReadOnlySpan<byte> encodedSuffix, long? value)
    {
        if (value is not null)
        {
            Write(MemberName(encodedSuffix), value);
        }
    }

    /// <summary>Writes a number member of the flattened value being written.</summary>
    public void WriteMember(scoped ReadOnlySpan<byte> encodedSuffix, double? value)
    {
        if (value is not null)
        {
            Write(MemberName(encodedSuffix), value);
        }
    }

    /// <summary>Writes a boolean member of the flattened value being written.</summary>
    public void WriteMember(scoped ReadOnlySpan<byte> encodedSuffix, bool? value)
    {
        if (value is not null)
        {
            Write(MemberName(encodedSuffix), value);
        }
    }

    /// <summary>Writes a raw JSON member of the flattened value being written, as its JSON text.</summary>
    public void WriteMember(scoped ReadOnlySpan<byte> encodedSuffix, JsonElement? value)
    {
        if (value is { ValueKind: not JsonValueKind.Undefined })
        {
            Write(MemberName(encodedSuffix), value);
        }
    }

    /// <summary>Ends a flattened list, putting its members in ordinal order of their names.</summary>
    public void EndList()
    {
        if (_listStart < 0)
        {
            throw new InvalidOperationException("No list is open.");
        }

        if (_entryCount > 1)
        {
            SortList();
        }

        _listStart = -1;
        _entryCount = 0;
    }

    /// <summary>Starts a parameter sent as JSON text; write the value with the returned writer, then call <see cref="EndJson"/>.</summary>
    public Utf8JsonWriter BeginJson()
    {
        _json ??= new ArrayBufferWriter<byte>(256);
        _json.ResetWrittenCount();
        if (_jsonWriter is null)
        {
            _jsonWriter = new Utf8JsonWriter(_json);
        }
        else
        {
            _jsonWriter.Reset(_json);
        }

        return _jsonWriter;
    }

    /// <summary>Writes the JSON text started with <see cref="BeginJson"/> as the value of <paramref name="encodedName"/>.</summary>
    public void EndJson(scoped ReadOnlySpan<byte> encodedName)
    {
        if (_jsonWriter is null || _json is null)
        {
            throw new InvalidOperationException("BeginJson was not called.");
        }

        _jsonWriter.Flush();
        var json = _json.WrittenSpan;
        StartPair(encodedName, json.Length * 3);
        _length += VodPercentEncoding.Encode(json, _buffer.AsSpan(_length));
        EndPair();
    }

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = Array.Empty<byte>();
        }

        if (_entries is not null)
        {
            ArrayPool<Entry>.Shared.Return(_entries);
            _entries = null;
        }

        if (_name is not null)
        {
            ArrayPool<byte>.Shared.Return(_name);
            _name = null;
        }

        if (_nameMarks is not null)
        {
            ArrayPool<int>.Shared.Return(_nameMarks);
            _nameMarks = null;
        }

        _jsonWriter?.Dispose();
        _jsonWriter = null;
        _length = 0;
    }

    private void WriteRaw(scoped ReadOnlySpan<byte> encodedName, ReadOnlySpan<byte> encodedValue)
    {
        StartPair(encodedName, encodedValue.Length);
        encodedValue.CopyTo(_buffer.AsSpan(_length));
        _length += encodedValue.Length;
        EndPair();
    }

    private void StartPair(scoped ReadOnlySpan<byte> encodedName, int maxValueLength)
    {
        Ensure(encodedName.Length + maxValueLength + 2);
        if (_length > 0)
        {
            _buffer[_length++] = (byte)'&';
        }

        if (_listStart >= 0)
        {
            if (_entryCount == _entries!.Length)
            {
                var larger = ArrayPool<Entry>.Shared.Rent(_entries.Length * 2);
                _entries.AsSpan().CopyTo(larger);
                ArrayPool<Entry>.Shared.Return(_entries);
                _entries = larger;
            }

            _entries[_entryCount++] = new Entry(_length, encodedName.Length);
        }

        encodedName.CopyTo(_buffer.AsSpan(_length));
        _length += encodedName.Length;
        _buffer[_length++] = (byte)'=';
    }

    private void EndPair()
    {
        if (_listStart >= 0)
        {
            ref var entry = ref _entries![_entryCount - 1];
            entry = entry with { End = _length };
        }
    }

    private void Ensure(int extra)
    {
        if (_length + extra <= _buffer.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }

    private void SortList()
    {
        var buffer = _buffer;
        var entries = _entries.AsSpan(0, _entryCount);
        entries.Sort((a, b) => buffer.AsSpan(a.Start, a.NameLength).SequenceCompareTo(buffer.AsSpan(b.Start, b.NameLength)));
        var regionStart = _listStart;
        var region = _length - regionStart;
        var scratch = ArrayPool<byte>.Shared.Rent(region);
        var written = 0;
        foreach (var entry in entries)
        {
            if (written > 0 || regionStart > 0)
            {
                scratch[written++] = (byte)'&';
            }

            buffer.AsSpan(entry.Start, entry.End - entry.Start).CopyTo(scratch.AsSpan(written));
            written += entry.End - entry.Start;
        }

        scratch.AsSpan(0, written).CopyTo(buffer.AsSpan(regionStart));
        ArrayPool<byte>.Shared.Return(scratch);
    }

    private void PushName(scoped ReadOnlySpan<byte> segment)
    {
        _nameMarks ??= ArrayPool<int>.Shared.Rent(8);
        if (_nameDepth == _nameMarks.Length)
        {
            var larger = ArrayPool<int>.Shared.Rent(_nameMarks.Length * 2);
            _nameMarks.AsSpan().CopyTo(larger);
            ArrayPool<int>.Shared.Return(_nameMarks);
            _nameMarks = larger;
        }

        _nameMarks[_nameDepth++] = _nameLength;
        EnsureName(segment.Length);
        segment.CopyTo(_name.AsSpan(_nameLength));
        _nameLength += segment.Length;
    }

    private void EnsureName(int extra)
    {
        if (_name is null)
        {
            _name = ArrayPool<byte>.Shared.Rent(Math.Max(128, extra));
        }
        else if (_nameLength + extra > _name.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_name.Length * 2, _nameLength + extra));
            _name.AsSpan(0, _nameLength).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_name);
            _name = larger;
        }
    }

    // The entered name with the suffix appended after it (the entered part itself is kept for the next member).
    private ReadOnlySpan<byte> MemberName(scoped ReadOnlySpan<byte> suffix)
    {
        if (_nameDepth == 0)
        {
            throw new InvalidOperationException("WriteMember needs an entered name (call Enter first).");
        }

        EnsureName(suffix.Length);
        suffix.CopyTo(_name.AsSpan(_nameLength));
        return _name.AsSpan(0, _nameLength + suffix.Length);
    }

    private readonly record struct Entry(int Start, int NameLength, int End = 0);
}
