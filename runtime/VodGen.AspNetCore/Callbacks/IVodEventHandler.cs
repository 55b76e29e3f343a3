using System.Threading;
using System.Threading.Tasks;
using VodGen.Server.Events;

namespace VodGen.AspNetCore.Callbacks;

/// <summary>
/// Handles the events the callback endpoint accepted, one at a time, after the callback was answered. Register one
/// in the container. An exception is logged and counted; the event is not delivered again (the service does not
/// resend what was answered 200), so read through the API what must not be missed.
/// </summary>
public interface IVodEventHandler
{
    /// <summary>Handles one event; <paramref name="cancellationToken"/> fires when the host stops.</summary>
    Task HandleAsync(VodEvent vodEvent, CancellationToken cancellationToken);
}
