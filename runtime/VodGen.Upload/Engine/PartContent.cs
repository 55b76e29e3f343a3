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
/// A part of a file as request content, read from disk as it is sent (no part-sized copy), through two pooled
/// 1 MiB buffers (large writes keep the socket busy; the next read overlaps the current write), computing the part's CRC-64 on the way. It can be sent again: each send reads the range anew.
/// </summary>
internal sealed class FilePartContent : HttpContent
{
    private const int ChunkSize = 1024 * 1024;
    private readonly SafeFileHandle _file;
    private readonly long _offset;
    private readonly long _length;

    public FilePartContent(SafeFileHandle file, long offset, long length)
    {
        _file = file;
        _offset = offset;
        _length = length;
    }

    /// <summary>The CRC of the bytes sent by the last complete send (null before one completed).</summary>
    public ulong? Crc64 { get; private set; }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // Two pooled buffers: the next chunk is read from disk while the current one is hashed and sent.
        var current = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var next = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            var crc = new Crc64Accumulator();
            long position = 0;
            var reading = _length > 0 ? ReadAsync(current, position, cancellationToken) : ValueTask.FromResult(0);
            while (position < _length)
            {
                var read = await reading.ConfigureAwait(false);
                position += read;
                reading = position < _length ? ReadAsync(next, position, cancellationToken) : ValueTask.FromResult(0);
                crc.Append(current.AsSpan(0, read));
                await stream.WriteAsync(current.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                (current, next) = (next, current);
            }

            await reading.ConfigureAwait(false);
            Crc64 = crc.Value;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    private async ValueTask<int> ReadAsync(byte[] buffer, long position, CancellationToken cancellationToken)
    {
        var count = (int)Math.Min(buffer.Length, _length - position);
        var read = await RandomAccess.ReadAsync(_file, buffer.AsMemory(0, count), _offset + position, cancellationToken).ConfigureAwait(false);
        return read > 0
            ? read
            : throw new SourceChangedException($"The file ended at byte {_offset + position} while part bytes up to {_offset + _length} were expected: it changed during the upload.");
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
