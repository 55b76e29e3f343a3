using System;
using VodGen.Throttling;

namespace VodGen;

/// <summary>
/// The client itself held a call back to stay under the operation's rate limit: in reject mode, when the
/// wait queue is full, or when the wait would exceed <see cref="VodThrottlingOptions.MaxWait"/>. Nothing was sent.
/// </summary>
public sealed class VodThrottledException : VodException
{
    /// <summary>Creates the exception.</summary>
    public VodThrottledException(string action, int permitsPerSecond, string reason, TimeSpan? retryAfter)
        : base($"{action} was not sent: {reason} (client-side limit {permitsPerSecond} calls/s per AccessKey).")
    {
        Action = action;
        PermitsPerSecond = permitsPerSecond;
        RetryAfter = retryAfter;
    }

    /// <summary>The operation held back.</summary>
    public string Action { get; }

    /// <summary>The limit in force.</summary>
    public int PermitsPerSecond { get; }

    /// <summary>When a permit is expected, if the limiter knows.</summary>
    public TimeSpan? RetryAfter { get; }
}
