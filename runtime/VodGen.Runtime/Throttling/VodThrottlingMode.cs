namespace VodGen.Throttling;

/// <summary>What the client does when a call would exceed its operation's rate limit.</summary>
public enum VodThrottlingMode
{
    /// <summary>Callers wait asynchronously, first come first served, up to the queue limit. The default.</summary>
    Wait = 0,

    /// <summary>The call fails at once with <see cref="VodThrottledException"/>.</summary>
    Reject = 1,

    /// <summary>No client-side limit: the service's throttling (and the retries) decide.</summary>
    Off = 2,
}
