using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VodGen;

/// <summary>
/// The <see cref="ActivitySource"/> and <see cref="Meter"/> named <c>VodGen</c>, so OpenTelemetry (or any listener)
/// picks up calls, retries and rate-limit waits. Tags carry the operation, outcome and error code, never a secret.
/// </summary>
public static class VodTelemetry
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "VodGen";

    /// <summary>One activity per call (all attempts), kind Client.</summary>
    internal static readonly ActivitySource ActivitySource = new(Name, typeof(VodTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>The meter for the instruments below.</summary>
    internal static readonly Meter Meter = new(Name, typeof(VodTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>Calls, by <c>vod.action</c> and <c>vod.outcome</c> (<c>ok</c> or the error code or exception type).</summary>
    internal static readonly Counter<long> Calls = Meter.CreateCounter<long>("vodgen.calls", "{call}", "VOD calls made");

    /// <summary>Retries, by <c>vod.action</c> and <c>vod.outcome</c> of the failed attempt.</summary>
    internal static readonly Counter<long> Retries = Meter.CreateCounter<long>("vodgen.retries", "{retry}", "Attempts repeated after a retryable failure");

    /// <summary>Call duration in seconds, all attempts included; bucket advice from 5 ms to 60 s.</summary>
    internal static readonly Histogram<double> CallDuration = Meter.CreateHistogram(
        "vodgen.call.duration", "s", "Time from the call to its answer", tags: null, advice: Buckets(0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30, 60));

    /// <summary>Time spent waiting for a rate-limit permit, in seconds; bucket advice from 1 ms to 60 s (the longest default wait).</summary>
    internal static readonly Histogram<double> ThrottleWait = Meter.CreateHistogram(
        "vodgen.throttle.wait", "s", "Time waited for a client-side rate-limit permit", tags: null, advice: Buckets(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60));

    // Durations are in seconds, so the SDKs' default buckets (0, 5, 10, 25 ... 10000, made for milliseconds) would put
    // nearly every call in the first one; these follow OpenTelemetry's advice for HTTP client durations, and go on to
    // a minute for retries and rate-limit waits.
    private static InstrumentAdvice<double> Buckets(params double[] boundaries) => new() { HistogramBucketBoundaries = boundaries };
}
