using VodGen.Emulator;

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

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    protected VodClient Client(VodSignatureVersion version = VodSignatureVersion.V3, EmulatorCredential? credential = null, TimeProvider? clock = null, TimeSpan? timeout = null, string? secret = null, bool withToken = true)
    {
        credential ??= EmulatorCredential.Default;
        return new VodClient(new VodClientOptions
        {
            Endpoint = Emulator.Endpoint,
            SignatureVersion = version,
            Credentials = new StaticCredentialsProvider(credential.AccessKeyId, secret ?? credential.AccessKeySecret, withToken ? credential.SecurityToken : null),
            TimeProvider = clock ?? TimeProvider.System,
            Timeout = timeout ?? TimeSpan.FromSeconds(30),
        });
    }

    protected RawCall Raw() => new(Emulator.Endpoint);
}

/// <summary>A clock shifted from the real one, to test the timestamp window.</summary>
internal sealed class ShiftedClock(TimeSpan shift) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + shift;
}
