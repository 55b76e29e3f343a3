using System.Buffers;
using VodGen.Transport;

namespace VodGen.Runtime.Tests;

/// <summary>The pooled V1 form body: its buffer goes back to the pool only when no write of it is running.</summary>
public class FormContentTests
{
    [Fact]
    public async Task A_body_disposed_while_its_write_runs_keeps_its_buffer_until_the_write_ends()
    {
        var payload = Enumerable.Range(0, 350).Select(i => (byte)('a' + (i % 26))).ToArray();
        var content = new VodFormContent(payload.Length);
        payload.CopyTo(content.Span);
        var stream = new HeldStream();

        var writing = content.CopyToAsync(stream);
        await stream.Started.Task;
        content.Dispose();

        // A buffer returned too early would come back from the pool here and be overwritten.
        for (var i = 0; i < 8; i++)
        {
            var rented = ArrayPool<byte>.Shared.Rent(payload.Length);
            rented.AsSpan().Fill(0xFF);
            ArrayPool<byte>.Shared.Return(rented);
        }

        stream.Release.SetResult();
        await writing;
        Assert.Equal(payload, stream.Written);
        Assert.Throws<ObjectDisposedException>(() => content.Span.Length);
    }

    [Fact]
    public async Task A_body_is_written_whole_and_reports_its_length()
    {
        using var content = new VodFormContent(3);
        "a=1"u8.CopyTo(content.Span);
        using var target = new MemoryStream();

        await content.CopyToAsync(target);

        Assert.Equal("a=1"u8.ToArray(), target.ToArray());
        Assert.Equal(3, content.Headers.ContentLength);
        Assert.Equal("application/x-www-form-urlencoded", content.Headers.ContentType!.MediaType);
    }

    // Holds the first write until released, copying what it was given only then.
    private sealed class HeldStream : MemoryStream
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public byte[] Written => ToArray();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Started.TrySetResult();
            await Release.Task;
            await base.WriteAsync(buffer, cancellationToken);
        }
    }
}
