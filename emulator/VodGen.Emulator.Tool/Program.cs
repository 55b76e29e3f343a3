using System.Globalization;
using System.Runtime.InteropServices;
using VodGen.Emulator;

// The vodgen-emulator command: dotnet run --project emulator/VodGen.Emulator.Tool -- --port 5080
var options = new VodEmulatorOptions();
string? oidcTokenFile = null;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
        int Number(int max)
        {
            var name = args[i];
            var text = Value();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= max
                ? value
                : throw new ArgumentException($"{name} must be a number from 0 to {max}, not '{text}'.");
        }

        switch (args[i])
        {
            case "--port":
                options.Port = Number(65535);
                break;
            case "--storage-port":
                options.StoragePort = Number(65535);
                break;
            case "--identity-port":
                options.IdentityPort = Number(65535);
                break;
            case "--credential-lifetime":
                options.MintedCredentialLifetime = TimeSpan.FromSeconds(Number(43200));
                break;
            case "--oidc-token-file":
                oidcTokenFile = Value();
                break;
            case "--region":
                options.RegionId = Value();
                break;
            case "--specs":
                options.SpecFolders.Add(Value());
                break;
            case "--log-capacity":
                var capacityText = Value();
                options.RequestLogCapacity = int.TryParse(capacityText, NumberStyles.None, CultureInfo.InvariantCulture, out var capacity) && capacity > 0
                    ? capacity
                    : throw new ArgumentException($"--log-capacity must be a positive number, not '{capacityText}'.");
                break;
            case "--no-qps":
                options.EnforceQps = false;
                break;
            case "-h":
            case "--help":
                Console.WriteLine("""
                    vodgen-emulator: a local stand-in for the ApsaraVideo VOD API on 127.0.0.1.
                      --port N       port to listen on (0 = any free port; default 0)
                      --storage-port N  port of the storage front upload addresses point at (0 = any free port)
                      --identity-port N port of the identity front: STS, ECS metadata, credentials URI (0 = any free port)
                      --credential-lifetime S  seconds the credentials it mints last (default: as asked, else an hour)
                      --oidc-token-file PATH  write an OIDC token that its STS accepts (for ALIBABA_CLOUD_OIDC_TOKEN_FILE)
                      --region ID    region to emulate (default cn-shanghai)
                      --specs DIR    read more spec files from DIR (may repeat)
                      --no-qps       do not enforce the specs' rate limits
                      --log-capacity N  requests kept in the request log (default 100000)
                    """);
                return 0;
            default:
                throw new ArgumentException($"Unknown option '{args[i]}'; see --help.");
        }
    }

    // Ctrl+C, SIGTERM (a service manager, `kill`) and SIGQUIT all stop it the same way: the signal's default
    // (ending the process at once) is cancelled, the wait below ends, and the emulator is disposed before exit 0.
    // They are registered before anything is printed, so a signal sent as soon as the address shows is handled.
    var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        stop.TrySetResult();
    }

    using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
    using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
    using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);

    await using (var emulator = await VodEmulator.StartAsync(options))
    {
        Console.WriteLine($"VodGen emulator listening on {emulator.Endpoint} (region {emulator.RegionId})");
        Console.WriteLine($"Storage (upload addresses) on {emulator.Storage.Endpoint}");
        Console.WriteLine($"Operations: {string.Join(", ", emulator.Specs.Operations.Keys.Order(StringComparer.Ordinal))}");
        Console.WriteLine($"AccessKeyId: {EmulatorCredential.Default.AccessKeyId}");
        Console.WriteLine($"AccessKeySecret: {EmulatorCredential.Default.AccessKeySecret} (a well-known test key, accepted only here)");
        Console.WriteLine($"Control API: {emulator.Endpoint}_emulator/info (reset, faults, videos; see the README)");
        Console.WriteLine($"Identity: ALIBABA_CLOUD_STS_ENDPOINT={emulator.Identity.Endpoint} VODGEN_ECS_METADATA_ENDPOINT={emulator.Identity.Endpoint} ALIBABA_CLOUD_CREDENTIALS_URI={emulator.Identity.CredentialsUri}");
        if (oidcTokenFile is not null)
        {
            await File.WriteAllTextAsync(oidcTokenFile, emulator.Identity.IssueOidcToken());
            Console.WriteLine($"OIDC token written to {oidcTokenFile}");
        }

        Console.WriteLine("Press Ctrl+C to stop.");
        await stop.Task;
    }

    Console.WriteLine("VodGen emulator stopped.");
    return 0;
}
catch (Exception exception) when (exception is ArgumentException or InvalidDataException or DirectoryNotFoundException or IOException)
{
    Console.Error.WriteLine("vodgen-emulator: " + exception.Message);
    return 2;
}
