using System;

namespace VodGen.Server.Queues;

/// <summary>An MNS request the queue service refused or did not answer in time: its status, code and request ID.</summary>
public sealed class VodMnsException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VodMnsException(string message, int statusCode, string? code, string? requestId, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Code = code;
        RequestId = requestId;
    }

    /// <summary>The HTTP status; 0 when no answer came.</summary>
    public int StatusCode { get; }

    /// <summary>MNS's error code (<c>QueueNotExist</c>, <c>SignatureDoesNotMatch</c>, ...), when it sent one.</summary>
    public string? Code { get; }

    /// <summary>The request ID to quote to support.</summary>
    public string? RequestId { get; }

    /// <summary>Whether repeating the request later can succeed: no answer, throttling (429) or a server error (5xx).</summary>
    public bool IsWorthRepeating => StatusCode is 0 or 429 or >= 500;
}
