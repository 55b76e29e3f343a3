using System.Net;
using System.Threading.Tasks;
using VodGen.Transport;

namespace VodGen.Pipeline.Steps;

/// <summary>
/// Refuses redirects, which would carry the signed request and an STS token elsewhere, and any answer that came from
/// another address than the one the request was signed for (an HttpClient handed in that follows redirects itself).
/// </summary>
internal sealed class RedirectGuardStep : VodPipelineStep
{
    public override ValueTask OnSendingAsync(VodMessage message)
    {
        message.SignedFor = message.Request?.RequestUri;
        return default;
    }

    public override void OnResponseHeaders(VodMessage message)
    {
        var response = message.Response!;
        if ((int)response.StatusCode is >= 300 and < 400)
        {
            throw VodResponseReader.Redirected(message.Action, response.StatusCode, response.Headers.Location, message.Redactor);
        }

        if (response.RequestMessage?.RequestUri is { } answered && message.SignedFor is { } target && answered != target)
        {
            throw VodResponseReader.Redirected(message.Action, HttpStatusCode.Redirect, answered, message.Redactor);
        }
    }
}
