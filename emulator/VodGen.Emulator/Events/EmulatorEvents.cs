using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VodGen.Emulator.Media;

namespace VodGen.Emulator.Events;

/// <summary>What the emulator does wrong on purpose when it sends a callback.</summary>
public enum EmulatorEventFault
{
    /// <summary>Nothing: callbacks as the service sends them.</summary>
    None,

    /// <summary>Every callback is sent twice.</summary>
    Duplicate,

    /// <summary>Callbacks carry a timestamp ten minutes old.</summary>
    LateTimestamp,

    /// <summary>Callbacks carry a signature made with another key.</summary>
    BadSignature,
}

/// <summary>One try to deliver an event.</summary>
/// <param name="EventType">The event type.</param>
/// <param name="VideoId">The video it is about.</param>
/// <param name="Url">Where it was posted.</param>
/// <param name="Attempt">1 to 3.</param>
/// <param name="Status">The HTTP status answered, or 0 when none came within 5 s.</param>
public sealed record EmulatorDelivery(string EventType, string? VideoId, string Url, int Attempt, int Status);

/// <summary>
/// Event notifications as the service sends them: the settings <c>SetMessageCallback</c> stores, and for each event a
/// POST of its JSON to the configured URL or the URL of the media's <c>UserData</c>, with its <c>Extend</c>, signed with
/// <c>X-VOD-TIMESTAMP</c> and <c>X-VOD-SIGNATURE</c> when authentication is on. Only 200 within 5 s counts; otherwise 3
/// tries in all, 1 s apart, then the event is dropped; redirects are not followed. The events of one media are sent one
/// after another, in the order they happened. With the MNS type, events are written to the named queue of
/// <see cref="VodEmulator.Queues"/> instead (3 tries when it does not exist, then dropped).
/// </summary>
public sealed class EmulatorEvents : IDisposable
{
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private const int Tries = 3;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly TimeProvider _clock;
    private readonly Queues.EmulatorQueues _queues;
    private readonly object _gate = new();
    private Settings? _settings;

    internal EmulatorEvents(TimeProvider clock, Queues.EmulatorQueues queues)
    {
        _clock = clock;
        _queues = queues;
    }

    /// <summary>Every try to deliver an event, in order.</summary>
    public ConcurrentQueue<EmulatorDelivery> Deliveries { get; } = new();

    /// <summary>A deliberate fault in the callbacks sent from now on.</summary>
    public EmulatorEventFault Fault { get; set; }

    /// <summary>Sets HTTP callbacks, as <c>SetMessageCallback</c> does (<paramref name="authKey"/> null: unsigned).</summary>
    public void UseHttpCallbacks(string callbackUrl, string? authKey, string eventTypes = "ALL")
    {
        lock (_gate)
        {
            _settings = new Settings("HTTP", callbackUrl, eventTypes, authKey is null ? "off" : "on", authKey, null, null);
        }
    }

    /// <summary>Sets MNS callbacks, as <c>SetMessageCallback</c> does: events go to <paramref name="queueName"/> of <see cref="VodEmulator.Queues"/>.</summary>
    public void UseMnsQueue(string queueName, string eventTypes = "ALL")
    {
        lock (_gate)
        {
            _settings = new Settings("MNS", null, eventTypes, "off", null, null, queueName);
        }
    }

    /// <summary>Waits until the sends under way have ended (for tests).</summary>
    public Task IdleAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_tails.Values);
        }
    }

    // The events of one media go out in the order they happened: each send starts when the one before it has ended.
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    internal JsonObject Set(IReadOnlyDictionary<string, string> parameters)
    {
        string? Value(string name) => parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        lock (_gate)
        {
            _settings = new Settings(Value("CallbackType") ?? "HTTP", Value("CallbackURL"), Value("EventTypeList") ?? "ALL", Value("AuthSwitch") ?? "off", Value("AuthKey"), Value("MnsEndpoint"), Value("MnsQueueName"));
        }

        return new JsonObject();
    }

    internal JsonObject Get()
    {
        lock (_gate)
        {
            return _settings is not { } s ? new JsonObject() : new JsonObject
            {
                ["MessageCallback"] = new JsonObject
                {
                    ["CallbackType"] = s.Type, ["CallbackURL"] = s.Url, ["EventTypeList"] = s.EventTypes, ["AuthSwitch"] = s.AuthSwitch,
                    ["AuthKey"] = s.AuthKey, ["MnsEndpoint"] = s.MnsEndpoint, ["MnsQueueName"] = s.MnsQueue, ["AppId"] = "app-1000000",
                },
            };
        }
    }

    internal JsonObject Delete()
    {
        lock (_gate)
        {
            _settings = null;
        }

        return new JsonObject();
    }

    /// <summary>Sends an event about <paramref name="video"/> (in the background), if anything is set to receive it.</summary>
    /// <param name="eventType">The event type.</param>
    /// <param name="video">The media the event is about.</param>
    /// <param name="status">success or fail; null for events without one.</param>
    /// <param name="fields">The event's own fields.</param>
    /// <param name="userData">The UserData of the request that started the job, when it has its own; else the media's.</param>
    internal void Publish(string eventType, MediaVideo video, string? status, JsonObject fields, string? userData = null)
    {
        var (perMediaUrl, extend) = FromUserData(userData ?? video.UserData);
        Settings? settings;
        lock (_gate)
        {
            settings = _settings;
        }

        var url = perMediaUrl ?? (settings is { Type: "HTTP" } ? settings.Url : null);
        var queue = perMediaUrl is null && settings is { Type: "MNS", MnsQueue: { } q } ? q : null;
        if ((url is null && queue is null) || (perMediaUrl is null && !Wanted(settings!, eventType)))
        {
            return;
        }

        var body = new JsonObject { ["EventTime"] = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), ["EventType"] = eventType, ["VideoId"] = video.VideoId };
        if (status is not null)
        {
            body["Status"] = status;
        }

        foreach (var (name, value) in fields)
        {
            body[name] = value?.DeepClone();
        }

        if (extend is not null)
        {
            body["Extend"] = extend;
        }

        var json = body.ToJsonString();
        var key = settings is { AuthSwitch: "on", AuthKey: { } authKey } ? authKey : null;
        var copies = Fault == EmulatorEventFault.Duplicate ? 2 : 1;
        lock (_gate)
        {
            var tail = _tails.GetValueOrDefault(video.VideoId, Task.CompletedTask);
            for (var i = 0; i < copies; i++)
            {
                tail = tail.ContinueWith(_ => queue is null ? SendAsync(eventType, video.VideoId, url!, json, key) : WriteAsync(eventType, video.VideoId, queue, json), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }

            _tails[video.VideoId] = tail;
        }
    }

    private async Task SendAsync(string eventType, string videoId, string url, string json, string? key)
    {
        for (var attempt = 1; attempt <= Tries; attempt++)
        {
            var status = 0;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
                if (key is not null)
                {
                    var timestamp = (_clock.GetUtcNow() - (Fault == EmulatorEventFault.LateTimestamp ? TimeSpan.FromMinutes(10) : TimeSpan.Zero)).ToUnixTimeSeconds();
                    var signedWith = Fault == EmulatorEventFault.BadSignature ? key + "-wrong" : key;
                    request.Headers.TryAddWithoutValidation("X-VOD-TIMESTAMP", timestamp.ToString(CultureInfo.InvariantCulture));
                    request.Headers.TryAddWithoutValidation("X-VOD-SIGNATURE", Md5Hex($"{url}|{timestamp.ToString(CultureInfo.InvariantCulture)}|{signedWith}"));
                }

                using var limit = new CancellationTokenSource(AnswerWithin);
                using var response = await _http.SendAsync(request, limit.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
            {
                // No answer within 5 s, or no connection: a failed try.
            }

            Deliveries.Enqueue(new EmulatorDelivery(eventType, videoId, url, attempt, status));
            if (status == 200)
            {
                return;
            }

            if (attempt < Tries)
            {
                await Task.Delay(RetryAfter, _clock).ConfigureAwait(false);
            }
        }
    }

    // MNS: the event is delivered once it is in the queue; a queue that does not exist fails each of the 3 tries.
    private async Task WriteAsync(string eventType, string videoId, string queue, string json)
    {
        for (var attempt = 1; attempt <= Tries; attempt++)
        {
            var written = _queues.Exists(queue);
            if (written)
            {
                _queues.Send(queue, json);
            }

            Deliveries.Enqueue(new EmulatorDelivery(eventType, videoId, "mns:" + queue, attempt, written ? 200 : 404));
            if (written)
            {
                return;
            }

            if (attempt < Tries)
            {
                await Task.Delay(RetryAfter, _clock).ConfigureAwait(false);
            }
        }
    }

    private static bool Wanted(Settings settings, string eventType)
        => settings.EventTypes.Equals("ALL", StringComparison.OrdinalIgnoreCase)
            || settings.EventTypes.Split(',', StringSplitOptions.TrimEntries).Contains(eventType, StringComparer.Ordinal);

    // The per-media callback URL and Extend of a request's UserData, when it has them.
    private static (string? Url, string? Extend) FromUserData(string? userData)
    {
        if (string.IsNullOrEmpty(userData))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(userData);
            var root = document.RootElement;
            var url = root.TryGetProperty("MessageCallback", out var callback) && callback.TryGetProperty("CallbackURL", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            var extend = root.TryGetProperty("Extend", out var e) ? (e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText()) : null;
            return (url, extend);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string Md5Hex(string text) => Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

    private sealed record Settings(string Type, string? Url, string EventTypes, string AuthSwitch, string? AuthKey, string? MnsEndpoint, string? MnsQueue);
}
