using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using VodGen.Emulator.Gateway;

namespace VodGen.Emulator.Faults;

/// <summary>The kinds of injected trouble.</summary>
internal enum FaultKind
{
    None,
    ServerError,
    ServiceUnavailable,
    Throttling,
    DropConnection,
    GatewayPage,
}

/// <summary>Draws and applies faults; thread-safe.</summary>
internal sealed class FaultInjector
{
    private readonly object _gate = new();
    private EmulatorFaults _faults = EmulatorFaults.None;
    private Random _random = new(EmulatorFaults.None.Seed);

    public EmulatorFaults Faults
    {
        get => _faults;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            value.Validate();
            lock (_gate)
            {
                _faults = value;
                _random = new Random(value.Seed);
            }
        }
    }

    public FaultKind Draw()
    {
        var faults = _faults;
        if (!faults.Any)
        {
            return FaultKind.None;
        }

        double roll;
        lock (_gate)
        {
            roll = _random.NextDouble();
        }

        if ((roll -= faults.ServerErrorRate) < 0)
        {
            return roll + (faults.ServerErrorRate / 2) < 0 ? FaultKind.ServerError : FaultKind.ServiceUnavailable;
        }

        if ((roll -= faults.ThrottlingRate) < 0)
        {
            return FaultKind.Throttling;
        }

        if ((roll -= faults.DropConnectionRate) < 0)
        {
            return FaultKind.DropConnection;
        }

        return roll - faults.GatewayPageRate < 0 ? FaultKind.GatewayPage : FaultKind.None;
    }

    public static GatewayError? AsError(FaultKind kind) => kind switch
    {
        FaultKind.ServerError => new GatewayError(500, "InternalError", "The request processing has failed due to some unknown error."),
        FaultKind.ServiceUnavailable => new GatewayError(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server."),
        FaultKind.Throttling => new GatewayError(503, "Throttling", "Request was denied due to request throttling.", 200),
        _ => null,
    };

    /// <summary>
    /// Reads the request, then closes the connection before any byte of an answer: the case where the caller
    /// cannot tell whether the call ran, and where an HTTP stack may be tempted to send it again by itself.
    /// </summary>
    public static Task DropConnectionAsync(HttpContext context)
    {
        context.Features.Get<IConnectionLifetimeNotificationFeature>()?.RequestClose();
        context.Abort();
        return Task.CompletedTask;
    }

    /// <summary>Answers like a proxy in front of the service would: HTML, not an error document.</summary>
    public static Task GatewayPageAsync(HttpContext context)
    {
        context.Response.StatusCode = 502;
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync("<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>emulated gateway</center></body></html>");
    }
}
