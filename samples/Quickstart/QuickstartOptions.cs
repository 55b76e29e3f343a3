namespace Quickstart;

/// <summary>Command-line options: where to send the calls.</summary>
internal sealed record QuickstartOptions(Uri? Endpoint, string? Region, bool Help, Uri? MnsEndpoint = null, string? MnsQueue = null, string? UrlAuthenticationKey = null)
{
    public const string Usage = """
        Usage: dotnet run --project samples/Quickstart [-- options]
          (no options)     run against an emulator started inside this process
          --endpoint URL   use the VOD API (or an emulator) at URL, e.g. http://127.0.0.1:5080
          --region ID      with ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET set: call the real service in region ID
          --mns-endpoint URL --mns-queue NAME
                           the MNS queue the account's event notifications already go to (read, never configured);
                           without them the flow polls GetVideoInfo
          --url-auth-key KEY
                           the playback domain's URL authentication key: shows unsigned and expired URLs refused
        """;

    public static QuickstartOptions Parse(string[] args)
    {
        Uri? endpoint = null, mnsEndpoint = null;
        string? region = null, mnsQueue = null, urlKey = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--endpoint":
                    var text = Value();
                    endpoint = Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                        ? uri
                        : throw new ArgumentException($"--endpoint must be an http or https URL, not '{text}'.");
                    break;
                case "--region":
                    region = Value();
                    break;
                case "--mns-endpoint":
                    var mns = Value();
                    mnsEndpoint = Uri.TryCreate(mns, UriKind.Absolute, out var mnsUri) && mnsUri.Scheme is "http" or "https"
                        ? mnsUri
                        : throw new ArgumentException($"--mns-endpoint must be an http or https URL, not '{mns}'.");
                    break;
                case "--mns-queue":
                    mnsQueue = Value();
                    break;
                case "--url-auth-key":
                    urlKey = Value();
                    break;
                case "-h" or "--help":
                    return new QuickstartOptions(null, null, Help: true);
                default:
                    throw new ArgumentException($"Unknown option '{args[i]}'.");
            }
        }

        if ((mnsEndpoint is null) != (mnsQueue is null))
        {
            throw new ArgumentException("--mns-endpoint and --mns-queue go together.");
        }

        return new QuickstartOptions(endpoint, region, Help: false, mnsEndpoint, mnsQueue, urlKey);
    }
}
