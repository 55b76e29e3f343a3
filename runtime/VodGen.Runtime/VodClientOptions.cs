using System;
using System.Linq;
using VodGen.Throttling;

namespace VodGen;

/// <summary>Settings of a <see cref="VodClient"/>. The client copies them when it is created.</summary>
public sealed class VodClientOptions
{
    /// <summary>The region whose endpoint the client calls, for example <c>cn-shanghai</c> (the default).</summary>
    public string RegionId { get; set; } = "cn-shanghai";

    /// <summary>
    /// An endpoint that replaces the regional one, such as <c>http://127.0.0.1:5080</c> for a local emulator.
    /// When it is null the client calls <c>https://</c> the region's endpoint from the spec.
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>
    /// Whether a <see cref="RegionId"/> that the operation's spec does not list may be called anyway, at
    /// <c>{product}.{region}.aliyuncs.com</c>. False by default: a region the spec does not list (a typo such as
    /// <c>cn-shangai</c>) fails before anything is sent, with the listed regions and the nearest one. Not needed
    /// with <see cref="Endpoint"/>, or for a spec that lists no region.
    /// </summary>
    public bool AllowUnlistedRegions { get; set; }

    /// <summary>Where access keys come from. When null, <see cref="DefaultCredentialsChain"/> is used (environment, RRSA, CLI profile, credentials file, ECS RAM role, credentials URI; see docs/credentials.md).</summary>
    public IVodCredentialsProvider? Credentials { get; set; }

    /// <summary>The signing scheme; <see cref="VodSignatureVersion.V3"/> by default.</summary>
    public VodSignatureVersion SignatureVersion { get; set; } = VodSignatureVersion.V3;

    /// <summary>How long one attempt may take, from sending to reading the whole answer. 30 seconds by default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest answer body read, in bytes; a larger one fails with <see cref="VodResponseTooLargeException"/> and is
    /// not retried. 4 MiB by default, far above any RPC answer of the service (a 100-item page is a few hundred KB).
    /// </summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>The default of <see cref="MaxResponseBytes"/>: 4 MiB.</summary>
    public const int DefaultMaxResponseBytes = 4 * 1024 * 1024;

    /// <summary>Client-side rate limiting per AccessKey and operation; waits by default.</summary>
    public VodThrottlingOptions Throttling { get; set; } = new();

    /// <summary>Retries of throttled, failed and timed-out calls.</summary>
    public VodRetryOptions Retry { get; set; } = new();

    /// <summary>Where the client logs calls, retries and rate-limit waits (never secrets). None by default.</summary>
    public Microsoft.Extensions.Logging.ILogger? Logger { get; set; }

    /// <summary>The clock used for request timestamps; replace it in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks every setting; <see cref="VodClient"/> does this when it is created.</summary>
    /// <exception cref="ArgumentException">A setting is not valid; <see cref="ArgumentException.ParamName"/> names it.</exception>
    public void Validate()
    {
        // The region becomes part of a host name, so only its characters are allowed.
        if (string.IsNullOrWhiteSpace(RegionId) || !RegionId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            throw new ArgumentException($"VodClientOptions.RegionId must name a region such as \"cn-shanghai\" (lower-case letters, digits and dashes); '{RegionId}' is not one.", nameof(RegionId));
        }

        if (Endpoint is { } endpoint)
        {
            if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"VodClientOptions.Endpoint must be an absolute http or https URI; '{endpoint}' is not.", nameof(Endpoint));
            }

            // RPC calls are signed for the path "/", so an endpoint with another path could never be signed right.
            if (endpoint.AbsolutePath != "/" || endpoint.Query.Length > 0)
            {
                throw new ArgumentException($"VodClientOptions.Endpoint must be a scheme, host and optional port only (path \"/\"); '{endpoint}' has a path or query.", nameof(Endpoint));
            }
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("VodClientOptions.Timeout must be positive or Timeout.InfiniteTimeSpan.", nameof(Timeout));
        }

        if (MaxResponseBytes is < 1024 or > 1024 * 1024 * 1024)
        {
            throw new ArgumentException($"VodClientOptions.MaxResponseBytes must be from 1 KiB to 1 GiB; {MaxResponseBytes} is not.", nameof(MaxResponseBytes));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        ArgumentNullException.ThrowIfNull(Throttling, nameof(Throttling));
        ArgumentNullException.ThrowIfNull(Retry, nameof(Retry));
        Throttling.Validate();
        Retry.Validate();
    }
}
