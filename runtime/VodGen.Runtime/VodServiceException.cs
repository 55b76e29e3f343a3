using System;
using System.Net;

namespace VodGen;

/// <summary>The service answered with an error document: it names the error code and the request.</summary>
public sealed class VodServiceException : VodException
{
    /// <summary>Creates the exception from the fields of an error answer.</summary>
    public VodServiceException(HttpStatusCode statusCode, string code, string? serviceMessage, string? requestId, string? hostId, string? recommend)
        : this(statusCode, code, serviceMessage, requestId, hostId, recommend, null)
    {
    }

    /// <summary>Creates the exception, with the service's <c>x-acs-retry-after</c> hint.</summary>
    public VodServiceException(HttpStatusCode statusCode, string code, string? serviceMessage, string? requestId, string? hostId, string? recommend, TimeSpan? retryAfter)
        : base(Describe(statusCode, code, serviceMessage, requestId))
    {
        RetryAfter = retryAfter;
        StatusCode = statusCode;
        Code = code;
        ServiceMessage = Redact(code, serviceMessage);
        RequestId = requestId;
        HostId = hostId;
        Recommend = recommend;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The error code, for example <c>InvalidVideo.NotFound</c>. Compare codes, never messages.</summary>
    public string Code { get; }

    /// <summary>The service's own message (redacted where it would echo signed content).</summary>
    public string? ServiceMessage { get; }

    /// <summary>The request's ID, to quote when asking for support.</summary>
    public string? RequestId { get; }

    /// <summary>The host that answered.</summary>
    public string? HostId { get; }

    /// <summary>A link to the service's diagnosis of this request, when it offers one.</summary>
    public string? Recommend { get; }

    /// <summary>How long the service asked the caller to wait (<c>x-acs-retry-after</c>), when it did.</summary>
    public TimeSpan? RetryAfter { get; }

    /// <summary>True when <see cref="Code"/> is <paramref name="error"/>'s code.</summary>
    public bool Is(VodErrorCode error) => error is not null && string.Equals(Code, error.Code, StringComparison.Ordinal);

    private static string Describe(HttpStatusCode status, string code, string? message, string? requestId)
        => $"{code} (HTTP {(int)status}): {Redact(code, message) ?? "no message"}{(requestId is null ? string.Empty : $" [RequestId {requestId}]")}";

    // A signature mismatch echoes the server's string to sign, which holds the request (and an STS token).
    private static string? Redact(string code, string? message)
    {
        if (message is null)
        {
            return null;
        }

        var marker = message.IndexOf("string to sign", StringComparison.OrdinalIgnoreCase);
        if (marker >= 0 || code.StartsWith("SignatureDoesNotMatch", StringComparison.Ordinal))
        {
            var keep = marker >= 0 ? message[..marker] : message.Split(':')[0];
            return keep.TrimEnd(' ', '.', ',', ':') + " [string to sign redacted]";
        }

        return message;
    }
}
