using VodGen.Emulator;
using VodGen.Throttling;

namespace VodGen.Emulator.Tests;

/// <summary>Starts an emulator per test class instance and builds clients for it.</summary>
public abstract class EmulatorTestBase : IAsyncLifetime
{
    protected VodEmulator Emulator { get; private set; } = null!;

    protected virtual void Configure(VodEmulatorOptions options)
    {
    }

    public async Task InitializeAsync()
    {
        var options = new VodEmulatorOptions();
        Configure(options);
        Emulator = await VodEmulator.StartAsync(options);
    }

    public virtual async Task DisposeAsync() => await Emulator.DisposeAsync();

    protected VodClient Client(
        VodSignatureVersion version = VodSignatureVersion.V3,
        EmulatorCredential? credential = null,
        TimeProvider? clock = null,
        TimeSpan? timeout = null,
        string? secret = null,
        bool withToken = true,
        Action<VodClientOptions>? configure = null)
    {
        credential ??= EmulatorCredential.Default;
        var options = new VodClientOptions
        {
            Endpoint = Emulator.Endpoint,
            SignatureVersion = version,
            Credentials = new StaticCredentialsProvider(credential.AccessKeyId, secret ?? credential.AccessKeySecret, withToken ? credential.SecurityToken : null),
            TimeProvider = clock ?? TimeProvider.System,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        };
        configure?.Invoke(options);
        return new VodClient(options, SharedHttp);
    }

    /// <summary>A client with neither its rate limiter nor retries, to see the emulator's own answers.</summary>
    protected VodClient UnprotectedClient(VodSignatureVersion version = VodSignatureVersion.V3)
        => Client(version, configure: o =>
        {
            o.Throttling.Mode = VodThrottlingMode.Off;
            o.Retry.MaxRetryAttempts = 0;
        });

    // One connection pool for every client of the tests, as an application would have.
    private static readonly HttpClient SharedHttp = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    protected RawCall Raw() => new(Emulator.Endpoint);
}

/// <summary>A clock shifted from the real one, to test the timestamp window.</summary>
internal sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
