using System;
using System.Buffers;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen.Transport;

/// <summary>
/// An answer's body read into a pooled buffer, never past a limit: a declared length over the limit is refused
/// before reading, and an endless or chunked body is cut off at the limit. Dispose returns the buffer.
/// </summary>
internal sealed class VodResponseBody : IDisposable
{
    private const int FirstBufferSize = 16 * 1024;
    private byte[] _buffer;

    private VodResponseBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    public static async Task<VodResponseBody> ReadAsync(HttpResponseMessage response, string action, int limit, CancellationToken cancellationToken)
    {
        var declared = response.Content.Headers.ContentLength;
        if (declared > limit)
        {
            throw new VodResponseTooLargeException(action, response.StatusCode, limit, declared);
        }

        // One byte more than the limit is asked for, to tell "exactly the limit" from "more".
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared is { } known ? known + 1 : FirstBufferSize, limit + 1L));
        var length = 0;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (true)
                {
                    if (length == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, limit + 1L));
                        buffer.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, limit + 1) - length), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        return new VodResponseBody(buffer, length);
                    }

                    length += read;
                    if (length > limit)
                    {
                        throw new VodResponseTooLargeException(action, response.StatusCode, limit, null);
                    }
                }
            }
        }
        catch
        {
            buffer.AsSpan(0, length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = Array.Empty<byte>();
        if (buffer.Length > 0)
        {
            // Answers carry upload credentials (Base64 in UploadAuth): leave none of it in the shared pool.
            buffer.AsSpan(0, Length).Clear();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
