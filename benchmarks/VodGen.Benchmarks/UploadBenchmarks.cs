using BenchmarkDotNet.Attributes;
using Microsoft.Win32.SafeHandles;
using VodGen.Upload;

namespace VodGen.Benchmarks;

/// <summary>
/// A 64 MiB file in 8 MiB parts, 4 at a time, over loopback: VodGen's uploader (signing, CRC-64 of every part, file
/// ranges streamed from disk) against raw HttpClient PUTs of the same ranges. Reported per part
/// (OperationsPerInvoke). Targets: at least 0.90 of the raw throughput, at most 64 KB allocated per part.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class UploadBenchmarks
{
    public const long FileSize = 64L * 1024 * 1024;
    public const long PartSize = 8L * 1024 * 1024;
    public const int Parallelism = 4;
    private const int Parts = (int)(FileSize / PartSize);
    private UploadSink _sink = null!;
    private string _file = string.Empty;
    private HttpClient _raw = null!;
    private SafeFileHandle _handle = null!;
    private VodUploadOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sink = UploadSink.StartAsync().GetAwaiter().GetResult();
        _file = UploadSink.CreateFile(FileSize);
        _raw = new HttpClient();
        _handle = File.OpenHandle(_file, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        _options = new VodUploadOptions { PartSize = PartSize, Parallelism = Parallelism, VerifyCrc64 = false }; // the sink reports no CRC (parts' CRCs are still computed while sent)
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _handle.Dispose();
        _raw.Dispose();
        _sink.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Parts, Description = "raw HttpClient PUT of the ranges")]
    public Task Raw() => RawUploadAsync(_raw, _sink.Endpoint, _handle, FileSize, PartSize, Parallelism);

    [Benchmark(OperationsPerInvoke = Parts, Description = "VodGen upload (V4, CRC-64)")]
    public Task VodGenUpload() => VodUploader.UploadFileAsync(_sink.Session(), _file, _options);

    /// <summary>The baseline: each range read from disk into one buffer per worker and PUT as is, unsigned.</summary>
    public static async Task RawUploadAsync(HttpClient http, Uri endpoint, SafeFileHandle file, long size, long partSize, int parallelism)
    {
        var next = 0;
        var parts = (int)((size + partSize - 1) / partSize);
        await Task.WhenAll(Enumerable.Range(0, parallelism).Select(_ => Task.Run(async () =>
        {
            var buffer = new byte[partSize];
            int number;
            while ((number = Interlocked.Increment(ref next)) <= parts)
            {
                var offset = (number - 1) * partSize;
                var length = (int)Math.Min(partSize, size - offset);
                await RandomAccess.ReadAsync(file, buffer.AsMemory(0, length), offset);
                using var request = new HttpRequestMessage(HttpMethod.Put, new Uri(endpoint, $"bucket/bench/video.mp4?partNumber={number}&uploadId=BENCH")) { Content = new ByteArrayContent(buffer, 0, length) };
                using var response = await http.SendAsync(request);
                response.EnsureSuccessStatusCode();
            }
        })));
    }
}

/// <summary>CRC-64/XZ over 16 MiB against copying the same bytes (the memory-bandwidth floor). Target: at least 2 GB/s.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class Crc64Benchmarks
{
    private readonly byte[] _data = new byte[16 * 1024 * 1024];
    private readonly byte[] _copy = new byte[16 * 1024 * 1024];

    [GlobalSetup]
    public void Setup() => new Random(64).NextBytes(_data);

    [Benchmark(Baseline = true, Description = "copy 16 MiB")]
    public void Copy() => _data.AsSpan().CopyTo(_copy);

    [Benchmark(Description = "CRC-64/XZ of 16 MiB")]
    public ulong Crc64() => VodCrc64.Compute(_data);
}
