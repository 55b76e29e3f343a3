using System;

namespace VodGen.Upload;

/// <summary>
/// CRC-64/XZ, the checksum the storage service reports in <c>x-oss-hash-crc64ecma</c>: polynomial
/// 0x42F0E1EBA9EA3693, reflected, initial value and final XOR all ones. (Not the default CRC-64 of
/// System.IO.Hashing, which is the unreflected ECMA-182 variant.)
/// </summary>
public static class VodCrc64
{
    // The reflected polynomial.
    private const ulong ReflectedPolynomial = 0xC96C5795D7870F42;

#if NET10_0_OR_GREATER
    private static readonly System.IO.Hashing.Crc64ParameterSet Parameters =
        System.IO.Hashing.Crc64ParameterSet.Create(0x42F0E1EBA9EA3693, ulong.MaxValue, ulong.MaxValue, reflectValues: true);
#endif

    private static readonly Lazy<ulong[]> Table = new(BuildTable);

    /// <summary>The CRC of <paramref name="data"/>.</summary>
    public static ulong Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>The CRC of the data <paramref name="crc"/> was computed over, followed by <paramref name="data"/>.</summary>
    public static ulong Append(ulong crc, ReadOnlySpan<byte> data)
    {
#if NET10_0_OR_GREATER
        // Vectorised; appending is the same as combining with the CRC of the new data alone.
        if (data.IsEmpty)
        {
            return crc;
        }

        // The CRC of no data is 0, and combining with 0 gives the part's CRC: the shortcut is exact.
        var part = System.IO.Hashing.Crc64.HashToUInt64(Parameters, data);
        return crc == 0 ? part : Combine(crc, part, data.Length);
#else
        return TableAppend(crc, data);
#endif
    }

    /// <summary>The portable implementation (slicing by 8), used where the vectorised one is not available.</summary>
    internal static ulong TableAppend(ulong crc, ReadOnlySpan<byte> data)
    {
        var value = ~crc;
        var table = Table.Value.AsSpan();
        while (data.Length >= 8)
        {
            value ^= System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(data);
            value = table[(7 * 256) + (int)(value & 0xFF)] ^ table[(6 * 256) + (int)((value >> 8) & 0xFF)]
                ^ table[(5 * 256) + (int)((value >> 16) & 0xFF)] ^ table[(4 * 256) + (int)((value >> 24) & 0xFF)]
                ^ table[(3 * 256) + (int)((value >> 32) & 0xFF)] ^ table[(2 * 256) + (int)((value >> 40) & 0xFF)]
                ^ table[256 + (int)((value >> 48) & 0xFF)] ^ table[(int)(value >> 56)];
            data = data[8..];
        }

        foreach (var b in data)
        {
            value = table[(int)((value ^ b) & 0xFF)] ^ (value >> 8);
        }

        return ~value;
    }

    /// <summary>
    /// The CRC of A followed by B, from the CRC of A, the CRC of B and the length of B, without reading either again.
    /// </summary>
    public static ulong Combine(ulong crcA, ulong crcB, long lengthB)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lengthB);
        if (lengthB == 0)
        {
            return crcA;
        }

        // Appending lengthB zero bytes to A is a linear map on the CRC register: apply it by repeated squaring of the
        // one-zero-bit operator, then add B. The all-ones initial value and final XOR cancel in this form.
        Span<ulong> even = stackalloc ulong[64];
        Span<ulong> odd = stackalloc ulong[64];
        odd[0] = ReflectedPolynomial;
        ulong row = 1;
        for (var n = 1; n < 64; n++)
        {
            odd[n] = row;
            row <<= 1;
        }

        Square(even, odd);
        Square(odd, even);
        var length = lengthB;
        do
        {
            Square(even, odd);
            if ((length & 1) != 0)
            {
                crcA = Times(even, crcA);
            }

            length >>= 1;
            if (length == 0)
            {
                break;
            }

            Square(odd, even);
            if ((length & 1) != 0)
            {
                crcA = Times(odd, crcA);
            }

            length >>= 1;
        }
        while (length != 0);

        return crcA ^ crcB;
    }

    private static ulong[] BuildTable()
    {
        var table = new ulong[8 * 256];
        for (var i = 0; i < 256; i++)
        {
            var value = (ulong)i;
            for (var bit = 0; bit < 8; bit++)
            {
                value = (value & 1) != 0 ? (value >> 1) ^ ReflectedPolynomial : value >> 1;
            }

            table[i] = value;
        }

        for (var i = 0; i < 256; i++)
        {
            for (var slice = 1; slice < 8; slice++)
            {
                var previous = table[((slice - 1) * 256) + i];
                table[(slice * 256) + i] = (previous >> 8) ^ table[(int)(previous & 0xFF)];
            }
        }

        return table;
    }

    private static ulong Times(ReadOnlySpan<ulong> matrix, ulong vector)
    {
        ulong sum = 0;
        for (var i = 0; vector != 0; i++, vector >>= 1)
        {
            if ((vector & 1) != 0)
            {
                sum ^= matrix[i];
            }
        }

        return sum;
    }

    private static void Square(Span<ulong> square, ReadOnlySpan<ulong> matrix)
    {
        for (var n = 0; n < 64; n++)
        {
            square[n] = Times(matrix, matrix[n]);
        }
    }
}

/// <summary>A CRC-64/XZ computed over data that arrives in pieces (vectorised on net10.0).</summary>
internal sealed class Crc64Accumulator
{
#if NET10_0_OR_GREATER
    private static readonly System.IO.Hashing.Crc64ParameterSet Parameters =
        System.IO.Hashing.Crc64ParameterSet.Create(0x42F0E1EBA9EA3693, ulong.MaxValue, ulong.MaxValue, reflectValues: true);

    private readonly System.IO.Hashing.Crc64 _crc = new(Parameters);

    public void Append(ReadOnlySpan<byte> data) => _crc.Append(data);

    public ulong Value => _crc.GetCurrentHashAsUInt64();
#else
    private ulong _value;

    public void Append(ReadOnlySpan<byte> data) => _value = VodCrc64.TableAppend(_value, data);

    public ulong Value => _value;
#endif
}
