using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace VodGen.AspNetCore.Queues;

/// <summary>Queue messages counted on the VodGen meter by outcome; failures logged with IDs, never bodies or keys.</summary>
internal static partial class QueueTelemetry
{
    /// <summary>MNS messages, by <c>vod.outcome</c>: handled, handler_failed, malformed, delete_expired, receive_failed.</summary>
    public static readonly Counter<long> Messages = AspNetCoreMeter.Meter.CreateCounter<long>("vodgen.mns.messages", "{message}", "VOD event messages read from MNS, by outcome");

    public static void Count(string outcome) => Messages.Add(1, new KeyValuePair<string, object?>("vod.outcome", outcome));

    [LoggerMessage(EventId = 70, Level = LogLevel.Warning, Message = "Receiving from MNS queue {Queue} failed (HTTP {Status} {Code}); trying again in {Delay}.")]
    public static partial void ReceiveFailed(ILogger logger, Exception exception, string queue, int status, string? code, TimeSpan delay);

    [LoggerMessage(EventId = 71, Level = LogLevel.Error, Message = "The VOD event handler failed on MNS message {MessageId} ({EventType} for {VideoId}, received {DequeueCount} times); it was not deleted and comes back after the queue's visibility timeout.")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string messageId, string eventType, string? videoId, int dequeueCount);

    [LoggerMessage(EventId = 72, Level = LogLevel.Error, Message = "MNS message {MessageId} is not a VOD event and was deleted: {Reason}")]
    public static partial void Malformed(ILogger logger, string messageId, string reason);

    [LoggerMessage(EventId = 73, Level = LogLevel.Warning, Message = "MNS message {MessageId} was handled but came back before it could be deleted (the handler took longer than the visibility timeout); it will be handled again.")]
    public static partial void DeleteExpired(ILogger logger, string messageId);

    [LoggerMessage(EventId = 74, Level = LogLevel.Warning, Message = "Deleting handled MNS message {MessageId} failed; it comes back after the visibility timeout and will be handled again.")]
    public static partial void DeleteFailed(ILogger logger, Exception exception, string messageId);

    [LoggerMessage(EventId = 75, Level = LogLevel.Error, Message = "No credentials to read MNS queue {Queue}; trying again in {Delay}.")]
    public static partial void NoCredentials(ILogger logger, Exception exception, string queue, TimeSpan delay);
}
