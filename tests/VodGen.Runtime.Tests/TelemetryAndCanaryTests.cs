using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace VodGen.Runtime.Tests;

public class TelemetryAndCanaryTests
{
    private const string Secret = "CANARY-SECRET-7f3a";
    private const string Token = "CANARY-TOKEN-91bc";

    private sealed class CapturingLogger : ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => Lines.Enqueue($"{logLevel} {formatter(state, exception)} {exception} {state}");
    }

    [Theory]
    [InlineData(VodSignatureVersion.V1)]
    [InlineData(VodSignatureVersion.V3)]
    public async Task Secret_and_token_appear_in_no_log_exception_tostring_or_activity(VodSignatureVersion version)
    {
        var logger = new CapturingLogger();
        var tags = new ConcurrentQueue<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == VodTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => tags.Enqueue(activity.DisplayName + string.Concat(activity.TagObjects.Select(t => $" {t.Key}={t.Value}"))),
        };
        ActivitySource.AddActivityListener(listener);

        // Success after a retry, a signature mismatch whose message echoes the token, then a client error.
        var handler = new ScriptedHandler(attempt => attempt switch
        {
            1 => ScriptedHandler.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"),
            2 => ScriptedHandler.Ok(),
            3 => ScriptedHandler.Json(HttpStatusCode.BadRequest, "{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"server string to sign is:POST&%2F&SecurityToken%3D" + Token + "\",\"RequestId\":\"r\"}"),
            _ => ScriptedHandler.Error(HttpStatusCode.NotFound, "InvalidVideo.NotFound"),
        });
        using var client = TestClients.Create(handler, o =>
        {
            o.Credentials = new StaticCredentialsProvider("LTAI-canary", Secret, Token);
            o.Logger = logger;
        }, version);
        var texts = new List<string> { client.ToString()!, new StaticCredentialsProvider("LTAI-canary", Secret, Token).ToString(), new VodCredentials("LTAI-canary", Secret, Token).ToString() };

        await client.SendAsync(new EchoOperation(), new EchoRequest("x"));
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var error = await Assert.ThrowsAsync<VodServiceException>(() => client.SendAsync(new EchoOperation(), new EchoRequest("x")));
            texts.Add(error.ToString());
            texts.Add(error.Message);
            texts.Add(error.ServiceMessage ?? string.Empty);
        }

        Assert.NotEmpty(logger.Lines);
        Assert.Contains(logger.Lines, l => l.Contains("retrying", StringComparison.Ordinal));
        Assert.NotEmpty(tags);
        foreach (var text in texts.Concat(logger.Lines).Concat(tags))
        {
            Assert.DoesNotContain(Secret, text);
            Assert.DoesNotContain(Token, text);
        }
    }

    [Fact]
    public void Duration_histograms_advise_buckets_in_seconds()
    {
        foreach (var (histogram, smallest) in new[] { (VodTelemetry.CallDuration, 0.005), (VodTelemetry.ThrottleWait, 0.001) })
        {
            Assert.Equal("s", histogram.Unit);
            var buckets = histogram.Advice?.HistogramBucketBoundaries;
            Assert.NotNull(buckets);
            Assert.Equal(smallest, buckets![0]);
            Assert.Equal(60, buckets[^1]);
            Assert.Equal(buckets.Order(), buckets);
        }
    }

    [Fact]
    public async Task Calls_retries_and_durations_are_measured_under_the_VodGen_meter()
    {
        var measurements = new ConcurrentQueue<(string Instrument, string Outcome)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == VodTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "vod.outcome")
                {
                    measurements.Enqueue((instrument.Name, (string)tag.Value!));
                }
            }
        }

        meterListener.SetMeasurementEventCallback<long>(Record);
        meterListener.SetMeasurementEventCallback<double>(Record);
        meterListener.Start();
        var handler = new ScriptedHandler(attempt => attempt == 1 ? ScriptedHandler.Error(HttpStatusCode.BadRequest, "Throttling.User") : ScriptedHandler.Ok());
        using var client = TestClients.Create(handler);

        await client.SendAsync(new EchoOperation(action: "MeteredEcho"), new EchoRequest("x"));

        Assert.Contains(("vodgen.retries", "Throttling.User"), measurements);
        Assert.Contains(("vodgen.calls", "ok"), measurements);
        Assert.Contains(("vodgen.call.duration", "ok"), measurements);
    }
}
