using System;
using System.IO;
using System.Net.Http;

namespace VodGen.Transport;

/// <summary>What a failure means for the request that met it.</summary>
/// <param name="Retryable">A later attempt may not meet it.</param>
/// <param name="SafeToRepeat">The service did not carry the request out, so even a request that creates something may be sent again.</param>
/// <param name="OutcomeUnknown">The request may have been carried out although no answer said so: a request that changes state must be checked, not trusted to have failed.</param>
/// <param name="Outcome">The telemetry outcome: the service's error code, or the exception's type name.</param>
internal readonly record struct VodFailure(bool Retryable, bool SafeToRepeat, bool OutcomeUnknown, string Outcome);

/// <summary>
/// The one place that decides what a failed request means, for the client and the uploader alike: whether another
/// attempt may succeed, whether it is safe to repeat, whether the outcome is unknown, and what telemetry calls it.
/// </summary>
internal static class VodFailureClassifier
{
    /// <summary>A failure as an exception: an error answer the client or the uploader raised, or a transport failure.</summary>
    public static VodFailure Classify(Exception exception) => exception switch
    {
        VodServiceException service => Answer((int)service.StatusCode, service.Code),
        VodProtocolException protocol => new((int?)protocol.StatusCode >= 500, false, false, nameof(VodProtocolException)),
        HttpRequestException transport => Transport(transport, NotSent(transport)),
        TimeoutException or IOException => Transport(exception, notSent: false),
        _ => new(false, false, false, exception.GetType().Name),
    };

    /// <summary>An error answer of the VOD API or of the storage service, by its HTTP status and error code.</summary>
    public static VodFailure Answer(int status, string code)
    {
        // Throttling is refused at the gateway: nothing ran. A server error may have happened half-way through.
        var throttled = code.StartsWith("Throttling", StringComparison.Ordinal);
        var serverFailed = status >= 500 || code is "InternalError" or "ServiceUnavailable" or "RequestTimeout";
        return new(throttled || serverFailed, throttled, serverFailed && !throttled, code);
    }

    // A connection that never opened (refused, no such name, TLS refused) carried no request.
    private static bool NotSent(HttpRequestException exception)
        => exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError;

    private static VodFailure Transport(Exception exception, bool notSent) => new(true, notSent, !notSent, exception.GetType().Name);
}
