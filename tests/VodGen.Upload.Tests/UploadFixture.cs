using VodGen.Emulator;
using VodGen.Emulator.Storage;
using VodGen.Throttling;

namespace VodGen.Upload.Tests;

/// <summary>An emulator (API and storage front) per test class instance, a client for it and a folder for files.</summary>
public abstract class UploadTestBase : IAsyncLifetime
{
    protected VodEmulator Emulator { get; private set; } = null!;

    protected VodClient Client { get; private set; } = null!;

    protected string Folder { get; } = Directory.CreateTempSubdirectory("vodgen-upload-").FullName;

    public async Task InitializeAsync()
    {
        Emulator = await VodEmulator.StartAsync(new VodEmulatorOptions { EnforceQps = false });
        Emulator.Storage.TranscodeDelay = TimeSpan.FromMilliseconds(200);
        Client = new VodClient(new VodClientOptions
        {
            Endpoint = Emulator.Endpoint,
            Credentials = new StaticCredentialsProvider(EmulatorCredential.Default.AccessKeyId, EmulatorCredential.Default.AccessKeySecret),
            Throttling = { Mode = VodThrottlingMode.Off },
        });
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Emulator.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>A file of <paramref name="size"/> pseudo-random bytes (deterministic per seed).</summary>
    protected string File(long size, int seed = 1, string name = "movie.mp4")
    {
        var path = Path.Combine(Folder, name);
        var random = new Random(seed);
        var buffer = new byte[1024 * 1024];
        using var stream = System.IO.File.Create(path);
        for (long written = 0; written < size; written += buffer.Length)
        {
            random.NextBytes(buffer);
            stream.Write(buffer, 0, (int)Math.Min(buffer.Length, size - written));
        }

        return path;
    }

    protected static Vod.CreateUploadVideoRequest Video(string title = "t") => new() { Title = title, FileName = "movie.mp4" };

    protected byte[] Stored(string videoId)
    {
        var video = Emulator.Store.Find(videoId)!;
        return Emulator.Storage.GetObject(video.Bucket, video.ObjectKey) ?? throw new Xunit.Sdk.XunitException("nothing stored");
    }

    protected int Calls(string action) => Emulator.Log.Records.Count(r => r.Action == action && r.Outcome == "OK");

    protected IEnumerable<StorageRequestRecord> StorageRequests(string operation) => Emulator.Storage.Requests.Where(r => r.Operation == operation);

    /// <summary>Keeps every report, and checks as they come that committed bytes never go down.</summary>
    protected sealed class ProgressLog : IProgress<VodUploadProgress>
    {
        private readonly List<VodUploadProgress> _reports = new();

        public IReadOnlyList<VodUploadProgress> Reports
        {
            get
            {
                lock (_reports)
                {
                    return _reports.ToList();
                }
            }
        }

        public void Report(VodUploadProgress value)
        {
            lock (_reports)
            {
                _reports.Add(value);
            }
        }
    }
}
