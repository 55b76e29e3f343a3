using System.Collections.Generic;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace VodGen.AspNetCore.Callbacks;

/// <summary>Callbacks counted on the VodGen meter by outcome, and refusals logged without secrets.</summary>
internal static partial class CallbackTelemetry
{
    /// <summary>Callbacks received, by <c>vod.outcome</c>.</summary>
    public static readonly Counter<long> Callbacks = AspNetCoreMeter.Meter.CreateCounter<long>("vodgen.callbacks", "{callback}", "VOD event callbacks received, by outcome");

    public static void Count(string outcome) => Callbacks.Add(1, new KeyValuePair<string, object?>("vod.outcome", outcome));

    [LoggerMessage(EventId = 60, Level = LogLevel.Warning, Message = "Refused a VOD callback from {RemoteAddress}: {Reason}.")]
    public static partial void Refused(ILogger logger, string? remoteAddress, string reason);

    [LoggerMessage(EventId = 61, Level = LogLevel.Debug, Message = "A repeated VOD callback ({EventType} for {VideoId}) was answered and not handed on.")]
    public static partial void Repeated(ILogger logger, string eventType, string? videoId);

    [LoggerMessage(EventId = 62, Level = LogLevel.Error, Message = "The VOD event handler failed on {EventType} for {VideoId}.")]
    public static partial void HandlerFailed(ILogger logger, System.Exception exception, string eventType, string? videoId);

    [LoggerMessage(EventId = 63, Level = LogLevel.Warning, Message = "The VOD event queue is full ({Capacity}); the callback was answered 503 so that VOD tries again.")]
    public static partial void QueueFull(ILogger logger, int capacity);
}
