using System.Globalization;
using StackExchange.Redis;
using VodGen;
using VodGen.Redis;
using VodGen.Vod;

// Usage: VodGen.LoadAgent --endpoint URL --redis HOST:PORT --key ID --secret S --video ID --start UNIX_MS --limit N [--seconds N] [--callers N]
// Each agent warms up with one call, then all start full demand at the same moment (--start).
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i]] = args[i + 1];
}

string Required(string name) => options.TryGetValue(name, out var value) ? value : throw new ArgumentException($"{name} is required.");
try
{
    var seconds = double.Parse(options.GetValueOrDefault("--seconds", "5"), CultureInfo.InvariantCulture);
    var callers = int.Parse(options.GetValueOrDefault("--callers", "20"), CultureInfo.InvariantCulture);
    var videoId = Required("--video");
    await using var redis = await ConnectionMultiplexer.ConnectAsync(Required("--redis"));
    var slots = new SlotLog();
    using var limiter = new VodRedisRateLimiter(redis, logger: slots);
    using var client = new VodClient(new VodClientOptions
    {
        Endpoint = new Uri(Required("--endpoint")),
        Credentials = new StaticCredentialsProvider(Required("--key"), Required("--secret")),
        Throttling = { Limiter = limiter, Limits = { ["RefreshUploadVideo"] = int.Parse(Required("--limit"), CultureInfo.InvariantCulture) } },
        Retry = { MaxRetryAttempts = 0 },
    });

    await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = videoId });
    var start = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(Required("--start"), CultureInfo.InvariantCulture));
    if (start > DateTimeOffset.UtcNow)
    {
        await Task.Delay(start - DateTimeOffset.UtcNow);
    }

    slots.Clear();
    long ok = 0, throttled = 0, failed = 0;
    var stop = DateTime.UtcNow.AddSeconds(seconds);
    await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
    {
        while (DateTime.UtcNow < stop)
        {
            try
            {
                await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = videoId });
                Interlocked.Increment(ref ok);
            }
            catch (VodServiceException e) when (e.Code.StartsWith("Throttling", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref throttled);
            }
            catch (VodException)
            {
                Interlocked.Increment(ref failed);
            }
        }
    })));

    Console.WriteLine($"ok={ok} throttled={throttled} failed={failed}");
    Console.WriteLine($"slots={slots}");
    return 0;
}
catch (Exception e) when (e is ArgumentException or FormatException or RedisConnectionException)
{
    Console.Error.WriteLine("load agent: " + e.Message);
    return 2;
}

/// <summary>Collects the Redis slots the limiter reports reserving (its trace entries), for the test to check the pace.</summary>
internal sealed class SlotLog : Microsoft.Extensions.Logging.ILogger<VodRedisRateLimiter>
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<long> _slots = new();

    public void Clear() => _slots.Clear();

    public override string ToString() => string.Join(',', _slots);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (state is IReadOnlyList<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "SlotMicroseconds").Value is long slot)
        {
            _slots.Enqueue(slot);
        }
    }
}
