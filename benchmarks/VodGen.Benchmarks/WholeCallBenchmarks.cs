using BenchmarkDotNet.Attributes;
using VodGen.Vod;
using VodGen.Throttling;

namespace VodGen.Benchmarks;

/// <summary>
/// A whole call through an in-memory handler that returns the documented sample body: build, validate, sign,
/// send, parse. The baseline is a raw HttpClient sending a prebuilt request through the same handler and reading
/// the body. Target: VodGen at most baseline + the HMAC floor + 1 µs, allocating at most baseline + 1 KB.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class WholeCallBenchmarks
{
    private HttpClient _raw = null!;
    private VodClient _v1 = null!;
    private VodClient _v3 = null!;
    private byte[] _prebuiltBody = Array.Empty<byte>();
    private Uri _prebuiltUri = null!;

    [GlobalSetup]
    public void Setup()
    {
        _raw = new HttpClient(new SampleAnswerHandler());
        _v1 = Client(VodSignatureVersion.V1);
        _v3 = Client(VodSignatureVersion.V3);
        using var prebuilt = VodGen.Transport.VodRequestFactory.Create(
            RefreshUploadVideoOperation.Instance, BenchmarkData.Request, BenchmarkData.Stamp, VodSignatureVersion.V1, BenchmarkData.Endpoint);
        _prebuiltBody = prebuilt.Content!.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        _prebuiltUri = prebuilt.RequestUri!;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _raw.Dispose();
        _v1.Dispose();
        _v3.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw HttpClient, prebuilt request")]
    public async Task<int> Raw()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _prebuiltUri) { Content = new ByteArrayContent(_prebuiltBody) };
        using var response = await _raw.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return body.Length;
    }

    [Benchmark(Description = "VodGen V1 RefreshUploadVideoAsync")]
    public async Task<string?> VodGenV1() => (await _v1.RefreshUploadVideoAsync(BenchmarkData.Request)).RequestId;

    [Benchmark(Description = "VodGen V3 RefreshUploadVideoAsync")]
    public async Task<string?> VodGenV3() => (await _v3.RefreshUploadVideoAsync(BenchmarkData.Request)).RequestId;

    private static VodClient Client(VodSignatureVersion version) => new(
        new VodClientOptions
        {
            Endpoint = new Uri(BenchmarkData.Endpoint),
            SignatureVersion = version,
            Credentials = new StaticCredentialsProvider("testid", "testsecret"),

            // Measures the call itself; the limiter's own cost is in LimiterBenchmarks.
            Throttling = { Mode = VodThrottlingMode.Off },
        },
        new HttpClient(new SampleAnswerHandler()));
}
