using System.Diagnostics;
using VodGen.Upload;

namespace VodGen.Benchmarks;

/// <summary>
/// Upload throughput as alternating pairs (raw, then VodGen, repeated), so that both see the same machine state;
/// prints each pair and the medians. <c>dotnet run -c Release --project benchmarks/VodGen.Benchmarks -- upload-throughput [pairs]</c>.
/// </summary>
internal static class UploadThroughput
{
    public static async Task<int> RunAsync(TextWriter output, int pairs = 9)
    {
        await using var sink = await UploadSink.StartAsync();
        var file = UploadSink.CreateFile(UploadBenchmarks.FileSize);
        using var raw = new HttpClient();
        using var handle = File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        var options = new VodUploadOptions { PartSize = UploadBenchmarks.PartSize, Parallelism = UploadBenchmarks.Parallelism, VerifyCrc64 = false }; // the sink reports no CRC

        // Warm both paths (JIT, connections) before measuring.
        await UploadBenchmarks.RawUploadAsync(raw, sink.Endpoint, handle, UploadBenchmarks.FileSize, UploadBenchmarks.PartSize, UploadBenchmarks.Parallelism);
        await VodUploader.UploadFileAsync(sink.Session(), file, options);

        var rawRates = new List<double>();
        var vodgenRates = new List<double>();
        output.WriteLine($"{UploadBenchmarks.FileSize / 1024 / 1024} MiB, {UploadBenchmarks.PartSize / 1024 / 1024} MiB parts, {UploadBenchmarks.Parallelism} in parallel, loopback");
        output.WriteLine("pair  raw MB/s  VodGen MB/s  ratio");
        for (var i = 1; i <= pairs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            await UploadBenchmarks.RawUploadAsync(raw, sink.Endpoint, handle, UploadBenchmarks.FileSize, UploadBenchmarks.PartSize, UploadBenchmarks.Parallelism);
            rawRates.Add(UploadBenchmarks.FileSize / 1e6 / stopwatch.Elapsed.TotalSeconds);
            stopwatch.Restart();
            await VodUploader.UploadFileAsync(sink.Session(), file, options);
            vodgenRates.Add(UploadBenchmarks.FileSize / 1e6 / stopwatch.Elapsed.TotalSeconds);
            output.WriteLine($"{i,4}  {rawRates[^1],8:0}  {vodgenRates[^1],11:0}  {vodgenRates[^1] / rawRates[^1],5:0.00}");
        }

        var rawMedian = Median(rawRates);
        var vodgenMedian = Median(vodgenRates);
        output.WriteLine($"median  raw {rawMedian:0} MB/s, VodGen {vodgenMedian:0} MB/s: {vodgenMedian / rawMedian:0.00} of raw");
        return 0;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
