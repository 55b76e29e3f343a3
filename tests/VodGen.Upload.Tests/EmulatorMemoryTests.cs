using System.Diagnostics;
using System.Globalization;
using VodGen.Emulator;
using VodGen.Vod;
using VodGen.Throttling;

namespace VodGen.Upload.Tests;

/// <summary>Runs alone: it moves gigabytes through the emulator and measures its resident memory.</summary>
[CollectionDefinition(nameof(MemoryCollection), DisableParallelization = true)]
public sealed class MemoryCollection;

/// <summary>
/// The standalone emulator's resident memory (VmRSS of its process) stays flat whatever is uploaded to it or sent at
/// it: stored bytes live in files, and every record it keeps has a bounded size and count.
/// </summary>
[Collection(nameof(MemoryCollection))]
public sealed class EmulatorMemoryTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const long GiB = 1024L * 1024 * 1024;
    private const long MaxResident = 300L * 1024 * 1024;

    [Fact]
    public async Task Ten_uploads_of_1_GiB_and_one_of_3_GiB_keep_the_emulator_under_300_MB()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var client = emulator.Client();
        using var sampler = new ResidentSampler(emulator.Process);
        var results = new List<VodUploadResult>();
        var options = new VodUploadOptions { PartSize = 32 * 1024 * 1024, Parallelism = 4 };

        for (var i = 0; i < 10; i++)
        {
            results.Add(await client.UploadVideoAsync(new CreateUploadVideoRequest { Title = "1 GiB " + i, FileName = "one.mp4" }, new PatternStream(GiB, seed: i), options));
        }

        results.Add(await client.UploadVideoAsync(new CreateUploadVideoRequest { Title = "3 GiB", FileName = "three.mp4" }, new PatternStream(3 * GiB, seed: 99), options));

        // All eleven are held at once, each complete and checked (the uploader compares the whole object's CRC-64).
        Assert.Equal(Enumerable.Repeat(GiB, 10).Append(3 * GiB), results.Select(r => r.Size));
        foreach (var result in results)
        {
            var info = await client.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = result.VideoId });
            Assert.Equal(result.Size, info.Video!.Size);
        }

        output.WriteLine($"peak resident memory holding 13 GiB: {sampler.Peak / 1024 / 1024} MB");
        Assert.True(sampler.Peak < MaxResident, $"the emulator's resident memory peaked at {sampler.Peak / 1024 / 1024} MB holding 13 GiB (limit {MaxResident / 1024 / 1024} MB)");
    }

    [Fact]
    public async Task A_hundred_thousand_unauthenticated_requests_leave_the_emulators_memory_flat()
    {
        await using var emulator = await EmulatorProcess.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 8 });
        var caller = new string('x', 4096); // unsigned requests carrying some bulk, as a scanner's would

        async Task SendAsync(int count)
        {
            await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            {
                using var request = i % 2 == 0
                    ? new HttpRequestMessage(HttpMethod.Put, new Uri(emulator.Storage, "/bucket/key" + i.ToString(CultureInfo.InvariantCulture))) { Content = new ByteArrayContent(new byte[1024]) }
                    : new HttpRequestMessage(HttpMethod.Post, emulator.Api) { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Action"] = caller, ["SignatureNonce"] = caller + i }) };
                using var response = await http.SendAsync(request, ct);
                Assert.False(response.IsSuccessStatusCode);
            });
        }

        await SendAsync(10_000); // warm: pools, JIT, the records' rings filling
        var before = ResidentSampler.Read(emulator.Process);
        await SendAsync(100_000);
        var after = ResidentSampler.Read(emulator.Process);


        output.WriteLine($"resident memory before/after 100,000 requests: {before / 1024 / 1024} / {after / 1024 / 1024} MB");
        Assert.True(after - before < 50L * 1024 * 1024, $"resident memory grew from {before / 1024 / 1024} MB to {after / 1024 / 1024} MB over 100,000 requests");
    }

    /// <summary>Deterministic bytes of a given length, made as they are read (nothing of that size in memory).</summary>
    private sealed class PatternStream(long length, int seed) : Stream
    {
        private readonly byte[] _block = Block(seed);

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            for (var done = 0; done < n;)
            {
                var at = (int)((Position + done) % _block.Length);
                var chunk = Math.Min(n - done, _block.Length - at);
                _block.AsSpan(at, chunk).CopyTo(buffer.AsSpan(offset + done));
                done += chunk;
            }

            Position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        // A block of a prime size, so that parts (powers of two) never line up with it.
        private static byte[] Block(int seed)
        {
            var block = new byte[1_048_573];
            new Random(seed).NextBytes(block);
            return block;
        }
    }

    /// <summary>Samples a process's resident memory every 50 ms and keeps the peak.</summary>
    private sealed class ResidentSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _sampling;
        private long _peak;

        public ResidentSampler(Process process)
        {
            _sampling = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    var resident = Read(process);
                    if (resident > Interlocked.Read(ref _peak))
                    {
                        Interlocked.Exchange(ref _peak, resident);
                    }

                    await Task.Delay(50);
                }
            });
        }

        public long Peak => Math.Max(Interlocked.Read(ref _peak), 1);

        /// <summary>VmRSS from /proc, in bytes.</summary>
        public static long Read(Process process)
        {
            var line = File.ReadLines($"/proc/{process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line["VmRSS:".Length..].Replace("kB", string.Empty, StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) * 1024;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _sampling.GetAwaiter().GetResult();
        }
    }

    /// <summary>The standalone emulator in a process of its own, so that its memory is its own.</summary>
    private sealed class EmulatorProcess : IAsyncDisposable
    {
        private EmulatorProcess(Process process, Uri api, Uri storage)
        {
            Process = process;
            Api = api;
            Storage = storage;
        }

        public Process Process { get; }

        public Uri Api { get; }

        public Uri Storage { get; }

        public static async Task<EmulatorProcess> StartAsync()
        {
            var process = Process.Start(new ProcessStartInfo("dotnet", $"\"{Path.Combine(AppContext.BaseDirectory, "VodGen.Emulator.Tool.dll")}\" --port 0 --storage-port 0 --no-qps")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            _ = process.StandardError.ReadToEndAsync();
            Uri? api = null;
            Uri? storage = null;
            while ((api is null || storage is null) && await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
            {
                if (line.StartsWith("VodGen emulator listening on ", StringComparison.Ordinal))
                {
                    api = new Uri(line["VodGen emulator listening on ".Length..].Split(' ')[0]);
                }
                else if (line.StartsWith("Storage (upload addresses) on ", StringComparison.Ordinal))
                {
                    storage = new Uri(line["Storage (upload addresses) on ".Length..].Trim());
                }
            }

            _ = process.StandardOutput.ReadToEndAsync();
            return api is not null && storage is not null
                ? new EmulatorProcess(process, api, storage)
                : throw new InvalidOperationException("The emulator did not print its addresses.");
        }

        public VodClient Client() => new(new VodClientOptions
        {
            Endpoint = Api,
            Credentials = new StaticCredentialsProvider(EmulatorCredential.Default.AccessKeyId, EmulatorCredential.Default.AccessKeySecret),
            Throttling = { Mode = VodThrottlingMode.Off },
        });

        // SIGTERM: the emulator stops as it does for a service manager, removing the files it stored.
        public async ValueTask DisposeAsync()
        {
            using (var term = Process.Start("kill", ["-TERM", Process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            try
            {
                await Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            }
            catch (TimeoutException)
            {
                Process.Kill(entireProcessTree: true);
            }

            Process.Dispose();
        }
    }
}
