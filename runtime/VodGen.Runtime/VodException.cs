using System;

namespace VodGen;

/// <summary>The base of every error VodGen raises about a call that reached (or tried to reach) the service.</summary>
public abstract class VodException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected VodException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
