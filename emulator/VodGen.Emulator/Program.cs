using System.Globalization;
using VodGen.Emulator;

// Standalone emulator: dotnet run --project emulator/VodGen.Emulator -- --port 5080
var options = new VodEmulatorOptions();
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
        switch (args[i])
        {
            case "--port":
                var portText = Value();
                options.Port = int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
                    ? port
                    : throw new ArgumentException($"--port must be a number from 0 to 65535, not '{portText}'.");
                break;
            case "--region":
                options.RegionId = Value();
                break;
            case "--specs":
                options.SpecFolders.Add(Value());
                break;
            case "--no-qps":
                options.EnforceQps = false;
                break;
            case "-h":
            case "--help":
                Console.WriteLine("""
                    VodGen emulator: a local stand-in for the ApsaraVideo VOD API on 127.0.0.1.
                      --port N       port to listen on (0 = any free port; default 0)
                      --region ID    region to emulate (default cn-shanghai)
                      --specs DIR    read more spec files from DIR (may repeat)
                      --no-qps       do not enforce the specs' rate limits
                    """);
                return 0;
            default:
                throw new ArgumentException($"Unknown option '{args[i]}'; see --help.");
        }
    }

    await using var emulator = await VodEmulator.StartAsync(options);
    Console.WriteLine($"VodGen emulator listening on {emulator.Endpoint} (region {emulator.RegionId})");
    Console.WriteLine($"Operations: {string.Join(", ", emulator.Specs.Operations.Keys.Order(StringComparer.Ordinal))}");
    Console.WriteLine($"Accepted AccessKeyId: {EmulatorCredential.Default.AccessKeyId} (its secret is EmulatorCredential.Default, see the README)");
    Console.WriteLine("Press Ctrl+C to stop.");

    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
    }

    return 0;
}
catch (Exception exception) when (exception is ArgumentException or InvalidDataException or DirectoryNotFoundException or IOException)
{
    Console.Error.WriteLine("vodgen-emulator: " + exception.Message);
    return 2;
}
