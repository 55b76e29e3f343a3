using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using VodGen.Signing;
using VodGen.Vod;
using VodGen.GeneratedCode;

namespace VodGen.Benchmarks;

/// <summary>
/// V1: the generated canonical writer plus the signer, against one HMAC-SHA1 over the same string to sign
/// (the floor: no signer can do less). Target: at most 1.5 × the floor, at most 300 B allocated.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SignV1Benchmarks
{
    private readonly byte[] _key = System.Text.Encoding.UTF8.GetBytes("testsecret&");
    private readonly byte[] _hash = new byte[HMACSHA1.HashSizeInBytes];
    private readonly byte[] _signature = new byte[VodSignatureV1.SignatureLength];
    private byte[] _stringToSign = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        var writer = new VodQueryWriter(BenchmarkData.Stamp);
        RefreshUploadVideoOperation.Instance.WriteParameters(BenchmarkData.Request, ref writer);
        var query = System.Text.Encoding.ASCII.GetString(writer.Written);
        writer.Dispose();
        _stringToSign = System.Text.Encoding.ASCII.GetBytes("POST&%2F&" + Uri.EscapeDataString(query));
    }

    [Benchmark(Baseline = true, Description = "HMACSHA1.HashData (floor)")]
    public int Floor() => HMACSHA1.HashData(_key, _stringToSign, _hash);

    [Benchmark(Description = "VodGen V1: canonical query + sign")]
    public byte Sign()
    {
        var writer = new VodQueryWriter(BenchmarkData.Stamp);
        try
        {
            RefreshUploadVideoOperation.Instance.WriteParameters(BenchmarkData.Request, ref writer);
            VodSignatureV1.Sign("POST"u8, writer.Written, _key, _signature);
            return _signature[0];
        }
        finally
        {
            writer.Dispose();
        }
    }
}

/// <summary>
/// V3: the generated query writer, the canonical request and the signer, against SHA-256 of the same canonical
/// request plus one HMAC-SHA256 (the floor). Target: at most 1.5 × the floor.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SignV3Benchmarks
{
    private readonly byte[] _key = System.Text.Encoding.UTF8.GetBytes("testsecret");
    private readonly byte[] _hash = new byte[32];
    private readonly byte[] _signature = new byte[VodSignatureV3.SignatureLength];
    private byte[] _canonicalRequest = Array.Empty<byte>();
    private byte[] _stringToSign = Array.Empty<byte>();

    [GlobalSetup]
    public void Setup()
    {
        var stamp = BenchmarkData.Stamp;
        var canonical = "POST\n/\nVideoId=c6a23a870c8c4ffcd40cbd381333%2A%2A%2A%2A\nhost:vod.cn-shanghai.aliyuncs.com\nx-acs-action:RefreshUploadVideo\n" +
            $"x-acs-content-sha256:{VodSignatureV3.EmptyPayloadHash}\nx-acs-date:{stamp.Timestamp}\nx-acs-signature-nonce:{stamp.Nonce}\nx-acs-version:{stamp.Version}\n\n" +
            $"{VodSignatureV3.SignedHeaders}\n{VodSignatureV3.EmptyPayloadHash}";
        _canonicalRequest = System.Text.Encoding.ASCII.GetBytes(canonical);
        _stringToSign = System.Text.Encoding.ASCII.GetBytes("ACS3-HMAC-SHA256\n" + Convert.ToHexStringLower(SHA256.HashData(_canonicalRequest)));
    }

    [Benchmark(Baseline = true, Description = "SHA256 + HMACSHA256 (floor)")]
    public int Floor()
    {
        SHA256.HashData(_canonicalRequest, _hash);
        return HMACSHA256.HashData(_key, _stringToSign, _hash);
    }

    [Benchmark(Description = "VodGen V3: query + canonical request + sign")]
    public byte Sign()
    {
        var writer = new VodQueryWriter(null);
        try
        {
            RefreshUploadVideoOperation.Instance.WriteParameters(BenchmarkData.Request, ref writer);
            VodSignatureV3.SignRpcRequest("POST"u8, writer.Written, "vod.cn-shanghai.aliyuncs.com", BenchmarkData.Stamp, _signature);
            return _signature[0];
        }
        finally
        {
            writer.Dispose();
        }
    }
}
