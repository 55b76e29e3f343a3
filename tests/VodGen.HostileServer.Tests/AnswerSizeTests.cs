using System.Text;
using VodGen.Vod;

namespace VodGen.HostileServer.Tests;

/// <summary>Item 5: an answer's size is capped, read as a stream, and an oversized answer is a final, clear error.</summary>
[Collection(nameof(AloneCollection))]
public sealed class AnswerSizeTests
{
    [Theory]
    [InlineData(200)]
    [InlineData(503)]
    public async Task A_declared_length_over_the_cap_is_refused_before_reading_and_not_retried(int status)
    {
        await using var server = new HostileServer(async (request, stream) =>
        {
            var head = $"HTTP/1.1 {status} Whatever\r\nContent-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n{{\"RequestId\":\"";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            return false;
        });
        using var client = Hostile.Client(server.Endpoint);

        var exception = await Assert.ThrowsAsync<VodResponseTooLargeException>(() => client.RefreshUploadVideoAsync(Hostile.Refresh));

        Assert.Equal(2147483648L, exception.DeclaredLength);
        Assert.Equal(VodClientOptions.DefaultMaxResponseBytes, exception.Limit);
        Assert.Contains("MaxResponseBytes", exception.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_endless_chunked_answer_is_cut_off_at_the_cap_with_memory_bounded()
    {
        const int cap = 64 * 1024;
        var chunk = Encoding.ASCII.GetBytes("4000\r\n" + new string(' ', 0x4000) + "\r\n");
        var sent = 0L;
        await using var server = new HostileServer(async (request, stream) =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"));
            await stream.WriteAsync(Encoding.ASCII.GetBytes("1\r\n{\r\n"));

            // Bounded: 256 MiB at most, or until the client hangs up.
            for (var i = 0; i < 16 * 1024; i++)
            {
                await stream.WriteAsync(chunk);
                Interlocked.Add(ref sent, chunk.Length);
            }

            return false;
        });
        using var client = Hostile.Client(server.Endpoint, maxResponseBytes: cap);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var exception = await Assert.ThrowsAsync<VodResponseTooLargeException>(() => client.RefreshUploadVideoAsync(Hostile.Refresh));

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Null(exception.DeclaredLength);
        Assert.Single(server.Requests);
        Assert.True(allocated < 8 * 1024 * 1024, $"{allocated} bytes allocated while refusing an endless answer with a {cap}-byte cap");
    }

    [Fact]
    public async Task An_answer_of_exactly_the_cap_is_read()
    {
        const int cap = 4096;
        var body = Hostile.RefreshAnswer + new string(' ', cap - Hostile.RefreshAnswer.Length);
        await using var server = new HostileServer(async (request, stream) =>
        {
            await HostileServer.WriteAsync(stream, 200, body);
            return true;
        });
        using var client = Hostile.Client(server.Endpoint, maxResponseBytes: cap);

        var response = await client.RefreshUploadVideoAsync(Hostile.Refresh);

        Assert.Equal("R-1", response.RequestId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1023)]
    [InlineData(int.MaxValue)]
    public void A_cap_outside_1_KiB_to_1_GiB_is_refused_by_name(int cap)
    {
        var exception = Assert.Throws<ArgumentException>(() => new VodClientOptions { MaxResponseBytes = cap }.Validate());

        Assert.Equal("MaxResponseBytes", exception.ParamName);
    }
}
