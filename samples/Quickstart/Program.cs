using Quickstart;
using VodGen;
using VodGen.Emulator;
using VodGen.Vod;

// What a VOD integration does, through the generated client: upload a file (CreateUploadVideo, the storage upload,
// RefreshUploadVideo when the credential expires) → its events from an MNS queue until it is transcoded → GetVideoInfo
// → GetVideoListItemsAsync → GetPlayInfo, with signed, unsigned and expired URLs tried → DeleteVideo → a typed error.
const string EmulatorQueue = "vodgen-quickstart";
const string EmulatorUrlKey = "QuickstartUrlKey1";
QuickstartOptions options;
try
{
    options = QuickstartOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(QuickstartOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(QuickstartOptions.Usage);
    return 0;
}

var environment = new EnvironmentCredentialsProvider();
var useRealService = options.Endpoint is null && options.Region is not null && environment.IsConfigured;
VodEmulator? emulator = null;
VodClientOptions clientOptions;
if (useRealService)
{
    clientOptions = new VodClientOptions { RegionId = options.Region!, Credentials = environment };
    Console.WriteLine($"Calling ApsaraVideo VOD in {options.Region} with the credentials from the environment.");
}
else if (options.Endpoint is not null)
{
    // An emulator elsewhere accepts its well-known key; credentials set in the environment win: an AccessKey, or an
    // RRSA role (as on ACK), which the default chain assumes through the STS that ALIBABA_CLOUD_STS_ENDPOINT names.
    var rrsa = new[] { "ALIBABA_CLOUD_ROLE_ARN", "ALIBABA_CLOUD_OIDC_PROVIDER_ARN", "ALIBABA_CLOUD_OIDC_TOKEN_FILE" }.All(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v)));
    IVodCredentialsProvider credentials = environment.IsConfigured ? environment : rrsa ? new DefaultCredentialsChain() : WellKnown();
    clientOptions = new VodClientOptions { Endpoint = options.Endpoint, Credentials = credentials, RegionId = options.Region ?? "cn-shanghai" };
    Console.WriteLine($"Calling {options.Endpoint}{(rrsa && !environment.IsConfigured ? $" with the RRSA role {Environment.GetEnvironmentVariable("ALIBABA_CLOUD_ROLE_ARN")}" : string.Empty)}.");
}
else
{
    if (options.Region is not null)
    {
        Console.WriteLine("--region needs ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET; using the local emulator instead.");
    }

    emulator = await VodEmulator.StartAsync();
    clientOptions = new VodClientOptions { Endpoint = emulator.Endpoint, Credentials = WellKnown() };
    Console.WriteLine($"Started the local VOD emulator at {emulator.Endpoint}.");

    // The emulator stands for the account's MNS queue and its playback domain (URL authentication on) too.
    emulator.Queues.CreateQueue(EmulatorQueue);
    emulator.Playback.UseUrlAuthentication(EmulatorUrlKey);
}

// Events come from an MNS queue: the emulator's, or on a real account the one its event notifications already use.
var mnsEndpoint = emulator?.Endpoint ?? options.MnsEndpoint;
var mnsQueue = emulator is not null ? EmulatorQueue : options.MnsQueue;
using var events = mnsEndpoint is not null && mnsQueue is not null ? new VodGen.Server.Queues.VodMnsQueue(mnsEndpoint, mnsQueue, clientOptions.Credentials ?? new DefaultCredentialsChain()) : null;
var setup = new FlowSetup(events, ConfigureCallback: emulator is not null, emulator is not null ? EmulatorUrlKey : options.UrlAuthenticationKey, emulator is null ? TimeSpan.FromMinutes(2) : TimeSpan.FromSeconds(30));

try
{
    using var client = new VodClient(clientOptions);

    // Against the emulator, the upload credential expires after two parts, so the renewal shows.
    emulator?.Storage.ExpireCredentialsAfterParts(2);
    await UploadFlow.RunAsync(client, Console.Out, setup);
    return 0;
}
catch (VodException e)
{
    Console.Error.WriteLine($"The call failed: {e.Message}");
    return 1;
}
finally
{
    if (emulator is not null)
    {
        await emulator.DisposeAsync();
    }
}

static StaticCredentialsProvider WellKnown()
    => new(EmulatorCredential.Default.AccessKeyId, EmulatorCredential.Default.AccessKeySecret);
