using System;
using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace VodGen.Signing;

/// <summary>
/// Builds the canonical query (<c>name=value</c> pairs joined by <c>&amp;</c>, percent-encoded) in a pooled
/// buffer. Generated code calls it with names already encoded and already in order, so nothing is sorted or
/// looked up at run time except the members of a flattened list, whose numbered names only exist at run time.
/// </summary>
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

    /// <summary>
    /// Creates a writer. With a <paramref name="stamp"/> (V1) the common parameters are written where
    /// generated code asks for them; without one (V3) they are skipped, since V3 sends them as headers.
    /// </summary>
    public VodQueryWriter(VodRequestStamp? stamp, int initialCapacity = 512)
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

    /// <summary>Starts a flattened list: its members are sorted among themselves when it ends.</summary>
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

    /// <summary>Writes a list member named <c>{prefix}{index}{suffix}</c>, for example <c>Tag.</c> 1 <c>.Key</c>.</summary>
    public void WriteItem(ReadOnlySpan<byte> prefix, int index, ReadOnlySpan<byte> suffix, string? value)
    {
        if (value is not null)
        {
            Span<byte> name = stackalloc byte[prefix.Length + 11 + suffix.Length];
            Write(ItemName(prefix, index, suffix, name), value);
        }
    }

    /// <summary>Writes a whole-number list member.</summary>
    public void WriteItem(ReadOnlySpan<byte> prefix, int index, ReadOnlySpan<byte> suffix, long? value)
    {
        if (value is not null)
        {
            Span<byte> name = stackalloc byte[prefix.Length + 11 + suffix.Length];
            Write(ItemName(prefix, index, suffix, name), value);
        }
    }

    /// <summary>Writes a number list member.</summary>
    public void WriteItem(ReadOnlySpan<byte> prefix, int index, ReadOnlySpan<byte> suffix, double? value)
    {
        if (value is not null)
        {
            Span<byte> name = stackalloc byte[prefix.Length + 11 + suffix.Length];
            Write(ItemName(prefix, index, suffix, name), value);
        }
    }

    /// <summary>Writes a boolean list member.</summary>
    public void WriteItem(ReadOnlySpan<byte> prefix, int index, ReadOnlySpan<byte> suffix, bool? value)
    {
        if (value is not null)
        {
            Span<byte> name = stackalloc byte[prefix.Length + 11 + suffix.Length];
            Write(ItemName(prefix, index, suffix, name), value);
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

    private static Span<byte> ItemName(scoped ReadOnlySpan<byte> prefix, int index, scoped ReadOnlySpan<byte> suffix, Span<byte> name)
    {
        prefix.CopyTo(name);
        Utf8Formatter.TryFormat(index, name[prefix.Length..], out var digits);
        suffix.CopyTo(name[(prefix.Length + digits)..]);
        return name[..(prefix.Length + digits + suffix.Length)];
    }

    private readonly record struct Entry(int Start, int NameLength, int End = 0);
}
