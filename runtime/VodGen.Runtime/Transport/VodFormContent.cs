using System;
using System.Buffers;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen.Transport;

/// <summary>
/// A V1 form body in a pooled buffer: the signed parameters are about 350 bytes per call, and an array of their own
/// for each would be the call's largest allocation after HttpClient's. The buffer goes back to the pool when the
/// request is disposed (the pipeline does so when the attempt ends) and no write of it is still running.
/// </summary>
internal sealed class VodFormContent : HttpContent
{
    private static readonly MediaTypeHeaderValue FormContentType = new("application/x-www-form-urlencoded") { CharSet = "utf-8" };
    private readonly object _lock = new();
    private byte[]? _buffer;
    private int _writers;
    private bool _disposed;

    public VodFormContent(int length)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(length);
        Length = length;
        Headers.ContentType = FormContentType;
    }

    public int Length { get; }

    /// <summary>The body to fill, before the request is sent.</summary>
    public Span<byte> Span => (_buffer ?? throw new ObjectDisposedException(nameof(VodFormContent))).AsSpan(0, Length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = Enter();
        try
        {
            await stream.WriteAsync(buffer.AsMemory(0, Length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Exit();
        }
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = Enter();
        try
        {
            stream.Write(buffer, 0, Length);
        }
        finally
        {
            Exit();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = Length;
        return true;
    }

    // The request may be disposed while the handler still writes its body (an answer that came before the body was
    // sent, a cancellation): the buffer goes back to the pool only when no write uses it any more.
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            byte[]? free = null;
            lock (_lock)
            {
                _disposed = true;
                if (_writers == 0)
                {
                    free = _buffer;
                    _buffer = null;
                }
            }

            Return(free);
        }

        base.Dispose(disposing);
    }

    private byte[] Enter()
    {
        lock (_lock)
        {
            if (_buffer is null || _disposed)
            {
                throw new ObjectDisposedException(nameof(VodFormContent));
            }

            _writers++;
            return _buffer;
        }
    }

    private void Exit()
    {
        byte[]? free = null;
        lock (_lock)
        {
            if (--_writers == 0 && _disposed)
            {
                free = _buffer;
                _buffer = null;
            }
        }

        Return(free);
    }

    private static void Return(byte[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
