using System;
using System.Net;

namespace VodGen;

/// <summary>
/// The answer could not be understood: not an error document, not valid JSON, or JSON that contradicts
/// the operation's spec. The message names the status, the JSON path or a short excerpt; never a secret.
/// </summary>
public sealed class VodProtocolException : VodException
{
    /// <summary>Creates the exception.</summary>
    public VodProtocolException(string message, HttpStatusCode? statusCode = null, string? jsonPath = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        JsonPath = jsonPath;
    }

    /// <summary>The HTTP status of the answer, when one was received.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Where in the JSON the problem is, for example <c>$.UploadAuth</c>, when it concerns one value.</summary>
    public string? JsonPath { get; }
}
