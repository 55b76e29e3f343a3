using System.Net;
using System.Text;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VodGen.AspNetCore.Callbacks;
using VodGen.Server.Events;

namespace VodGen.AspNetCore.Tests;

/// <summary>The callback endpoint: what it hands on, what it refuses, and that it answers before the handler runs.</summary>
public sealed class CallbackEndpointTests
{
    private static readonly string[] DocumentedEvents =
    [
        """{"EventTime":"2027-01-15T08:00:00Z","EventType":"FileUploadComplete","VideoId":"v1","Size":100,"FileUrl":"https://o.example/v1.mp4"}""",
        """{"EventType":"VideoAnalysisComplete","VideoId":"v1","Status":"success","Width":"1280","Height":"720","Duration":"9.5"}""",
        """{"EventType":"StreamTranscodeComplete","VideoId":"v1","Status":"success","Definition":"HD","Bitrate":"873"}""",
        """{"EventType":"TranscodeComplete","VideoId":"v1","Status":"success","StreamInfos":[{"Definition":"HD","Status":"success"}]}""",
        """{"EventType":"SnapshotComplete","VideoId":"v1","Status":"success","SnapshotInfos":[{"SnapshotCount":"3"}]}""",
        """{"EventType":"UploadByURLComplete","VideoId":"v2","JobId":"j","SourceURL":"https://s.example/a.mp4","Status":"success"}""",
        """{"EventType":"ImageUploadComplete","ImageId":"i1","Status":"success","FileURL":"https://o.example/i1.png"}""",
        """{"EventType":"AttachedMediaUploadComplete","AttachedMediaId":"m1","Status":"success"}""",
        """{"EventType":"AIMediaAuditComplete","VideoId":"v1","Status":"success","Data":{}}""",
    ];

    [Fact]
    public async Task Every_documented_event_is_answered_200_and_handed_on_as_its_record()
    {
        await using var host = await CallbackTestHost.StartAsync();

        foreach (var body in DocumentedEvents)
        {
            Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(body)).StatusCode);
        }

        Assert.True(host.Handled.WaitFor(DocumentedEvents.Length));
        Assert.Equal(
            [typeof(VodFileUploadComplete), typeof(VodVideoAnalysisComplete), typeof(VodStreamTranscodeComplete), typeof(VodTranscodeComplete), typeof(VodSnapshotComplete),
             typeof(VodUploadByUrlComplete), typeof(VodImageUploadComplete), typeof(VodAttachedMediaUploadComplete), typeof(VodUnknownEvent)],
            host.Handled.Events.Select(e => e.GetType()));
    }

    [Fact]
    public async Task Unsigned_badly_signed_and_old_callbacks_are_refused_with_problem_details_and_nothing_handed_on()
    {
        await using var host = await CallbackTestHost.StartAsync();
        var body = DocumentedEvents[0];

        var unsigned = await host.PostAsync(body, key: null);
        var wrongKey = await host.PostAsync(body, key: "SomeOtherKey");
        var old = await host.PostAsync(body, skew: TimeSpan.FromMinutes(-6));
        var malformed = await host.PostAsync(body, key: null, signature: "not-hex");

        Assert.All([unsigned, wrongKey, old, malformed], r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Contains("no X-VOD-TIMESTAMP or X-VOD-SIGNATURE", await unsigned.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("does not match", await wrongKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("outside the accepted window", await old.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("application/problem+json", wrongKey.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(CallbackTestHost.Key, await wrongKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A valid one after them shows the handler would have seen anything handed on.
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(body)).StatusCode);
        Assert.True(host.Handled.WaitFor(1));
        Assert.Single(host.Handled.Events);
    }

    [Fact]
    public async Task A_replay_within_the_window_is_answered_but_handed_on_once()
    {
        await using var host = await CallbackTestHost.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(DocumentedEvents[1])).StatusCode);
        host.Clock.Advance(TimeSpan.FromSeconds(1)); // VOD's retry: new timestamp and signature, same event
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(DocumentedEvents[1])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(DocumentedEvents[2])).StatusCode);

        Assert.True(host.Handled.WaitFor(2));
        Assert.Equal(["VideoAnalysisComplete", "StreamTranscodeComplete"], host.Handled.Events.Select(e => e.EventType));
    }

    [Fact]
    public async Task The_previous_key_is_accepted_while_keys_rotate()
    {
        await using var host = await CallbackTestHost.StartAsync();

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(DocumentedEvents[0], key: CallbackTestHost.OldKey)).StatusCode);
        Assert.True(host.Handled.WaitFor(1));
    }

    [Fact]
    public async Task A_slow_handler_does_not_delay_the_answer()
    {
        var release = new TaskCompletionSource();
        await using var host = await CallbackTestHost.StartAsync(handle: _ => release.Task);

        var response = await host.PostAsync(DocumentedEvents[0]); // answered while the handler is still blocked

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(host.Handled.Events);
        release.SetResult();
        Assert.True(host.Handled.WaitFor(1));
    }

    [Fact]
    public async Task A_full_queue_answers_503_so_that_VOD_tries_again()
    {
        var release = new TaskCompletionSource();
        await using var host = await CallbackTestHost.StartAsync(handle: _ => release.Task, queueCapacity: 1);

        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(DocumentedEvents[0])).StatusCode); // taken by the handler, which waits
        Assert.True(SpinWait.SpinUntil(() => host.Handled.Events.IsEmpty && Taken(host), TimeSpan.FromSeconds(30)));
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(DocumentedEvents[1])).StatusCode); // waits in the queue
        var full = await host.PostAsync(DocumentedEvents[2]);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        release.SetResult();
        Assert.True(host.Handled.WaitFor(2));
    }

    // The dispatcher has taken the first event off the queue once a second one fits in.
    private static bool Taken(CallbackTestHost host)
        => host.App.Services.GetRequiredService<VodGen.AspNetCore.Callbacks.CallbackQueue>().Reader.Count == 0;

    [Theory]
    [InlineData("""{"EventType":"FileUploadComplete","Size":""", HttpStatusCode.BadRequest, "not valid JSON")]
    [InlineData("""{"EventType":"FileUploadComplete","Size":{"x":1}}""", HttpStatusCode.BadRequest, "Size of a FileUploadComplete event is a JSON object")]
    [InlineData("[]", HttpStatusCode.BadRequest, "an event is a JSON object")]
    public async Task Malformed_bodies_are_refused_without_reaching_the_handler(string body, HttpStatusCode status, string expected)
    {
        await using var host = await CallbackTestHost.StartAsync();

        var response = await host.PostAsync(body);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(host.Handled.Events);
    }

    [Fact]
    public async Task Ten_megabytes_and_deep_nesting_are_refused_without_a_crash()
    {
        await using var host = await CallbackTestHost.StartAsync();

        var huge = await host.PostAsync("{\"EventType\":\"X\",\"a\":\"" + new string('a', 10 * 1024 * 1024) + "\"}");
        var deep = await host.PostAsync("{\"EventType\":\"X\",\"a\":" + new string('[', 10_000) + new string(']', 10_000) + "}");
        var fine = await host.PostAsync(DocumentedEvents[0]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
        Assert.True(host.Handled.WaitFor(1));
        Assert.Single(host.Handled.Events);
    }

    [Fact]
    public async Task On_a_real_port_a_signed_callback_is_handled()
    {
        await using var host = await CallbackTestHost.StartAsync(realPort: true);

        Assert.StartsWith("http://127.0.0.1:", host.Client.BaseAddress!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(DocumentedEvents[3])).StatusCode);
        Assert.True(host.Handled.WaitFor(1));
        Assert.IsType<VodTranscodeComplete>(Assert.Single(host.Handled.Events));
    }

    [Fact]
    public async Task A_host_without_the_callback_URL_or_key_fails_to_start()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.UseTestServer(builder.WebHost);
        builder.Services.AddSingleton(new HandledEvents(null));
        VodGen.AspNetCore.Callbacks.VodCallbackExtensions.AddVodCallbacks<RecordingHandler>(builder.Services).Configure(o => o.CallbackUrl = "https://app.example.com/vod/callback");
        await using var app = builder.Build();

        var error = await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("AuthKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handler_given_as_a_delegate_receives_the_events()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.UseTestServer(builder.WebHost);
        builder.Services.AddVodCallbacks((e, _) => { seen.Enqueue(e.EventType); return Task.CompletedTask; })
            .Configure(o => (o.CallbackUrl, o.AuthKey) = (CallbackTestHost.CallbackUrl, CallbackTestHost.Key));
        await using var app = builder.Build();
        app.MapVodCallbacks();
        await app.StartAsync();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/vod/callback") { Content = new StringContent(DocumentedEvents[0]) };
        request.Headers.Add("X-VOD-TIMESTAMP", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-VOD-SIGNATURE", VodCallbackVerifier.Sign(CallbackTestHost.CallbackUrl, timestamp, CallbackTestHost.Key));

        Assert.Equal(HttpStatusCode.OK, (await app.GetTestClient().SendAsync(request)).StatusCode);
        Assert.True(SpinWait.SpinUntil(() => !seen.IsEmpty, TimeSpan.FromSeconds(30)));
        Assert.Equal("FileUploadComplete", Assert.Single(seen));
    }

    [Fact]
    public async Task Mapping_the_endpoint_without_its_services_says_what_to_call()
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapVodCallbacks());

        Assert.Contains("AddVodCallbacks", error.Message, StringComparison.Ordinal);
    }
}
