using System;
using System.Threading.Tasks;

namespace VodGen.Pipeline;

/// <summary>
/// A step of every attempt. Before the request is sent, the steps run in order (<see cref="OnSendingAsync"/>); when the
/// answer comes back, or the attempt fails, they run in reverse order, as a stack unwinds. A step that needs none of
/// the hooks costs nothing; the hooks complete synchronously unless a step truly waits (credentials, a rate limit),
/// so the steps add no allocation to a call.
/// </summary>
internal abstract class VodPipelineStep
{
    /// <summary>Prepares the attempt (in step order).</summary>
    public virtual ValueTask OnSendingAsync(VodMessage message) => default;

    /// <summary>Sees the answer's status and headers before its body is read (in reverse order).</summary>
    public virtual void OnResponseHeaders(VodMessage message)
    {
    }

    /// <summary>Sees the whole answer (in reverse order).</summary>
    public virtual void OnResponse(VodMessage message)
    {
    }

    /// <summary>Gives the failure the attempt ends with: <paramref name="exception"/> itself, or what it means (in reverse order).</summary>
    public virtual Exception OnFailed(VodMessage message, Exception exception) => exception;
}
