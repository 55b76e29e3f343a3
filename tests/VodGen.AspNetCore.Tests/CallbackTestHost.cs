using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VodGen.AspNetCore.Callbacks;
using VodGen.Server.Events;

namespace VodGen.AspNetCore.Tests;

/// <summary>An application with the callback endpoint on the ASP.NET Core test host (or on a real 127.0.0.1 port), and a handler that records.</summary>
internal sealed class CallbackTestHost : IAsyncDisposable
{
    public const string CallbackUrl = "https://app.example.com/vod/callback";
    public const string Key = "CurrentKey0002";
    public const string OldKey = "OldKey0001";

    private CallbackTestHost(WebApplication app, FakeTimeProvider clock, HandledEvents handled)
    {
        App = app;
        Clock = clock;
        Handled = handled;
    }

    public WebApplication App { get; }

    public FakeTimeProvider Clock { get; }

    public HandledEvents Handled { get; }

    public HttpClient Client { get; private set; } = null!;

    public static async Task<CallbackTestHost> StartAsync(bool realPort = false, Func<VodEvent, Task>? handle = null, int queueCapacity = 10_000)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var handled = new HandledEvents(handle);
        var builder = WebApplication.CreateSlimBuilder();
        if (realPort)
        {
            builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        builder.Services.AddSingleton(handled);
        builder.Services.AddVodCallbacks<RecordingHandler>().Configure(o =>
        {
            o.CallbackUrl = CallbackUrl;
            o.AuthKey = Key;
            o.PreviousAuthKey = OldKey;
            o.TimeProvider = clock;
            o.QueueCapacity = queueCapacity;
        });
        var app = builder.Build();
        app.MapVodCallbacks();
        await app.StartAsync();
        var host = new CallbackTestHost(app, clock, handled);
        host.Client = realPort ? new HttpClient { BaseAddress = new Uri(app.Urls.First()) } : app.GetTestClient();
        return host;
    }

    /// <summary>Posts a body signed as VOD signs (with <paramref name="key"/>, at the clock's time plus <paramref name="skew"/>).</summary>
    public Task<HttpResponseMessage> PostAsync(string body, string? key = Key, TimeSpan? skew = null, string? signature = null)
    {
        var timestamp = (Clock.GetUtcNow() + (skew ?? TimeSpan.Zero)).ToUnixTimeSeconds();
        var request = new HttpRequestMessage(HttpMethod.Post, "/vod/callback") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null || signature is not null)
        {
            request.Headers.Add("X-VOD-TIMESTAMP", timestamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-VOD-SIGNATURE", signature ?? VodCallbackVerifier.Sign(CallbackUrl, timestamp, key!));
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}

/// <summary>What the handler was given, in order.</summary>
internal sealed class HandledEvents(Func<VodEvent, Task>? handle)
{
    public ConcurrentQueue<VodEvent> Events { get; } = new();

    public Func<VodEvent, Task>? Handle { get; } = handle;

    /// <summary>Waits (on the real clock: the dispatcher runs apart from the request) until <paramref name="count"/> events were handled.</summary>
    public bool WaitFor(int count) => SpinWait.SpinUntil(() => Events.Count >= count, TimeSpan.FromSeconds(30));
}

internal sealed class RecordingHandler(HandledEvents handled) : IVodEventHandler
{
    public async Task HandleAsync(VodEvent vodEvent, CancellationToken cancellationToken)
    {
        if (handled.Handle is { } handle)
        {
            await handle(vodEvent);
        }

        handled.Events.Enqueue(vodEvent);
    }
}
