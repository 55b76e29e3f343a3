using Microsoft.AspNetCore.Http;

namespace VodGen.Emulator.Storage;

/// <summary>
/// CORS as a VOD storage bucket answers it, so that pages upload straight from the browser: any origin, the methods
/// uploads use, the headers the page asks for, and <c>ETag</c> and <c>x-oss-request-id</c> exposed (a multipart upload
/// needs each part's ETag to complete).
/// </summary>
internal static class StorageCors
{
    private const string Methods = "GET, POST, PUT, DELETE, HEAD";
    private const string Exposed = "ETag, x-oss-request-id";

    /// <summary>Adds the CORS headers a cross-origin request needs; true when it was a preflight, now answered.</summary>
    public static bool Handle(HttpContext context)
    {
        var request = context.Request;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }

        var headers = context.Response.Headers;
        headers.AccessControlAllowOrigin = origin;
        headers.Vary = "Origin";
        headers.AccessControlExposeHeaders = Exposed;
        if (!HttpMethods.IsOptions(request.Method) || request.Headers.AccessControlRequestMethod.Count == 0)
        {
            return false;
        }

        headers.AccessControlAllowMethods = Methods;
        headers.AccessControlAllowHeaders = request.Headers.AccessControlRequestHeaders.ToString() is { Length: > 0 } asked ? asked : "*";
        headers.AccessControlMaxAge = "600";
        context.Response.StatusCode = 200;
        return true;
    }
}
