using System;
using Microsoft.Extensions.Logging;

namespace VodGen.Telemetry;

/// <summary>
/// The client's log messages. They name the operation, attempt, status, error code, request ID and timings; never
/// a URL, body or header, because those carry the AccessKey ID's signature and, for STS, the security token.
/// </summary>
internal static partial class VodLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "VOD {Action} succeeded in {ElapsedMilliseconds:0.0} ms after {Attempts} attempt(s)")]
    public static partial void Succeeded(ILogger logger, string action, double elapsedMilliseconds, int attempts);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "VOD {Action} failed after {Attempts} attempt(s) in {ElapsedMilliseconds:0.0} ms: {Outcome} (RequestId {RequestId})")]
    public static partial void Failed(ILogger logger, string action, int attempts, double elapsedMilliseconds, string outcome, string? requestId);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "VOD {Action} attempt {Attempt} failed with {Outcome} (RequestId {RequestId}); retrying in {DelayMilliseconds:0} ms")]
    public static partial void Retrying(ILogger logger, string action, int attempt, string outcome, string? requestId, double delayMilliseconds);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "VOD {Action} waited {WaitMilliseconds:0.0} ms for a rate-limit permit")]
    public static partial void ThrottleWaited(ILogger logger, string action, double waitMilliseconds);

    [LoggerMessage(EventId = 5, Level = LogLevel.Trace, Message = "VOD {Action} attempt {Attempt}: HTTP {Status} in {ElapsedMilliseconds:0.0} ms, signed with {SignatureVersion}")]
    public static partial void Attempted(ILogger logger, string action, int attempt, int status, double elapsedMilliseconds, VodSignatureVersion signatureVersion);
}
