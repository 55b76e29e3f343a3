using System;

namespace VodGen;

/// <summary>
/// An operation that creates something (not idempotent) was sent, but its answer was lost: the connection closed or
/// the attempt timed out after the request left. The service may have run it, so VodGen did not send it again.
/// Check whether it took effect (for example with a list or get call) before calling it again.
/// </summary>
public sealed class VodOutcomeUnknownException : VodException
{
    /// <summary>Creates the exception; <paramref name="innerException"/> is the transport failure or timeout.</summary>
    public VodOutcomeUnknownException(string action, Exception innerException)
        : base($"{action} may have run: its answer was lost after the request was sent ({innerException?.Message}). "
            + "It was not sent again because the operation is not idempotent; check whether it took effect before calling it again.", innerException)
        => Action = action;

    /// <summary>The operation called.</summary>
    public string Action { get; }
}
