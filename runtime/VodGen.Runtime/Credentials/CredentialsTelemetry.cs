using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace VodGen.Credentials;

/// <summary>Refreshes of temporary credentials, logged (source, expiry) and counted on the VodGen meter; never a secret.</summary>
internal static partial class CredentialsTelemetry
{
    /// <summary>Credential fetches, by <c>vod.outcome</c> (<c>ok</c> or <c>failed</c>) and <c>vod.credentials.source</c> (the provider's type).</summary>
    public static readonly Counter<long> Refreshes = VodTelemetry.Meter.CreateCounter<long>("vodgen.credentials.refreshes", "{refresh}", "Temporary credentials fetched from their source");

    public static void Refreshed(ILogger logger, string source, string kind, DateTimeOffset expiration)
    {
        LogRefreshed(logger, source, expiration);
        Refreshes.Add(1, new KeyValuePair<string, object?>("vod.outcome", "ok"), new KeyValuePair<string, object?>("vod.credentials.source", kind));
    }

    public static void RefreshFailed(ILogger logger, string source, string kind, Exception failure, TimeSpan? retryIn)
    {
        if (retryIn is { } delay)
        {
            LogRefreshFailedHolding(logger, source, failure.Message, delay.TotalSeconds);
        }
        else
        {
            LogFetchFailed(logger, source, failure.Message);
        }

        Refreshes.Add(1, new KeyValuePair<string, object?>("vod.outcome", "failed"), new KeyValuePair<string, object?>("vod.credentials.source", kind));
    }

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Credentials from {Source} refreshed; they expire at {Expiration:O}.")]
    private static partial void LogRefreshed(ILogger logger, string source, DateTimeOffset expiration);

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Refreshing credentials from {Source} failed ({Reason}); the held ones stay in use, next try in {Seconds:0.#} s.")]
    private static partial void LogRefreshFailedHolding(ILogger logger, string source, string reason, double seconds);

    [LoggerMessage(EventId = 42, Level = LogLevel.Error, Message = "No credentials from {Source}: {Reason}")]
    private static partial void LogFetchFailed(ILogger logger, string source, string reason);
}
