using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using VodGen.Transport;
using VodGen.Telemetry;

namespace VodGen.Pipeline.Steps;

/// <summary>
/// The call as telemetry sees it, around every attempt: one activity, one duration and one outcome. Transport failures
/// that outlived every retry end here as one documented <see cref="VodUnreachableException"/> saying what was tried.
/// </summary>
internal sealed class TelemetryStep(string regionId, TimeProvider clock, ILogger logger)
{
    private TimeProvider Clock => clock;

    private ILogger Logger => logger;

    public Scope Begin(VodMessage message)
    {
        // The activity name is built only when something listens: this runs on every call.
        var activity = VodTelemetry.ActivitySource.HasListeners()
            ? VodTelemetry.ActivitySource.StartActivity("VodGen " + message.Action, ActivityKind.Client)
            : null;
        activity?.SetTag("vod.action", message.Action);
        activity?.SetTag("vod.region", regionId);
        return new Scope(this, message, activity, clock.GetTimestamp());
    }

    /// <summary>One call's telemetry; a struct, so that a call that nobody listens to allocates nothing for it.</summary>
    public readonly struct Scope(TelemetryStep step, VodMessage message, Activity? activity, long started) : IDisposable
    {
        public void Succeeded()
        {
            var elapsed = step.Clock.GetElapsedTime(started);
            VodTelemetry.Calls.Add(1, new("vod.action", message.Action), new("vod.outcome", "ok"));
            VodTelemetry.CallDuration.Record(elapsed.TotalSeconds, new("vod.action", message.Action), new("vod.outcome", "ok"));
            VodLog.Succeeded(step.Logger, message.Action, elapsed.TotalMilliseconds, message.Attempt);
        }

        /// <summary>Records the failure and gives the exception the caller gets.</summary>
        public Exception Failed(Exception exception)
        {
            var elapsed = step.Clock.GetElapsedTime(started);
            var outcome = VodFailureClassifier.Classify(exception).Outcome;
            var requestId = (exception as VodServiceException)?.RequestId;
            VodTelemetry.Calls.Add(1, new("vod.action", message.Action), new("vod.outcome", outcome));
            VodTelemetry.CallDuration.Record(elapsed.TotalSeconds, new("vod.action", message.Action), new("vod.outcome", outcome));
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            activity?.SetTag("vod.error_code", outcome);
            activity?.SetTag("vod.request_id", requestId);
            VodLog.Failed(step.Logger, message.Action, message.Attempt, elapsed.TotalMilliseconds, outcome, requestId);
            return exception is HttpRequestException or TimeoutException or IOException && message.BaseUri is { } baseUri
                ? new VodUnreachableException(message.Action, new Uri(baseUri).Authority, message.Attempt, exception)
                : exception;
        }

        public void Dispose()
        {
            activity?.SetTag("vod.attempts", message.Attempt);
            activity?.Dispose();
        }
    }
}
