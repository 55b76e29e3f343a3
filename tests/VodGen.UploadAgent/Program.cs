using VodGen;
using VodGen.Upload;
using VodGen.Vod;
using VodGen.Throttling;

// Usage: VodGen.UploadAgent <endpoint> <accessKeyId> <accessKeySecret> <file> <checkpointFolder> <partSize>
// Prints "video <id>" once the video exists and "part <n>" as each part is acknowledged, then "done".
if (args.Length != 6)
{
    Console.Error.WriteLine("usage: VodGen.UploadAgent <endpoint> <accessKeyId> <accessKeySecret> <file> <checkpointFolder> <partSize>");
    return 2;
}

using var client = new VodClient(new VodClientOptions
{
    Endpoint = new Uri(args[0]),
    Credentials = new StaticCredentialsProvider(args[1], args[2]),
    Throttling = { Mode = VodThrottlingMode.Off },
});
var announced = 0;
var parts = 0;
var progress = new SynchronousProgress(p =>
{
    if (Interlocked.Exchange(ref announced, 1) == 0)
    {
        Console.WriteLine("video " + p.VideoId);
    }

    while (parts < p.PartsCommitted)
    {
        Console.WriteLine("part " + Interlocked.Increment(ref parts));
    }
});

var options = new VodUploadOptions
{
    PartSize = long.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture),
    Parallelism = 2,
    Checkpoints = new FileUploadCheckpointStore(args[4]),
};
await client.UploadVideoAsync(new CreateUploadVideoRequest { Title = "crash test", FileName = Path.GetFileName(args[3]) }, args[3], options, progress);
Console.WriteLine("done");
return 0;

// Reports on the calling thread, so lines come out in order and at once.
internal sealed class SynchronousProgress(Action<VodUploadProgress> report) : IProgress<VodUploadProgress>
{
    private readonly object _gate = new();

    public void Report(VodUploadProgress value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}
