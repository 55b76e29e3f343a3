using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;

namespace VodGen.Upload.Engine;

/// <summary>
/// A part of a file as request content, read from disk as it is sent (no part-sized copy), through one pooled
/// 64 KiB buffer, computing the part's CRC-64 on the way. It can be sent again: each send reads the range anew.
/// </summary>
internal sealed class FilePartContent : HttpContent
{
    private const int ChunkSize = 64 * 1024;
    private readonly SafeFileHandle _file;
    private readonly long _offset;
    private readonly long _length;

    public FilePartContent(SafeFileHandle file, long offset, long length)
    {
        _file = file;
        _offset = offset;
        _length = length;
    }

    /// <summary>The CRC of the bytes sent by the last complete send.</summary>
    public ulong Crc64 { get; private set; }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var crc = new Crc64Accumulator();
            for (long sent = 0; sent < _length;)
            {
                var count = (int)Math.Min(ChunkSize, _length - sent);
                var read = await RandomAccess.ReadAsync(_file, buffer.AsMemory(0, count), _offset + sent, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException($"The file ended at byte {_offset + sent} while part bytes up to {_offset + _length} were expected; it changed during the upload.");
                }

                crc.Append(buffer.AsSpan(0, read));
                await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                sent += read;
            }

            Crc64 = crc.Value;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }
}

/// <summary>A part held in a pooled buffer (from a stream), sent as is.</summary>
internal sealed class BufferPartContent : HttpContent
{
    private readonly ReadOnlyMemory<byte> _data;

    public BufferPartContent(ReadOnlyMemory<byte> data) => _data = data;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => stream.WriteAsync(_data, cancellationToken).AsTask();

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _data.Length;
        return true;
    }
}
