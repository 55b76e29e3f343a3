using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VodGen.Server.Events;

namespace VodGen.AspNetCore.Callbacks;

/// <summary>
/// One callback: its size, its headers' signature and time, its body as an event, a repeat or not, then the queue.
/// Answered at once, 200 when accepted (or a repeat), a problem detail naming the reason otherwise.
/// </summary>
internal sealed class CallbackEndpoint
{
    private readonly VodCallbackVerifier _verifier;
    private readonly ReplayGuard _replays;
    private readonly CallbackQueue _queue;
    private readonly int _capacity;
    private readonly ILogger _logger;

    public CallbackEndpoint(IOptions<VodCallbackOptions> options, CallbackQueue queue, ILogger<CallbackEndpoint> logger)
    {
        var o = options.Value;
        _verifier = new VodCallbackVerifier(o);
        _replays = new ReplayGuard(o.TimeProvider, o.Window * 2);
        _queue = queue;
        _capacity = o.QueueCapacity;
        _logger = logger;
    }

    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var verification = _verifier.Verify(request.Headers["X-VOD-TIMESTAMP"].ToString(), request.Headers["X-VOD-SIGNATURE"].ToString());
        if (verification != VodCallbackVerification.Valid)
        {
            return Refuse(context, StatusCodes.Status401Unauthorized, verification switch
            {
                VodCallbackVerification.Unsigned => ("unsigned", "The callback has no X-VOD-TIMESTAMP or X-VOD-SIGNATURE header."),
                VodCallbackVerification.Malformed => ("malformed_headers", "X-VOD-TIMESTAMP is not Unix seconds, or X-VOD-SIGNATURE is not 32 hex digits."),
                VodCallbackVerification.OutsideWindow => ("outside_window", "X-VOD-TIMESTAMP is outside the accepted window."),
                _ => ("bad_signature", "X-VOD-SIGNATURE does not match."),
            });
        }

        var body = await ReadAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            return Refuse(context, StatusCodes.Status413PayloadTooLarge, ("too_large", $"The body is larger than {VodEventReader.MaxBodyBytes} bytes."));
        }

        VodEvent vodEvent;
        try
        {
            vodEvent = VodEventReader.Read(body);
        }
        catch (VodEventFormatException exception)
        {
            return Refuse(context, StatusCodes.Status400BadRequest, ("bad_body", exception.Message));
        }

        if (!_replays.FirstTime(body))
        {
            CallbackTelemetry.Repeated(_logger, vodEvent.EventType, vodEvent.VideoId);
            CallbackTelemetry.Count("repeated");
            return Results.Ok();
        }

        if (!_queue.TryAdd(vodEvent))
        {
            CallbackTelemetry.QueueFull(_logger, _capacity);
            CallbackTelemetry.Count("queue_full");
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The event queue is full", detail: "Try again later.");
        }

        CallbackTelemetry.Count("accepted");
        return Results.Ok();
    }

    // The body up to the reader's limit; null when it is larger (a declared length is refused before reading).
    private static async Task<byte[]?> ReadAsync(HttpRequest request, System.Threading.CancellationToken cancellationToken)
    {
        if (request.ContentLength > VodEventReader.MaxBodyBytes)
        {
            return null;
        }

        var buffer = new byte[VodEventReader.MaxBodyBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
        {
            length += read;
        }

        return length > VodEventReader.MaxBodyBytes ? null : buffer.AsSpan(0, length).ToArray();
    }

    private IResult Refuse(HttpContext context, int status, (string Outcome, string Detail) reason)
    {
        CallbackTelemetry.Refused(_logger, context.Connection.RemoteIpAddress?.ToString(), reason.Detail);
        CallbackTelemetry.Count(reason.Outcome);
        return Results.Problem(statusCode: status, title: "VOD callback refused", detail: reason.Detail);
    }
}
