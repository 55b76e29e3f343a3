using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VodGen.Emulator.Faults;
using VodGen.Emulator.Gateway;
using VodGen.Emulator.Media;
using VodGen.Emulator.Specs;
using VodGen.Emulator.Storage;

namespace VodGen.Emulator;

/// <summary>
/// A running emulator of the VOD service on 127.0.0.1. Start one with <see cref="StartAsync"/>, point a
/// <c>VodClient</c> at <see cref="Endpoint"/> with one of the accepted credentials, and dispose it to stop.
/// </summary>
public sealed class VodEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GatewayPipeline _pipeline;

    private VodEmulator(WebApplication app, GatewayPipeline pipeline, EmulatorSpecCatalog specs, Uri endpoint, string regionId)
    {
        _app = app;
        _pipeline = pipeline;
        Specs = specs;
        Endpoint = endpoint;
        RegionId = regionId;
    }

    /// <summary>The root URI the emulator listens on, for example <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>The region it stands for.</summary>
    public string RegionId { get; }

    /// <summary>The operations it serves.</summary>
    public EmulatorSpecCatalog Specs { get; }

    /// <summary>Its videos.</summary>
    public MediaStore Store => _pipeline.Store;

    /// <summary>The storage front upload addresses point at (its own port), with its objects and faults.</summary>
    public EmulatorStorage Storage { get; private init; } = null!;

    /// <summary>The identity front (its own port): STS, the ECS metadata service and a credentials URI, minting credentials the gateway accepts until they expire.</summary>
    public Identity.EmulatorIdentity Identity { get; private init; } = null!;

    /// <summary>Event notifications: the callback settings, the deliveries tried, and faults to send.</summary>
    public Events.EmulatorEvents Events { get; private init; } = null!;

    /// <summary>MNS queues (on <see cref="Endpoint"/>, under <c>/queues/</c>): where events go when the callback type is MNS.</summary>
    public Queues.EmulatorQueues Queues { get; private init; } = null!;

    /// <summary>The playback domain (on <see cref="Endpoint"/>, under <c>/play/</c>): stream URLs, URL authentication, the requests it served or refused.</summary>
    public Playback.EmulatorPlayback Playback { get; private init; } = null!;

    /// <summary>The requests it answered.</summary>
    public EmulatorRequestLog Log => _pipeline.Log;

    /// <summary>The trouble it injects; may be changed while it runs.</summary>
    public EmulatorFaults Faults
    {
        get => _pipeline.Faults.Faults;
        set => _pipeline.Faults.Faults = value;
    }

    /// <summary>Starts an emulator and returns once it accepts connections.</summary>
    /// <exception cref="ArgumentException">An option is not valid.</exception>
    /// <exception cref="InvalidDataException">A spec file cannot be read.</exception>
    public static async Task<VodEmulator> StartAsync(VodEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new VodEmulatorOptions();
        options.Validate();
        var specs = EmulatorSpecCatalog.Load(options.SpecFolders);
        var faults = new FaultInjector { Faults = options.Faults };
        var store = new MediaStore(options.RegionId);
        var storage = new EmulatorStorage(store, options.TimeProvider, options.RegionId);
        store.Storage = storage;
        var queues = new Queues.EmulatorQueues(options.TimeProvider);
        var events = new Events.EmulatorEvents(options.TimeProvider, queues);
        store.Events = events;
        var playback = new Playback.EmulatorPlayback(options.TimeProvider);
        store.Playback = playback;
        var pipeline = new GatewayPipeline(options, specs, store, new EmulatorRequestLog(options.RequestLogCapacity), faults);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();

        // The host's default console lifetime would take over Ctrl+C and SIGTERM of whatever process embeds the
        // emulator; whoever starts it decides when it stops.
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(System.Net.IPAddress.Loopback, options.Port);
            kestrel.Listen(System.Net.IPAddress.Loopback, options.StoragePort);
            kestrel.Listen(System.Net.IPAddress.Loopback, options.IdentityPort);
        });
        var app = builder.Build();
        var storagePort = -1;
        var identityPort = -1;
        var identity = new Identity.EmulatorIdentity(options.TimeProvider, pipeline.Signatures) { CredentialLifetime = options.MintedCredentialLifetime };
        pipeline.Signatures.Identity = identity;
        Control.EmulatorControl? control = null;
        var mns = new Queues.MnsFront(queues, pipeline.Signatures, options.TimeProvider);

        // One server, three ports: the API gateway (with the control API under /_emulator/, the MNS queues under /queues/
        // and the playback domain under /play/: RPC calls always go to /), the storage front that upload addresses point at, and the identity front.
        app.Run(context => context.Connection.LocalPort == storagePort ? storage.HandleAsync(context)
            : context.Connection.LocalPort == identityPort ? identity.HandleAsync(context)
            : global::VodGen.Emulator.Queues.MnsFront.Handles(context.Request) ? mns.HandleAsync(context)
            : global::VodGen.Emulator.Playback.EmulatorPlayback.Handles(context.Request) ? playback.HandleAsync(context, store)
            : control is not null && Control.EmulatorControl.Handles(context.Request) ? control.HandleAsync(context)
            : pipeline.HandleAsync(context));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        var gateway = addresses[0];
        var storageAddress = addresses[1];
        storagePort = storageAddress.Port;
        identityPort = addresses[2].Port;
        identity.Endpoint = new Uri(addresses[2].GetLeftPart(UriPartial.Authority) + "/");
        storage.Endpoint = new Uri(storageAddress.GetLeftPart(UriPartial.Authority));
        playback.BaseAddress = new Uri(gateway.GetLeftPart(UriPartial.Authority) + "/");
        var emulator = new VodEmulator(app, pipeline, specs, new Uri(gateway.GetLeftPart(UriPartial.Authority) + "/"), options.RegionId) { Storage = storage, Identity = identity, Events = events, Queues = queues, Playback = playback };
        control = new Control.EmulatorControl(emulator);
        return emulator;
    }

    /// <summary>
    /// Makes the next <paramref name="times"/> calls of <paramref name="action"/> (after the gateway's checks)
    /// answer with one of the errors its spec documents, with the spec's HTTP status and message. For errors
    /// that depend on account state the emulator does not model; the others arise from the store itself.
    /// </summary>
    /// <exception cref="ArgumentException">The operation is unknown or does not document <paramref name="code"/>.</exception>
    public void InjectError(string action, string code, int times = 1)
    {
        if (!Specs.Operations.TryGetValue(action, out var operation))
        {
            throw new ArgumentException($"The emulator has no operation '{action}'.", nameof(action));
        }

        if (!operation.Errors.TryGetValue(code, out var error))
        {
            throw new ArgumentException($"'{action}' documents no error '{code}'; documented: {string.Join(", ", operation.Errors.Keys)}.", nameof(code));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        _pipeline.Inject(operation, error, times);
    }

    /// <summary>Stops accepting calls and finishes those under way.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => _app.StopAsync(cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        Storage.Dispose(); // the stored files go with the emulator
        Events.Dispose();
    }
}

/// <summary>A host lifetime that leaves the process's signals alone: the emulator stops when disposed.</summary>
internal sealed class EmbeddedLifetime : Microsoft.Extensions.Hosting.IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
