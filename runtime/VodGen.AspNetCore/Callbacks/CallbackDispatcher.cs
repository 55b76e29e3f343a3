using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VodGen.AspNetCore.Callbacks;

/// <summary>Hands queued events to the application's <see cref="IVodEventHandler"/>, one at a time, each in a scope of its own.</summary>
internal sealed class CallbackDispatcher(CallbackQueue queue, IServiceScopeFactory scopes, ILogger<CallbackDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var vodEvent in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                await using var scope = scopes.CreateAsyncScope();
                try
                {
                    await scope.ServiceProvider.GetRequiredService<IVodEventHandler>().HandleAsync(vodEvent, stoppingToken).ConfigureAwait(false);
                    CallbackTelemetry.Count("handled");
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    CallbackTelemetry.HandlerFailed(logger, exception, vodEvent.EventType, vodEvent.VideoId);
                    CallbackTelemetry.Count("handler_failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops; events still queued are not handled (the service will not resend them: see docs/events.md).
        }
    }
}
