using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VodGen.Upload;

namespace VodGen.Benchmarks;

/// <summary>
/// A storage stand-in on 127.0.0.1 that only drains bodies and answers the three multipart requests, so that the
/// upload benchmarks measure the client: VodGen's uploader and the raw HttpClient PUTs meet the same server.
/// </summary>
internal sealed class UploadSink : IAsyncDisposable
{
    private readonly WebApplication _server;

    private UploadSink(WebApplication server, Uri endpoint)
    {
        _server = server;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public static async Task<UploadSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Limits.MaxRequestBodySize = null).UseUrls("http://127.0.0.1:0");
        var server = builder.Build();
        server.Run(static async context =>
        {
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                while (await context.Request.Body.ReadAsync(buffer) > 0)
                {
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }

            var query = context.Request.Query;
            if (query.ContainsKey("uploads"))
            {
                context.Response.ContentType = "application/xml";
                await context.Response.WriteAsync("<InitiateMultipartUploadResult><UploadId>BENCH</UploadId></InitiateMultipartUploadResult>");
                return;
            }

            context.Response.Headers.ETag = "\"" + (query.TryGetValue("partNumber", out var part) ? part.ToString() : "0") + "\"";
            if (context.Request.Method == "POST")
            {
                context.Response.ContentType = "application/xml";
                await context.Response.WriteAsync("<CompleteMultipartUploadResult/>");
            }
        });
        await server.StartAsync();
        var address = server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new UploadSink(server, new Uri(address));
    }

    /// <summary>A session whose ticket points at the sink and never expires: the benchmark measures the storage path only.</summary>
    public IVodUploadSession Session() => new SinkSession(Endpoint);

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
    }

    /// <summary>A file of <paramref name="size"/> random bytes in the temporary folder.</summary>
    public static string CreateFile(long size)
    {
        var path = Path.Combine(Path.GetTempPath(), "vodgen-upload-bench-" + size.ToString(CultureInfo.InvariantCulture) + ".bin");
        if (!File.Exists(path) || new FileInfo(path).Length != size)
        {
            var data = new byte[size];
            RandomNumberGenerator.Fill(data);
            File.WriteAllBytes(path, data);
        }

        return path;
    }

    private sealed class SinkSession(Uri endpoint) : IVodUploadSession
    {
        public Task<VodUploadTicket> CreateAsync(TimeProvider clock, CancellationToken cancellationToken) => Task.FromResult(Ticket(clock));

        public Task<VodUploadTicket> RefreshAsync(string videoId, TimeProvider clock, CancellationToken cancellationToken) => Task.FromResult(Ticket(clock));

        private VodUploadTicket Ticket(TimeProvider clock)
            => new("benchvideo", endpoint.ToString(), "bucket", "bench/video.mp4", "STS.bench", "bench-secret", "bench-token", clock.GetUtcNow().AddHours(1), "cn-shanghai");
    }
}
