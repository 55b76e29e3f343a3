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
/// request is disposed, which the pipeline does after the answer is read.
/// </summary>
internal sealed class VodFormContent : HttpContent
{
    private static readonly MediaTypeHeaderValue FormContentType = new("application/x-www-form-urlencoded") { CharSet = "utf-8" };
    private byte[]? _buffer;

    public VodFormContent(int length)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(length);
        Length = length;
        Headers.ContentType = FormContentType;
    }

    public int Length { get; }

    /// <summary>The body to fill, before the request is sent.</summary>
    public Span<byte> Span => Buffer.AsSpan(0, Length);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(VodFormContent));

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => stream.WriteAsync(Buffer, 0, Length);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => stream.WriteAsync(Buffer.AsMemory(0, Length), cancellationToken).AsTask();

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => stream.Write(Buffer, 0, Length);

    protected override bool TryComputeLength(out long length)
    {
        length = Length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        base.Dispose(disposing);
    }
}
