using Microsoft.Extensions.Time.Testing;
using VodGen.Credentials;

namespace VodGen.Runtime.Tests.Credentials;

/// <summary>The one cache of temporary credentials, on a fake clock: when it fetches, who waits, what it never hands out.</summary>
public sealed class RefreshingCredentialsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_thousand_concurrent_calls_with_an_empty_cache_make_one_fetch()
    {
        using var source = new MintingSource(_clock, TimeSpan.FromHours(1)) { Gate = new TaskCompletionSource() };

        var calls = Enumerable.Range(0, 1_000).Select(_ => source.GetCredentialsAsync().AsTask()).ToArray();
        source.Gate.SetResult();
        var credentials = await Task.WhenAll(calls);

        Assert.Equal(1, source.Fetches);
        Assert.All(credentials, c => Assert.Equal("STS.minted-1", c.AccessKeyId));
    }

    [Fact]
    public async Task Fifteen_minute_credentials_over_two_hours_are_fetched_every_ten_minutes_and_no_call_waits_or_gets_an_expired_one()
    {
        using var source = new MintingSource(_clock, TimeSpan.FromSeconds(900));
        await source.GetCredentialsAsync();
        var (waited, expired, calls) = (0, 0, 0);

        for (var second = 0; second < 2 * 3600; second += 5)
        {
            _clock.Advance(TimeSpan.FromSeconds(5));
            for (var i = 0; i < 10; i++, calls++)
            {
                var pending = source.GetCredentialsAsync();
                if (!pending.IsCompletedSuccessfully)
                {
                    waited++;
                }

                var credentials = await pending;
                if (source.Minted[credentials.AccessKeyId] <= _clock.GetUtcNow())
                {
                    expired++;
                }
            }

            // The background refresh completes before the clock moves on, as it would within seconds on a real one.
            if (source.PendingFetch is { } fetch)
            {
                await fetch;
            }
        }

        Assert.Equal(0, waited);
        Assert.Equal(0, expired);
        Assert.InRange(source.Fetches, 12, 13);
        Assert.Equal(14_400, calls);
    }

    [Fact]
    public async Task A_source_down_for_ten_minutes_while_the_held_credential_is_valid_fails_no_call_and_is_tried_with_bounded_back_off()
    {
        using var source = new MintingSource(_clock, TimeSpan.FromHours(1));
        await source.GetCredentialsAsync();
        _clock.Advance(TimeSpan.FromMinutes(46)); // 14 minutes left: a refresh is due
        source.Failing = true;
        var (failed, attempts) = (0, new List<DateTimeOffset>());

        var lastFetches = source.Fetches;
        for (var second = 0; second < 600; second++)
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            try
            {
                await source.GetCredentialsAsync();
            }
            catch (VodCredentialsException)
            {
                failed++;
            }

            if (source.PendingFetch is { } fetch)
            {
                await Assert.ThrowsAsync<VodCredentialsException>(() => fetch);
            }

            if (source.Fetches != lastFetches)
            {
                attempts.Add(_clock.GetUtcNow());
                lastFetches = source.Fetches;
            }
        }

        Assert.Equal(0, failed);
        // Backed off (doubling from 1 s to the 60 s cap), not tried every second, and never idle for more than a minute.
        Assert.InRange(attempts.Count, 8, 40);
        var gaps = attempts.Zip(attempts.Skip(1), (a, b) => b - a).ToList();
        Assert.All(gaps, gap => Assert.True(gap <= TimeSpan.FromSeconds(61), $"a gap of {gap} between tries"));

        source.Failing = false;
        _clock.Advance(TimeSpan.FromSeconds(61));
        await source.GetCredentialsAsync();
        if (source.PendingFetch is { } recovery)
        {
            await recovery;
        }

        Assert.Equal("STS.minted-" + source.Fetches, (await source.GetCredentialsAsync()).AccessKeyId);
    }

    [Fact]
    public async Task A_credential_is_never_handed_out_after_its_expiration_even_when_every_refresh_fails()
    {
        using var source = new MintingSource(_clock, TimeSpan.FromSeconds(900));
        var first = await source.GetCredentialsAsync();
        source.Failing = true;

        _clock.Advance(TimeSpan.FromSeconds(899));
        var error = await Assert.ThrowsAsync<VodCredentialsException>(() => source.GetCredentialsAsync().AsTask());

        Assert.Contains("minting test source", error.Message, StringComparison.Ordinal);
        Assert.Contains("the source is down", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(first.AccessKeySecret, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 3600)]
    [InlineData(3, 3600)]
    [InlineData(10, 3600)]
    [InlineData(30, 3600)]
    [InlineData(10, 40)]
    [InlineData(5, 2)]
    public void Back_off_is_never_longer_than_a_quarter_of_what_remains_nor_a_minute(int failures, int remainingSeconds)
    {
        var remaining = TimeSpan.FromSeconds(remainingSeconds);
        for (var i = 0; i < 200; i++)
        {
            var backoff = RefreshingCredentialsProvider.Backoff(failures, remaining);
            Assert.InRange(backoff, TimeSpan.Zero, TimeSpan.FromSeconds(Math.Min(60, remainingSeconds / 4.0)));
        }
    }

    [Fact]
    public async Task A_source_that_gives_an_already_expired_credential_is_told_to_check_the_clock()
    {
        using var source = new MintingSource(_clock, TimeSpan.FromSeconds(-5));

        var error = await Assert.ThrowsAsync<VodCredentialsException>(() => source.GetCredentialsAsync().AsTask());

        Assert.Contains("check the clock", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>Refreshes are logged with their source and expiry and counted on the VodGen meter, and never show a secret.</summary>
public sealed class CredentialsTelemetryTests
{
    [Fact]
    public async Task A_refresh_and_a_failed_one_are_logged_and_counted_without_secrets()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 8, 0, 0, TimeSpan.Zero));
        var logger = new VodGen.Testing.CapturingLogger();
        var counted = new List<string>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "VodGen" && instrument.Name == "vodgen.credentials.refreshes")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            // Other tests refresh on the same meter at the same time: only this test's source counts here.
            string? outcome = null, source = null;
            foreach (var tag in tags)
            {
                (outcome, source) = tag.Key switch
                {
                    "vod.outcome" => ((string?)tag.Value, source),
                    "vod.credentials.source" => (outcome, (string?)tag.Value),
                    _ => (outcome, source),
                };
            }

            if (source == nameof(LoggedSource))
            {
                lock (counted)
                {
                    counted.Add(outcome!);
                }
            }
        });
        listener.Start();
        using var source = new LoggedSource(clock, logger);

        var first = await source.GetCredentialsAsync();
        clock.Advance(TimeSpan.FromMinutes(50));
        source.Failing = true;
        await source.GetCredentialsAsync(); // the held credential, and a background refresh that fails
        if (source.PendingFetch is { } refresh)
        {
            await Assert.ThrowsAsync<VodCredentialsException>(() => refresh);
        }

        // The failure is counted as the refresh ends, which the line above may or may not have seen begin.
        Assert.True(SpinWait.SpinUntil(() => { lock (counted) { return counted.Count == 2; } }, TimeSpan.FromSeconds(30)));
        lock (counted)
        {
            Assert.Equal(["ok", "failed"], counted);
        }

        Assert.Contains(logger.Lines, l => l.Contains("logged test source", StringComparison.Ordinal) && l.Contains("2026-12-06T09:00:00", StringComparison.Ordinal));
        Assert.Contains(logger.Lines, l => l.Contains("the held ones stay in use", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Lines, l => l.Contains(first.AccessKeySecret, StringComparison.Ordinal) || l.Contains(first.SecurityToken!, StringComparison.Ordinal));
    }

    private sealed class LoggedSource(FakeTimeProvider clock, Microsoft.Extensions.Logging.ILogger logger) : RefreshingCredentialsProvider(clock, logger)
    {
        public bool Failing { get; set; }

        protected override string SourceDescription => "logged test source";

        protected override ValueTask<VodTemporaryCredentials> FetchAsync(CancellationToken cancellationToken)
            => Failing
                ? throw new HttpRequestException("down")
                : ValueTask.FromResult(new VodTemporaryCredentials(new VodCredentials("STS.logged", "logged-secret", "logged-token"), clock.GetUtcNow().AddHours(1)));
    }
}
