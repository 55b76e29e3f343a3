using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VodGen.Vod;
using VodGen.Throttling;

namespace VodGen.Benchmarks;

/// <summary>
/// Loopback throughput with 64 concurrent callers against one trivial Kestrel endpoint on 127.0.0.1 that
/// answers the sample body: the VodGen client against a raw HttpClient sending the same prebuilt request.
/// Target: VodGen at least 90 % of the raw client's calls per second (a time ratio of at most 1.11).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ThroughputBenchmarks
{
    private const int Callers = 64;
    private const int CallsPerCaller = 20;
    private WebApplication _server = null!;
    private HttpClient _raw = null!;
    private VodClient _vodgen = null!;
    private Uri _endpoint = null!;
    private byte[] _prebuiltBody = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _server = builder.Build();
        _server.Run(static context =>
        {
            context.Response.ContentType = "application/json";
            return context.Response.Body.WriteAsync(BenchmarkData.SampleBody).AsTask();
        });
        _server.StartAsync().GetAwaiter().GetResult();
        _endpoint = new Uri(_server.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

        _raw = new HttpClient();
        _vodgen = new VodClient(new VodClientOptions
        {
            Endpoint = _endpoint,
            SignatureVersion = VodSignatureVersion.V1,
            Credentials = new StaticCredentialsProvider("testid", "testsecret"),
            Throttling = { Mode = VodThrottlingMode.Off },
        });
        using var prebuilt = global::VodGen.Transport.VodRequestFactory.Create(
            RefreshUploadVideoOperation.Instance, BenchmarkData.Request, BenchmarkData.Stamp, VodSignatureVersion.V1, _endpoint.ToString());
        _prebuiltBody = prebuilt.Content!.ReadAsByteArrayAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _vodgen.Dispose();
        _server.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_server).Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Callers * CallsPerCaller, Description = "raw HttpClient, 64 callers")]
    public Task Raw() => Run(async () =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(_prebuiltBody) };
        using var response = await _raw.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
    });

    [Benchmark(OperationsPerInvoke = Callers * CallsPerCaller, Description = "VodGen V1, 64 callers")]
    public Task VodGenClient() => Run(() => _vodgen.RefreshUploadVideoAsync(BenchmarkData.Request));

    private static Task Run(Func<Task> call)
        => Task.WhenAll(Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < CallsPerCaller; i++)
            {
                await call();
            }
        })));
}
