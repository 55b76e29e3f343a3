using System;
using System.Threading;
using System.Threading.Tasks;
using VodGen.Server.Events;

namespace VodGen.AspNetCore.Callbacks;

/// <summary>An event handler given as a delegate, for handlers that need no services of their own.</summary>
internal sealed class DelegateEventHandler(Func<VodEvent, CancellationToken, Task> handle) : IVodEventHandler
{
    public Task HandleAsync(VodEvent vodEvent, CancellationToken cancellationToken) => handle(vodEvent, cancellationToken);
}
