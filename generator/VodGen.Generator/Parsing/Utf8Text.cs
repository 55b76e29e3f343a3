using System;
using System.Buffers;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis.Text;

namespace VodGen.Generator.Parsing;

/// <summary>A <see cref="SourceText"/> encoded as UTF-8 into a pooled buffer, without a string copy of the whole text.</summary>
internal static class Utf8Text
{
    // Characters copied out of the text at a time: small enough for the pool's per-thread cache.
    private const int ChunkLength = 8 * 1024;

    /// <summary>
    /// Encodes <paramref name="text"/> into an array from <see cref="ArrayPool{T}.Shared"/> (return it there); the
    /// first <paramref name="length"/> bytes are the text. Invalid UTF-16 (a lone surrogate) becomes U+FFFD, as
    /// <see cref="Encoding.UTF8"/> writes it.
    /// </summary>
    public static byte[] Rent(SourceText text, out int length, CancellationToken cancellationToken)
    {
        var chars = ArrayPool<char>.Shared.Rent(ChunkLength);
        try
        {
            // Two passes over the text: counting, then writing into an array of the exact size needed. A chunk never
            // ends between the two halves of a surrogate pair, so each chunk encodes on its own.
            length = 0;
            for (var start = 0; start < text.Length;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = NextChunk(text, start, chars);
                length += Encoding.UTF8.GetByteCount(chars, 0, count);
                start += count;
            }

            var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            var written = 0;
            for (var start = 0; start < text.Length;)
            {
                var count = NextChunk(text, start, chars);
                written += Encoding.UTF8.GetBytes(chars, 0, count, bytes, written);
                start += count;
            }

            return bytes;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    // Copies the next chunk into chars and says how many characters it holds.
    private static int NextChunk(SourceText text, int start, char[] chars)
    {
        var count = Math.Min(ChunkLength, text.Length - start);
        text.CopyTo(start, chars, 0, count);
        if (count > 1 && start + count < text.Length && char.IsHighSurrogate(chars[count - 1]))
        {
            count--;
        }

        return count;
    }
}
