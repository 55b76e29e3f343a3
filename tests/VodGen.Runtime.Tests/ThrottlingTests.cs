using System.Threading.RateLimiting;
using VodGen.Throttling;

namespace VodGen.Runtime.Tests;

public class ThrottlingTests
{
    private static int MaxInAnySecond(IEnumerable<DateTimeOffset> times)
    {
        var sorted = times.Order().ToArray();
        var best = 0;
        for (int start = 0, end = 0; end < sorted.Length; end++)
        {
            while (sorted[end] - sorted[start] >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }

        return best;
    }

    [Theory]
    [InlineData(40, 38)]
    [InlineData(80, 78)]
    [InlineData(100, 98)]
    [InlineData(120, 117)]
    [InlineData(200, 195)]
    [InlineData(2, 1)]
    public void Pace_leaves_headroom_below_the_limit(int limit, int pace)
        => Assert.Equal(pace, VodLocalRateLimiter.PaceFor(limit));

    [Fact]
    public async Task Waiting_callers_all_get_through_at_no_more_than_the_limit()
    {
        // On a fake clock the schedule is exact whatever the machine's load: time moves only when the test says.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok(), clock);
        using var client = TestClients.Create(handler, o =>
        {
            o.Throttling.Limits["Echo"] = 10;
            o.TimeProvider = clock;
        });

        var calls = Task.WhenAll(Enumerable.Range(0, 25).Select(i => client.SendAsync(new EchoOperation(), new EchoRequest("x"))));
        for (var step = 0; step < 1000 && !calls.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await Task.Delay(1);
        }

        await calls.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(25, handler.Count);
        var times = handler.Seen.Select(s => s.Time).ToList();
        Assert.True(MaxInAnySecond(times) <= 10, $"{MaxInAnySecond(times)} calls in one second");

        // 25 calls paced at 8 a second (10 less the headroom) take about 3 s of the fake clock.
        Assert.InRange((times.Max() - times.Min()).TotalSeconds, 2.5, 3.5);
    }

    [Fact]
    public async Task Throttling_options_changed_after_the_client_is_built_change_nothing()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok());
        VodClientOptions? options = null;
        using var client = TestClients.Create(handler, o =>
        {
            o.Throttling.Mode = VodThrottlingMode.Reject;
            o.Throttling.Limits["Echo"] = 1;
            options = o;
        });

        // Each would let the second call through at once, if the client read its options live.
        options!.Throttling.Limits["Echo"] = 1000;
        options.Throttling.Mode = VodThrottlingMode.Off;
        await client.SendAsync(new EchoOperation(), new EchoRequest("x"));
        await Assert.ThrowsAsync<VodThrottledException>(() => client.SendAsync(new EchoOperation(), new EchoRequest("x")));

        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task Limit_comes_from_the_operation_when_not_overridden()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok());
        using var client = TestClients.Create(handler, o => o.Throttling.Mode = VodThrottlingMode.Reject);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            try
            {
                await client.SendAsync(new EchoOperation(perAccountQps: 3), new EchoRequest("x"));
                return true;
            }
            catch (VodThrottledException)
            {
                return false;
            }
        }));

        // A limit of 3 is paced at one call a second: one call passes at once, the rest are rejected unsent.
        Assert.Equal(handler.Count, outcomes.Count(o => o));
        Assert.InRange(handler.Count, 1, 2);
    }

    [Fact]
    public async Task Reject_mode_fails_at_once_and_sends_nothing()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok());
        using var client = TestClients.Create(handler, o =>
        {
            o.Throttling.Mode = VodThrottlingMode.Reject;
            o.Throttling.Limits["Echo"] = 1;
        });

        await client.SendAsync(new EchoOperation(), new EchoRequest("x"));
        var error = await Assert.ThrowsAsync<VodThrottledException>(() => client.SendAsync(new EchoOperation(), new EchoRequest("x")));

        Assert.Equal(1, handler.Count);
        Assert.Equal("Echo", error.Action);
        Assert.Contains("rejects rather than waits", error.Message);
    }

    [Fact]
    public async Task Full_queue_rejects_the_next_caller()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok());
        using var client = TestClients.Create(handler, o =>
        {
            o.Throttling.Limits["Echo"] = 1;
            o.Throttling.QueueLimit = 2;
        });

        var first = client.SendAsync(new EchoOperation(), new EchoRequest("x"));
        var queued = new[] { client.SendAsync(new EchoOperation(), new EchoRequest("x")), client.SendAsync(new EchoOperation(), new EchoRequest("x")) };
        var error = await Assert.ThrowsAsync<VodThrottledException>(() => client.SendAsync(new EchoOperation(), new EchoRequest("x")));

        Assert.Contains("2 callers are already waiting", error.Message);
        await first;
        await Task.WhenAll(queued);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task Cancelled_waiter_leaves_the_queue()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok());
        using var client = TestClients.Create(handler, o =>
        {
            o.Throttling.Limits["Echo"] = 1;
            o.Throttling.QueueLimit = 1;
        });
        await client.SendAsync(new EchoOperation(), new EchoRequest("x"));

        using var cancel = new CancellationTokenSource();
        var waiting = client.SendAsync(new EchoOperation(), new EchoRequest("x"), cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);

        // Its place is free again: this caller may queue instead of being rejected.
        await client.SendAsync(new EchoOperation(), new EchoRequest("x"));
        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task Waiting_longer_than_MaxWait_is_a_throttled_exception()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok());
        using var client = TestClients.Create(handler, o =>
        {
            o.Throttling.Limits["Echo"] = 1;
            o.Throttling.MaxWait = TimeSpan.FromMilliseconds(100);
        });
        await client.SendAsync(new EchoOperation(), new EchoRequest("x"));

        var error = await Assert.ThrowsAsync<VodThrottledException>(() => client.SendAsync(new EchoOperation(), new EchoRequest("x")));

        Assert.Contains("no permit within 0.1 s", error.Message);
    }

    [Fact]
    public async Task Limits_are_kept_per_access_key()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok());
        var shared = new[] { new StaticCredentialsProvider("key-a", "s"), new StaticCredentialsProvider("key-b", "s") };
        var index = 0;
        using var client = TestClients.Create(handler, o =>
        {
            o.Throttling.Mode = VodThrottlingMode.Reject;
            o.Throttling.Limits["Echo"] = 1;
            o.Credentials = new RotatingProvider(() => shared[index++ % 2]);
        });

        await client.SendAsync(new EchoOperation(), new EchoRequest("x"));
        await client.SendAsync(new EchoOperation(), new EchoRequest("x"));

        Assert.Equal(2, handler.Count);
    }

    [Fact]
    public async Task Off_mode_sends_everything_at_once()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok());
        using var client = TestClients.Create(handler, o =>
        {
            o.Throttling.Mode = VodThrottlingMode.Off;
            o.Throttling.Limits["Echo"] = 1;
        });

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.SendAsync(new EchoOperation(), new EchoRequest("x"))));

        Assert.Equal(20, handler.Count);
    }

    [Theory]
    [InlineData(-1, 1, "QueueLimit")]
    [InlineData(1, 0, "MaxWait")]
    public void Invalid_throttling_options_are_refused(int queueLimit, int maxWaitMs, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => new VodClient(new VodClientOptions
        {
            Throttling = { QueueLimit = queueLimit, MaxWait = TimeSpan.FromMilliseconds(maxWaitMs) },
        }));

        Assert.Equal(parameter, error.ParamName);
    }

    private sealed class RotatingProvider(Func<IVodCredentialsProvider> next) : IVodCredentialsProvider
    {
        public ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => next().GetCredentialsAsync(cancellationToken);
    }
}
