using System;
using System.Buffers;
using System.Text;

namespace VodGen.Signing;

/// <summary>
/// The percent-encoding both signature versions use: UTF-8 bytes, <c>A–Z a–z 0–9 - _ . ~</c> kept,
/// every other byte as <c>%XY</c> in upper-case hex (so a space is <c>%20</c> and <c>*</c> is <c>%2A</c>).
/// </summary>
internal static class VodPercentEncoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private const string UnreservedSet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
    private static readonly SearchValues<byte> UnreservedBytes = SearchValues.Create(Encoding.ASCII.GetBytes(UnreservedSet));
    private static readonly SearchValues<char> UnreservedChars = SearchValues.Create(UnreservedSet);
    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    /// <summary>True for the bytes that stay as they are.</summary>
    public static bool IsUnreserved(byte b)
        => (uint)(b - 'A') <= 'Z' - 'A' || (uint)(b - 'a') <= 'z' - 'a' || (uint)(b - '0') <= 9 || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~';

    /// <summary>Encodes <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The text holds an unpaired surrogate, which has no UTF-8 form.</exception>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0)
        {
            return string.Empty; // ArrayBufferWriter refuses a capacity of 0
        }

        var writer = new ArrayBufferWriter<byte>(value.Length * 3);
        var utf8 = GetUtf8(value, nameof(value));
        var span = writer.GetSpan(utf8.Length * 3);
        var written = Encode(utf8, span);
        return Encoding.ASCII.GetString(span[..written]);
    }

    /// <summary>Encodes UTF-8 bytes into <paramref name="destination"/> (at least three times as long) and returns the bytes written.</summary>
    public static int Encode(ReadOnlySpan<byte> utf8, Span<byte> destination)
    {
        var length = 0;
        while (!utf8.IsEmpty)
        {
            // Runs of unreserved bytes (most of any query) are copied in one go.
            var run = utf8.IndexOfAnyExcept(UnreservedBytes);
            if (run < 0)
            {
                run = utf8.Length;
            }

            utf8[..run].CopyTo(destination[length..]);
            length += run;
            if (run == utf8.Length)
            {
                break;
            }

            length += EncodeByte(utf8[run], destination[length..]);
            utf8 = utf8[(run + 1)..];
        }

        return length;
    }

    /// <summary>The encoded length of <paramref name="utf8"/>.</summary>
    public static int EncodedLength(ReadOnlySpan<byte> utf8)
    {
        var length = 0;
        foreach (var b in utf8)
        {
            length += IsUnreserved(b) ? 1 : 3;
        }

        return length;
    }

    private static int EncodeByte(byte b, Span<byte> destination)
    {
        if (IsUnreserved(b))
        {
            destination[0] = b;
            return 1;
        }

        destination[0] = (byte)'%';
        destination[1] = Hex[b >> 4];
        destination[2] = Hex[b & 0xF];
        return 3;
    }

    internal static byte[] GetUtf8(string value, string parameterName)
    {
        try
        {
            return StrictUtf8.GetBytes(value);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException($"The value of {parameterName} holds an unpaired UTF-16 surrogate and cannot be sent.", parameterName);
        }
    }

    /// <summary>Encodes a string straight into <paramref name="destination"/>, which must hold <c>value.Length * 9</c> bytes.</summary>
    internal static int EncodeString(ReadOnlySpan<char> value, Span<byte> destination, ReadOnlySpan<byte> parameterName)
    {
        var length = 0;
        var i = 0;
        Span<byte> utf8 = stackalloc byte[256];
        while (i < value.Length)
        {
            // Runs of unreserved characters are narrowed to bytes in one go.
            var plain = value[i..].IndexOfAnyExcept(UnreservedChars);
            plain = plain < 0 ? value.Length - i : plain;
            if (plain > 0)
            {
                length += Encoding.ASCII.GetBytes(value.Slice(i, plain), destination[length..]);
                i += plain;
                continue;
            }

            var c = value[i];
            if (c < 0x80)
            {
                length += EncodeByte((byte)c, destination[length..]);
                i++;
                continue;
            }

            // Non-ASCII run: convert it to UTF-8 in one go, then encode the bytes.
            var start = i;
            while (i < value.Length && value[i] >= 0x80)
            {
                i++;
            }

            var run = value[start..i];
            while (run.Length > 0)
            {
                var take = Math.Min(run.Length, 64);
                if (take < run.Length && char.IsHighSurrogate(run[take - 1]))
                {
                    take--;
                }

                int bytes;
                try
                {
                    bytes = StrictUtf8.GetBytes(run[..take], utf8);
                }
                catch (EncoderFallbackException)
                {
                    var name = Encoding.ASCII.GetString(parameterName);
                    throw new ArgumentException($"The value of {name} holds an unpaired UTF-16 surrogate and cannot be sent.", name);
                }

                length += Encode(utf8[..bytes], destination[length..]);
                run = run[take..];
            }
        }

        return length;
    }
}
