using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using VodGen.Server.Events;
using VodGen.Server.Playback;

namespace VodGen.Benchmarks;

/// <summary>
/// Verifying one callback (two MD5s: the current and the previous key, compared in constant time) and signing one
/// playback URL (type A), each against a bare MD5 of the same bytes in the same run.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ServerBenchmarks
{
    private const string Url = "https://www.example.com/your/callback";
    private const string PlaybackUrl = "https://vod.example.com/sv/4f1e2a-18c/4f1e2a-18c.mp4";
    private static readonly DateTimeOffset Expiry = DateTimeOffset.FromUnixTimeSeconds(1_900_000_000);
    private readonly byte[] _callbackText = Encoding.UTF8.GetBytes($"{Url}|1519375990|test123");
    private readonly byte[] _urlText = Encoding.UTF8.GetBytes("/sv/4f1e2a-18c/4f1e2a-18c.mp4-1900000000-0-0-aliyuncdnexp1234");
    private readonly byte[] _hash = new byte[16];
    private VodCallbackVerifier _verifier = null!;
    private string _signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        var clock = new FixedClock(DateTimeOffset.FromUnixTimeSeconds(1519375990));
        _verifier = new VodCallbackVerifier(new VodCallbackVerifierOptions { CallbackUrl = Url, AuthKey = "test123", PreviousAuthKey = "old-key", TimeProvider = clock });
        _signature = VodCallbackVerifier.Sign(Url, 1519375990, "test123");
    }

    [Benchmark(Baseline = true, Description = "bare MD5 of the callback's signed text")]
    public int Md5Callback() => MD5.HashData(_callbackText, _hash);

    [Benchmark(Description = "verify one callback (current and previous key)")]
    public VodCallbackVerification Verify() => _verifier.Verify("1519375990", _signature);

    [Benchmark(Description = "bare MD5 of a type A URL's signed text")]
    public int Md5Url() => MD5.HashData(_urlText, _hash);

    [Benchmark(Description = "sign one playback URL (type A)")]
    public string SignUrl() => VodUrlAuthentication.SignTypeA(PlaybackUrl, "aliyuncdnexp1234", Expiry, rand: "0");

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
