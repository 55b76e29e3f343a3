using System.Diagnostics;
using System.Text.Json;
using VodGen.Vod;

namespace VodGen.Benchmarks;

/// <summary>
/// The generated reader against <c>JsonDocument.Parse</c> of the same answer, in alternating blocks within one process,
/// so that a machine whose speed drifts (shared, throttled) moves both sides alike; the median of the blocks' ratios.
/// <c>dotnet run -c Release --project benchmarks/VodGen.Benchmarks -- parse-ratio [BLOCKS]</c>.
/// </summary>
internal static class ParseRatio
{
    public static int Run(TextWriter output, int blocks)
    {
        foreach (var (name, body, read) in new (string, byte[], Func<byte[], object>)[]
        {
            ("RefreshUploadVideo sample", BenchmarkData.SampleBody, static b => { var r = new Utf8JsonReader(b); r.Read(); return RefreshUploadVideoOperation.Instance.ReadResponse(ref r); }),
            ("GetPlayInfo, 60 streams", BenchmarkData.LargePlayInfoBody, static b => { var r = new Utf8JsonReader(b); r.Read(); return GetPlayInfoOperation.Instance.ReadResponse(ref r); }),
        })
        {
            // Warm-up until both sides run optimized code (tiered compilation), then blocks of about 5 ms.
            var warm = Stopwatch.StartNew();
            while (warm.ElapsedMilliseconds < 1500)
            {
                Time(() => { using var d = JsonDocument.Parse(body); }, 100);
                Time(() => read(body), 100);
            }

            var perBlock = Math.Max(1, (int)(5_000 / Math.Max(0.01, Time(() => { using var d = JsonDocument.Parse(body); }, 2000))));
            var ratios = new List<double>();
            var (documentTotal, readerTotal) = (0.0, 0.0);
            for (var i = 0; i < blocks; i++)
            {
                var document = Time(() => { using var d = JsonDocument.Parse(body); }, perBlock);
                var reader = Time(() => read(body), perBlock);
                ratios.Add(reader / document);
                (documentTotal, readerTotal) = (documentTotal + document, readerTotal + reader);
            }

            ratios.Sort();
            output.WriteLine($"{name}: generated reader / JsonDocument.Parse = {ratios[ratios.Count / 2]:F2} (median of {blocks} blocks; quartiles {ratios[ratios.Count / 4]:F2}–{ratios[ratios.Count * 3 / 4]:F2}); {readerTotal / blocks * 1000:F1} ns against {documentTotal / blocks * 1000:F1} ns per call");
        }

        return 0;
    }

    // Microseconds per call over `calls` calls.
    private static double Time(Action action, int calls)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            action();
        }

        return stopwatch.Elapsed.TotalMilliseconds * 1000 / calls;
    }
}
