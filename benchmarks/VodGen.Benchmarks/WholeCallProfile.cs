using System.Diagnostics;
using System.Globalization;
using VodGen.Throttling;
using VodGen.Transport;
using VodGen.Vod;

namespace VodGen.Benchmarks;

/// <summary>
/// Where a whole call's time goes, step by step: the same call measured with pipeline steps taken away one at a time,
/// in one process, in alternating rounds (so that every variant meets the same machine), against the raw prebuilt send
/// and the signing floor. With <c>--modes</c> it prints only the whole calls, for comparing processes: run it several
/// times, with and without <c>DOTNET_TieredPGO=0</c>, to see which mode each process settles in.
/// </summary>
internal static class WholeCallProfile
{
    private const int CallsPerRound = 100_000;

    // Calls whose task was still running when returned: with the in-memory handler there should be none, so that the
    // figures hold no thread hops.
    private static int s_asynchronous;

    public static async Task<int> RunAsync(TextWriter output, bool modesOnly, int rounds, string? only = null)
    {
        using var raw = new HttpClient(new SampleAnswerHandler());
        var prebuilt = WholeCallBenchmarksPrebuilt();
        var variants = new List<(string Name, Func<ValueTask> Call, IDisposable? Owner)>
        {
            ("raw HttpClient, prebuilt request", async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, prebuilt.Uri) { Content = new ByteArrayContent(prebuilt.Body) };
                using var response = await raw.SendAsync(request);
                _ = await response.Content.ReadAsByteArrayAsync();
            }, null),
        };

        foreach (var version in new[] { VodSignatureVersion.V1, VodSignatureVersion.V3 })
        {
            if (!modesOnly)
            {
                variants.Add(($"{version}: build and sign the request only", () =>
                {
                    VodRequestFactory.Create(RefreshUploadVideoOperation.Instance, BenchmarkData.Request, BenchmarkData.Stamp, version, BenchmarkData.Endpoint).Dispose();
                    return default;
                }, null));
                Add(variants, $"{version}: pipeline without retry and timeout", version, retry: false, timeout: false);
                Add(variants, $"{version}: + per-attempt timeout", version, retry: false, timeout: true);
            }

            Add(variants, $"{version}: whole call (+ retry: the default client)", version, retry: true, timeout: true);
        }

        if (only is not null)
        {
            // For a sampling profiler (perf with DOTNET_PerfMapEnabled=1): one variant, the rest of the process idle.
            variants.RemoveAll(v => !v.Name.Contains(only, StringComparison.Ordinal));
            variants.Insert(0, ("(baseline)", () => default, null));
        }

        // Warm every variant up until tiering has settled (tier-1 with dynamic PGO after about 30 calls and a 100 ms delay).
        for (var warm = 0; warm < 3; warm++)
        {
            foreach (var variant in variants)
            {
                await MeasureAsync(variant.Call, CallsPerRound / 4);
            }

            await Task.Delay(200);
        }

        var samples = variants.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < variants.Count; i++)
            {
                samples[i].Add(await MeasureAsync(variants[i].Call, CallsPerRound));
            }
        }

        output.WriteLine($"| what | median µs/call | min | max | × raw |");
        output.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        var rawMedian = Median(samples[0]);
        for (var i = 0; i < variants.Count; i++)
        {
            var median = Median(samples[i]);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {variants[i].Name} | {median:0.000} | {samples[i].Min():0.000} | {samples[i].Max():0.000} | {median / rawMedian:0.0} |"));
            variants[i].Owner?.Dispose();
        }

        output.WriteLine($"calls that completed asynchronously: {s_asynchronous}");
        return 0;
    }

    private static void Add(List<(string, Func<ValueTask>, IDisposable?)> variants, string name, VodSignatureVersion version, bool retry, bool timeout)
    {
        var client = new VodClient(
            new VodClientOptions
            {
                Endpoint = new Uri(BenchmarkData.Endpoint),
                SignatureVersion = version,
                Credentials = new StaticCredentialsProvider("testid", "testsecret"),
                Throttling = { Mode = VodThrottlingMode.Off },
                Retry = { MaxRetryAttempts = retry ? 3 : 0 },
                Timeout = timeout ? TimeSpan.FromSeconds(30) : Timeout.InfiniteTimeSpan,
            },
            new HttpClient(new SampleAnswerHandler()));
        variants.Add((name, async () => await client.RefreshUploadVideoAsync(BenchmarkData.Request), client));
    }

    private static (Uri Uri, byte[] Body) WholeCallBenchmarksPrebuilt()
    {
        using var prebuilt = VodRequestFactory.Create(RefreshUploadVideoOperation.Instance, BenchmarkData.Request, BenchmarkData.Stamp, VodSignatureVersion.V1, BenchmarkData.Endpoint);
        return (prebuilt.RequestUri!, prebuilt.Content!.ReadAsByteArrayAsync().GetAwaiter().GetResult());
    }

    private static async Task<double> MeasureAsync(Func<ValueTask> call, int calls)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            var pending = call();
            if (!pending.IsCompleted)
            {
                Interlocked.Increment(ref s_asynchronous);
            }

            await pending;
        }

        return Stopwatch.GetElapsedTime(started).TotalMicroseconds / calls;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
