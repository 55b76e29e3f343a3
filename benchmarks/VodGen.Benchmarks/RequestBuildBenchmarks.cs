using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using VodGen.Signing;
using VodGen.Transport;
using VodGen.Vod;

namespace VodGen.Benchmarks;

/// <summary>
/// The signed <see cref="HttpRequestMessage"/>, ready to send, for a typical RefreshUploadVideo: new nonce and
/// timestamp, canonical parameters, signature, URL or body and headers. Target: at most 2 µs and 1.2 KB.
/// The baseline is the V1 HMAC floor, for scale.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RequestBuildBenchmarks
{
    private readonly byte[] _key = System.Text.Encoding.UTF8.GetBytes("testsecret&");
    private readonly byte[] _hash = new byte[HMACSHA1.HashSizeInBytes];
    private readonly byte[] _stringToSign = new byte[400];

    [Benchmark(Baseline = true, Description = "HMACSHA1.HashData (floor)")]
    public int Floor() => HMACSHA1.HashData(_key, _stringToSign, _hash);

    [Benchmark(Description = "VodGen V1 signed request")]
    public HttpRequestMessage BuildV1() => Build(VodSignatureVersion.V1);

    [Benchmark(Description = "VodGen V3 signed request")]
    public HttpRequestMessage BuildV3() => Build(VodSignatureVersion.V3);

    private static HttpRequestMessage Build(VodSignatureVersion version)
    {
        var stamp = VodRequestStamp.Create(BenchmarkData.Credentials, RefreshUploadVideoOperation.Instance.Info, TimeProvider.System);
        var message = VodRequestFactory.Create(RefreshUploadVideoOperation.Instance, BenchmarkData.Request, stamp, version, BenchmarkData.Endpoint);
        message.Dispose();
        return message;
    }
}
