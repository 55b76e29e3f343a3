using System.Net;

namespace VodGen;

/// <summary>
/// The answer was larger than <see cref="VodClientOptions.MaxResponseBytes"/>. Reading stopped at the limit, so a
/// hostile or broken server cannot exhaust memory; the call is not retried, since the same answer would come again.
/// </summary>
public sealed class VodResponseTooLargeException : VodException
{
    /// <summary>Creates the exception.</summary>
    public VodResponseTooLargeException(string action, HttpStatusCode statusCode, long limit, long? declaredLength)
        : base(declaredLength is { } declared
            ? $"{action} answered HTTP {(int)statusCode} with a body of {declared} bytes, more than the {limit} bytes VodClientOptions.MaxResponseBytes allows; it was not read."
            : $"{action} answered HTTP {(int)statusCode} with a body longer than the {limit} bytes VodClientOptions.MaxResponseBytes allows; reading stopped there.")
    {
        Action = action;
        StatusCode = statusCode;
        Limit = limit;
        DeclaredLength = declaredLength;
    }

    /// <summary>The operation called.</summary>
    public string Action { get; }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The limit in bytes.</summary>
    public long Limit { get; }

    /// <summary>The length the server announced in <c>Content-Length</c>, when it announced one.</summary>
    public long? DeclaredLength { get; }
}
