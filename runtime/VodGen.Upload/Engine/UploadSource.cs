using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;

namespace VodGen.Upload.Engine;

/// <summary>One part to send: its number, size, content and (once known) CRC.</summary>
internal sealed class UploadPart : IDisposable
{
    private readonly Func<HttpContent> _content;
    private readonly byte[]? _pooled;
    private int _disposed;

    public UploadPart(int number, long offset, long size, Func<HttpContent> content, ulong? crc64 = null, byte[]? pooled = null)
    {
        Number = number;
        Offset = offset;
        Size = size;
        _content = content;
        Crc64 = crc64;
        _pooled = pooled;
    }

    public int Number { get; }

    public long Offset { get; }

    public long Size { get; }

    /// <summary>Known up front for buffered parts; for file parts, after the first complete send.</summary>
    public ulong? Crc64 { get; set; }

    /// <summary>Content for one send; a new one per attempt.</summary>
    public HttpContent CreateContent() => _content();

    // Once only, whoever calls it: a pooled buffer returned twice would be handed to two renters at once.
    public void Dispose()
    {
        if (_pooled is not null && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            ArrayPool<byte>.Shared.Return(_pooled);
        }
    }
}

/// <summary>Where the bytes come from.</summary>
internal interface IUploadSource : IDisposable
{
    /// <summary>The size, or -1 for a stream of unknown length.</summary>
    long Length { get; }

    /// <summary>Whether an interrupted upload of it can be resumed (files can, streams cannot).</summary>
    bool CanResume { get; }

    /// <summary>Identifies the content, for resuming.</summary>
    string Fingerprint { get; }

    /// <summary>Part <paramref name="number"/> (from 1) of <paramref name="partSize"/> bytes, or null past the end.</summary>
    ValueTask<UploadPart?> ReadPartAsync(int number, long partSize, CancellationToken cancellationToken);

    /// <summary>
    /// Throws <see cref="SourceChangedException"/> when the source is no longer what the upload started with: size or
    /// modification time (cheap, before each part), and with <paramref name="thorough"/> its first and last bytes too.
    /// </summary>
    void CheckUnchanged(bool thorough);
}

/// <summary>The file changed while it was being uploaded: what is stored would mix two versions of it.</summary>
internal sealed class SourceChangedException(string message) : Exception(message);

/// <summary>A file: parts are ranges read from disk when sent.</summary>
internal sealed class FileSource : IUploadSource
{
    private const int FingerprintBytes = 64 * 1024;
    private readonly SafeFileHandle _handle;

    private readonly DateTime _modified;

    private FileSource(string path, SafeFileHandle handle, long length, DateTime modified, string fingerprint)
    {
        Path = path;
        _handle = handle;
        Length = length;
        _modified = modified;
        Fingerprint = fingerprint;
    }

    public string Path { get; }

    public long Length { get; }

    public bool CanResume => true;

    public string Fingerprint { get; }

    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static FileSource Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var handle = File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        try
        {
            var length = RandomAccess.GetLength(handle);
            var modified = File.GetLastWriteTimeUtc(handle);
            return new FileSource(full, handle, length, modified, FingerprintOf(handle, length, modified));
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public ValueTask<UploadPart?> ReadPartAsync(int number, long partSize, CancellationToken cancellationToken)
    {
        var offset = (number - 1) * partSize;
        if (offset >= Length && !(number == 1 && Length == 0))
        {
            return ValueTask.FromResult<UploadPart?>(null);
        }

        var size = Math.Min(partSize, Length - offset);
        return ValueTask.FromResult<UploadPart?>(new UploadPart(number, offset, size, () => new FilePartContent(_handle, offset, size)));
    }

    public void CheckUnchanged(bool thorough)
    {
        // Through the open handle: a file replaced by another under the same name still reads as the one opened.
        var length = RandomAccess.GetLength(_handle);
        var modified = File.GetLastWriteTimeUtc(_handle);
        if (length != Length || modified != _modified || (thorough && FingerprintOf(_handle, length, modified) != Fingerprint))
        {
            throw new SourceChangedException(
                $"The file {Path} changed while it was being uploaded (it was {Length} bytes, modified {_modified:O}; it is now {length} bytes, modified {modified:O}), so the stored object would mix two versions of it.");
        }
    }

    /// <summary>The CRC-64 of <paramref name="size"/> bytes at <paramref name="offset"/>, read from the file now.</summary>
    public async ValueTask<ulong> Crc64Async(long offset, long size, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1024 * 1024);
        try
        {
            var crc = new Crc64Accumulator();
            for (long done = 0; done < size;)
            {
                var read = await RandomAccess.ReadAsync(_handle, buffer.AsMemory(0, (int)Math.Min(buffer.Length, size - done)), offset + done, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new SourceChangedException($"The file {Path} ended at byte {offset + done}, before the {offset + size} bytes it had when the upload started.");
                }

                crc.Append(buffer.AsSpan(0, read));
                done += read;
            }

            return crc.Value;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public void Dispose() => _handle.Dispose();

    // Size, modification time and the CRC of the first and last 64 KiB: cheap, and a changed file shows in one of them.
    private static string FingerprintOf(SafeFileHandle handle, long length, DateTime modified)
    {
        var buffer = new byte[(int)Math.Min(FingerprintBytes, length)];
        var head = RandomAccess.Read(handle, buffer, 0);
        var first = VodCrc64.Compute(buffer.AsSpan(0, head));
        var tail = RandomAccess.Read(handle, buffer, Math.Max(0, length - buffer.Length));
        var last = VodCrc64.Compute(buffer.AsSpan(0, tail));
        return string.Create(CultureInfo.InvariantCulture, $"{length}:{modified.Ticks}:{first:x16}:{last:x16}");
    }
}

/// <summary>A stream: parts are read in order into pooled buffers (at most one per part in flight).</summary>
internal sealed class StreamSource : IUploadSource
{
    private readonly Stream _stream;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private int _nextNumber = 1;
    private long _offset;

    public StreamSource(Stream stream)
    {
        _stream = stream;
        Length = stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : -1;
    }

    public long Length { get; }

    public bool CanResume => false;

    public string Fingerprint => string.Empty;

    public void CheckUnchanged(bool thorough)
    {
        // A stream is read once, in order: what was read is what is sent.
    }

    public async ValueTask<UploadPart?> ReadPartAsync(int number, long partSize, CancellationToken cancellationToken)
    {
        await _reading.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (number != _nextNumber)
            {
                throw new InvalidOperationException($"A stream is read in order: part {_nextNumber} is next, not {number}.");
            }

            var buffer = ArrayPool<byte>.Shared.Rent((int)partSize);
            var filled = 0;
            while (filled < partSize)
            {
                var read = await _stream.ReadAsync(buffer.AsMemory(filled, (int)partSize - filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            if (filled == 0 && number > 1)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return null;
            }

            _nextNumber++;
            var offset = _offset;
            _offset += filled;
            var data = buffer.AsMemory(0, filled);
            return new UploadPart(number, offset, filled, () => new BufferPartContent(data), VodCrc64.Compute(data.Span), buffer);
        }
        finally
        {
            _reading.Release();
        }
    }

    public void Dispose() => _reading.Dispose();
}
