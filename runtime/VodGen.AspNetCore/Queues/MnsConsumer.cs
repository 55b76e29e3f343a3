using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VodGen.AspNetCore.Callbacks;
using VodGen.Credentials;
using VodGen.Server.Events;
using VodGen.Server.Queues;

namespace VodGen.AspNetCore.Queues;

/// <summary>
/// Reads VOD's events from an MNS queue and hands each to the application's <see cref="IVodEventHandler"/> (a scope per
/// message, one at a time). A message is deleted only after its handler returned; one whose handler failed, or that was
/// being handled when the host stopped, stays and comes back after the queue's visibility timeout (at least once, so
/// handlers must tolerate repeats, as they must with VOD's own duplicates). Failed receives are repeated after a pause
/// that doubles from 1 s up to <see cref="VodMnsConsumerOptions.MaxRetryDelay"/>; the consumer never gives up while the host runs.
/// </summary>
internal sealed class MnsConsumer(VodMnsQueue queue, VodMnsConsumerOptions options, IServiceScopeFactory scopes, TimeProvider clock, ILogger<MnsConsumer> logger) : BackgroundService
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(1);
    private const int DeleteTries = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = FirstRetryDelay;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                System.Collections.Generic.IReadOnlyList<VodMnsMessage> messages;
                try
                {
                    messages = await queue.ReceiveAsync(options.BatchSize, options.WaitTime, stoppingToken).ConfigureAwait(false);
                    delay = FirstRetryDelay;
                }
                catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Throttling, server errors and outages pass; a refusal (a wrong queue, a missing permission) or
                    // anything unforeseen may be mended while the application runs, so it is tried again too, at the
                    // longest pause: the consumer never ends, and never takes the host down, while the host runs.
                    var pause = exception is VodMnsException { IsWorthRepeating: true } ? delay : options.MaxRetryDelay;
                    switch (exception)
                    {
                        case VodMnsException refused:
                            QueueTelemetry.ReceiveFailed(logger, exception, queue.QueueName, refused.StatusCode, refused.Code, pause);
                            break;
                        case VodCredentialsException:
                            QueueTelemetry.NoCredentials(logger, exception, queue.QueueName, pause);
                            break;
                        default:
                            QueueTelemetry.ReceiveFailed(logger, exception, queue.QueueName, 0, exception.GetType().Name, pause);
                            break;
                    }

                    QueueTelemetry.Count("receive_failed");
                    await Task.Delay(pause, clock, stoppingToken).ConfigureAwait(false);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxRetryDelay.Ticks));
                    continue;
                }

                foreach (var message in messages)
                {
                    await HandleAsync(message, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host stops: what was received and not handled stays in the queue and comes back.
        }
    }

    private async Task HandleAsync(VodMnsMessage message, CancellationToken stoppingToken)
    {
        VodEvent vodEvent;
        try
        {
            vodEvent = message.ReadEvent();
        }
        catch (VodEventFormatException exception)
        {
            // It can never be handled; kept, it would come back forever.
            QueueTelemetry.Malformed(logger, message.MessageId, exception.Message);
            QueueTelemetry.Count("malformed");
            await DeleteAsync(message, stoppingToken).ConfigureAwait(false);
            return;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            try
            {
                await scope.ServiceProvider.GetRequiredService<IVodEventHandler>().HandleAsync(vodEvent, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                QueueTelemetry.HandlerFailed(logger, exception, message.MessageId, vodEvent.EventType, vodEvent.VideoId, message.DequeueCount);
                QueueTelemetry.Count("handler_failed");
                return;
            }
        }

        QueueTelemetry.Count("handled");

        // Handled: the deletion is not given up when the host starts stopping, or the event would be handled twice.
        await DeleteAsync(message, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task DeleteAsync(VodMnsMessage message, CancellationToken cancellationToken)
    {
        var delay = FirstRetryDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!await queue.DeleteAsync(message, cancellationToken).ConfigureAwait(false))
                {
                    QueueTelemetry.DeleteExpired(logger, message.MessageId);
                    QueueTelemetry.Count("delete_expired");
                }

                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var passing = exception is VodMnsException { IsWorthRepeating: true } or VodCredentialsException;
                if (attempt == DeleteTries || !passing)
                {
                    QueueTelemetry.DeleteFailed(logger, exception, message.MessageId);
                    QueueTelemetry.Count("delete_failed");
                    return;
                }
            }

            await Task.Delay(delay, clock, cancellationToken).ConfigureAwait(false);
            delay *= 2;
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        queue.Dispose();
    }
}
