using System;

namespace VodGen.Server.Events;

/// <summary>A body that is not an event notification: the message says what is wrong and where, never more of the body.</summary>
public sealed class VodEventFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public VodEventFormatException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
