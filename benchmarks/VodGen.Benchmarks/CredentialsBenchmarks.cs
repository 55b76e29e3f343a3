using BenchmarkDotNet.Attributes;
using VodGen.Credentials;

namespace VodGen.Benchmarks;

/// <summary>
/// What a call pays for its credential: a static key pair (the baseline) against a cached temporary credential (the
/// refreshing cache every STS source uses), alone and behind the default chain that found it. Target: at most 50 ns
/// and 0 bytes more than the static one.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CredentialsBenchmarks
{
    private readonly StaticCredentialsProvider _static = new("testid", "testsecret");
    private HeldCredentials _temporary = null!;
    private DefaultCredentialsChain _chain = null!;

    [GlobalSetup]
    public void Setup()
    {
        _temporary = new HeldCredentials();
        _chain = new DefaultCredentialsChain(new IVodCredentialsProvider[] { new HeldCredentials() });
        _ = _temporary.GetCredentialsAsync().AsTask().GetAwaiter().GetResult();
        _ = _chain.GetCredentialsAsync().AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _temporary.Dispose();

    [Benchmark(Baseline = true, Description = "static AccessKey")]
    public VodCredentials Static() => _static.GetCredentialsAsync().Result;

    [Benchmark(Description = "cached temporary credential")]
    public VodCredentials Temporary() => _temporary.GetCredentialsAsync().Result;

    [Benchmark(Description = "cached temporary, behind the default chain")]
    public VodCredentials Chain() => _chain.GetCredentialsAsync().Result;

    /// <summary>A source whose one credential lasts a day: after the first fetch every call is served from the cache.</summary>
    private sealed class HeldCredentials : RefreshingCredentialsProvider
    {
        protected override string SourceDescription => "benchmark source";

        protected override ValueTask<VodTemporaryCredentials> FetchAsync(CancellationToken cancellationToken)
            => ValueTask.FromResult(new VodTemporaryCredentials(new VodCredentials("STS.bench", "secret", "token"), DateTimeOffset.UtcNow.AddDays(1)));
    }
}
