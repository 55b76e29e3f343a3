using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VodGen.AspNetCore.Queues;
using VodGen.Emulator;
using VodGen.Server.Events;
using VodGen.Vod;

namespace VodGen.AspNetCore.Tests;

/// <summary>The MNS consumer against the emulator's queue front on 127.0.0.1.</summary>
public sealed class MnsConsumerTests : IAsyncLifetime
{
    private const string Queue = "vod-events";
    private VodEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await VodEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_thousand_events_are_all_handled_through_two_kills_and_none_is_deleted_before_it_was_handled()
    {
        // A short visibility timeout, so that what the killed consumers held comes back soon (correctness does not depend on it).
        _emulator.Queues.CreateQueue(Queue, TimeSpan.FromSeconds(2));
        var messageIds = new Dictionary<string, string>();
        for (var i = 0; i < 1000; i++)
        {
            var videoId = "video-" + i.ToString("0000", CultureInfo.InvariantCulture);
            messageIds[videoId] = _emulator.Queues.Send(Queue, Event("FileUploadComplete", videoId));
        }

        var completed = new ConcurrentDictionary<string, int>();
        var deletedBeforeHandled = new ConcurrentQueue<string>();
        var failedOnce = new ConcurrentDictionary<string, bool>();
        async Task Handle(VodEvent e, CancellationToken ct)
        {
            if (!_emulator.Queues.Holds(Queue, messageIds[e.VideoId!]))
            {
                deletedBeforeHandled.Enqueue(e.VideoId!);
            }

            await Task.Yield();
            ct.ThrowIfCancellationRequested();

            // Some handlers fail the first time: their messages must come back, not be lost.
            if (e.VideoId!.EndsWith('7') && failedOnce.TryAdd(e.VideoId, true))
            {
                throw new InvalidOperationException("the handler failed on purpose");
            }

            completed.AddOrUpdate(e.VideoId, 1, (_, n) => n + 1);
        }

        foreach (var killAt in new[] { 300, 600 })
        {
            using var host = ConsumerHost(Handle);
            await host.StartAsync();
            Assert.True(SpinWait.SpinUntil(() => completed.Count >= killAt, TimeSpan.FromMinutes(2)), $"{completed.Count} handled before kill at {killAt}");

            // Killed: the stop is cancelled at once, so whatever is being handled is abandoned where it is.
            await host.StopAsync(new CancellationToken(canceled: true));
        }

        using (var last = ConsumerHost(Handle))
        {
            await last.StartAsync();
            Assert.True(SpinWait.SpinUntil(() => completed.Count == 1000 && _emulator.Queues.Count(Queue) == 0, TimeSpan.FromMinutes(2)), $"{completed.Count} handled, {_emulator.Queues.Count(Queue)} left");
            await last.StopAsync();
        }

        Assert.Empty(deletedBeforeHandled);
        Assert.Equal(messageIds.Keys.Order(), completed.Keys.Order());
        var deletions = _emulator.Queues.Deletions.Where(d => d.Queue == Queue).ToList();
        Assert.Equal(1000, deletions.Select(d => d.MessageId).Distinct().Count());
        Assert.Equal(1000, deletions.Count);

        // Every failed handler's message came back and was deleted after a later receive.
        Assert.Equal(100, failedOnce.Count);
        Assert.All(failedOnce.Keys, v => Assert.True(deletions.Single(d => d.MessageId == messageIds[v]).DequeueCount >= 2));
    }

    [Fact]
    public async Task Throttled_and_failing_answers_are_tried_again_until_the_events_are_handled()
    {
        _emulator.Queues.CreateQueue(Queue);
        var handled = new ConcurrentQueue<string>();
        _emulator.Queues.FailNext(2, 429, "Throttling");
        _emulator.Queues.Send(Queue, Event("FileUploadComplete", "v-throttled"));
        using var host = ConsumerHost((e, _) => { handled.Enqueue(e.VideoId!); return Task.CompletedTask; });
        await host.StartAsync();
        Assert.True(SpinWait.SpinUntil(() => handled.Contains("v-throttled") && _emulator.Queues.Count(Queue) == 0, TimeSpan.FromMinutes(1)));

        _emulator.Queues.FailNext(2, 503, "InternalError");
        _emulator.Queues.Send(Queue, Event("TranscodeComplete", "v-unavailable"));
        Assert.True(SpinWait.SpinUntil(() => handled.Contains("v-unavailable") && _emulator.Queues.Count(Queue) == 0, TimeSpan.FromMinutes(1)));
        await host.StopAsync();

        Assert.Equal(["v-throttled", "v-unavailable"], handled);
        var answers = _emulator.Queues.Requests.Where(r => r.Method == "GET").Select(r => r.Status).ToList();
        Assert.Equal([429, 429, 200], answers.Take(3));
        Assert.Equal(2, _emulator.Queues.Requests.Count(r => r.Status == 503)); // a receive or the deletion: either is tried again
    }

    [Fact]
    public async Task A_queue_that_does_not_exist_yet_is_tried_again_and_read_once_it_exists()
    {
        var handled = new ConcurrentQueue<string>();
        using var host = ConsumerHost((e, _) => { handled.Enqueue(e.VideoId!); return Task.CompletedTask; }, o => o.MaxRetryDelay = TimeSpan.FromSeconds(1));
        await host.StartAsync();
        Assert.True(SpinWait.SpinUntil(() => _emulator.Queues.Requests.Count(r => r.Code == "QueueNotExist") >= 2, TimeSpan.FromMinutes(1)));

        _emulator.Queues.CreateQueue(Queue);
        _emulator.Queues.Send(Queue, Event("FileUploadComplete", "v-late"));
        Assert.True(SpinWait.SpinUntil(() => handled.Contains("v-late"), TimeSpan.FromMinutes(1)));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_message_that_is_not_an_event_is_deleted_without_reaching_the_handler()
    {
        _emulator.Queues.CreateQueue(Queue);
        var garbage = _emulator.Queues.Send(Queue, "{\"EventType\": 42");
        _emulator.Queues.Send(Queue, Event("FileUploadComplete", "v-good"));
        var handled = new ConcurrentQueue<string>();
        using var host = ConsumerHost((e, _) => { handled.Enqueue(e.VideoId!); return Task.CompletedTask; });
        await host.StartAsync();
        Assert.True(SpinWait.SpinUntil(() => _emulator.Queues.Count(Queue) == 0, TimeSpan.FromMinutes(1)));
        await host.StopAsync();

        Assert.Equal(["v-good"], handled);
        Assert.Contains(_emulator.Queues.Deletions, d => d.MessageId == garbage);
    }

    [Fact]
    public async Task Events_of_an_upload_reach_the_consumer_when_the_callback_type_is_MNS()
    {
        _emulator.Queues.CreateQueue(Queue);
        using var client = new VodClient(new VodClientOptions { Endpoint = _emulator.Endpoint, Credentials = Credentials() });
        await client.SetMessageCallbackAsync(new SetMessageCallbackRequest
        {
            CallbackType = SetMessageCallbackRequest.CallbackTypeOption.MNS,
            MnsEndpoint = _emulator.Endpoint.ToString(),
            MnsQueueName = Queue,
            EventTypeList = "FileUploadComplete",
        });
        var created = await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "a.mp4" });
        var handled = new ConcurrentQueue<VodEvent>();
        using var host = ConsumerHost((e, _) => { handled.Enqueue(e); return Task.CompletedTask; });
        await host.StartAsync();

        _emulator.Storage.CompleteWithoutBytes(created.VideoId!, 4096);

        Assert.True(SpinWait.SpinUntil(() => !handled.IsEmpty, TimeSpan.FromMinutes(1)));
        await host.StopAsync();
        var uploaded = Assert.IsType<VodFileUploadComplete>(Assert.Single(handled));
        Assert.Equal((created.VideoId, 4096L), (uploaded.VideoId, uploaded.Size));
    }

    [Fact]
    public async Task The_queue_client_reads_escaped_bodies_and_refuses_a_wrong_key_without_repeating_it()
    {
        _emulator.Queues.CreateQueue(Queue);
        _emulator.Queues.Send(Queue, "{\"EventType\":\"FileUploadComplete\",\"VideoId\":\"v1\",\"Extend\":\"a&b<c>]]>\"}");
        using var queue = new VodGen.Server.Queues.VodMnsQueue(_emulator.Endpoint, Queue, Credentials());
        var message = Assert.Single(await queue.ReceiveAsync(16, TimeSpan.Zero));
        Assert.Equal("a&b<c>]]>", message.ReadEvent().Extend);
        Assert.Equal(1, message.DequeueCount);
        Assert.Empty(await queue.ReceiveAsync(16, TimeSpan.Zero)); // hidden while it is being handled
        Assert.True(await queue.DeleteAsync(message));
        Assert.False(await queue.DeleteAsync(message)); // its handle deletes once

        const string wrongSecret = "NotTheSecret0001";
        using var wrong = new VodGen.Server.Queues.VodMnsQueue(_emulator.Endpoint, Queue, new StaticCredentialsProvider(EmulatorCredential.Default.AccessKeyId, wrongSecret));
        var refused = await Assert.ThrowsAsync<VodGen.Server.Queues.VodMnsException>(() => wrong.ReceiveAsync(1, TimeSpan.Zero));
        Assert.Equal((403, "SignatureDoesNotMatch", false), (refused.StatusCode, refused.Code, refused.IsWorthRepeating));
        Assert.DoesNotContain(wrongSecret, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongSecret, wrong.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_consumer_does_not_start_with_options_that_cannot_work()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddVodMnsConsumer((_, _) => Task.CompletedTask).Configure(o => (o.Endpoint, o.QueueName) = (new Uri("http://mns.example.invalid/"), "q"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("https root address", error.Message, StringComparison.Ordinal);
    }

    private IHost ConsumerHost(Func<VodEvent, CancellationToken, Task> handle, Action<VodMnsConsumerOptions>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddVodMnsConsumer(handle).Configure(o =>
        {
            (o.Endpoint, o.QueueName, o.Credentials, o.WaitTime) = (_emulator.Endpoint, Queue, Credentials(), TimeSpan.FromSeconds(1));
            configure?.Invoke(o);
        });
        return builder.Build();
    }

    private static StaticCredentialsProvider Credentials()
        => new(EmulatorCredential.DefaultSts.AccessKeyId, EmulatorCredential.DefaultSts.AccessKeySecret, EmulatorCredential.DefaultSts.SecurityToken);

    private static string Event(string type, string videoId)
        => $"{{\"EventTime\":\"2026-12-06T10:00:00Z\",\"EventType\":\"{type}\",\"VideoId\":\"{videoId}\",\"Status\":\"success\"}}";
}
