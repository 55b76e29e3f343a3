using System;

namespace VodGen.Credentials;

/// <summary>
/// No credentials could be obtained: the message says from which source, what was tried (a file, an endpoint, a role)
/// and why, with the service's error code and request ID when a service refused; never a secret.
/// </summary>
public sealed class VodCredentialsException : VodException
{
    /// <summary>Creates the exception.</summary>
    public VodCredentialsException(string source, string message, Exception? innerException = null)
        : base(message, innerException)
        => Source = source;

    /// <summary>The source that failed, as it describes itself (for example <c>ECS RAM role 'app' at http://100.100.100.200</c>).</summary>
    public new string Source { get; }
}
