using System.Collections.Generic;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace VodGen.AspNetCore.Uploads;

/// <summary>Upload-credential requests counted on the VodGen meter; refusals logged with the user and the reason, never a credential.</summary>
internal static partial class UploadTelemetry
{
    /// <summary>Requests, by <c>vod.upload.kind</c> and <c>vod.outcome</c> (created, refreshed, refused, failed).</summary>
    public static readonly Counter<long> Requests = AspNetCoreMeter.Meter.CreateCounter<long>("vodgen.upload_credentials", "{request}", "Upload-credential requests, by kind and outcome");

    public static void Count(VodUploadKind kind, string outcome)
        => Requests.Add(1, new KeyValuePair<string, object?>("vod.upload.kind", kind.ToString()), new KeyValuePair<string, object?>("vod.outcome", outcome));

    [LoggerMessage(EventId = 80, Level = LogLevel.Warning, Message = "Refused a {Kind} upload credential to user {UserId}: {Status} {Title}: {Detail}")]
    public static partial void Refused(ILogger logger, VodUploadKind kind, string? userId, int status, string title, string detail);

    [LoggerMessage(EventId = 81, Level = LogLevel.Information, Message = "Issued a {Kind} upload credential for {MediaId} to user {UserId} ({Action}).")]
    public static partial void Issued(ILogger logger, VodUploadKind kind, string mediaId, string userId, string action);

    [LoggerMessage(EventId = 82, Level = LogLevel.Error, Message = "VOD refused the {Kind} upload credential for user {UserId}: {Code} (request {RequestId}).")]
    public static partial void ServiceFailed(ILogger logger, System.Exception exception, VodUploadKind kind, string userId, string? code, string? requestId);
}
