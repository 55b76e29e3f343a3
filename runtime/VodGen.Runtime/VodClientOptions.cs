using System;

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

    /// <summary>Where access keys come from. When null, <see cref="EnvironmentCredentialsProvider"/> is used.</summary>
    public IVodCredentialsProvider? Credentials { get; set; }

    /// <summary>The signing scheme; <see cref="VodSignatureVersion.V3"/> by default.</summary>
    public VodSignatureVersion SignatureVersion { get; set; } = VodSignatureVersion.V3;

    /// <summary>How long one call may take, from sending to reading the whole answer. 30 seconds by default.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock used for request timestamps; replace it in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(RegionId))
        {
            throw new ArgumentException("VodClientOptions.RegionId must name a region, for example \"cn-shanghai\".", nameof(RegionId));
        }

        if (Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"VodClientOptions.Endpoint must be an absolute http or https URI; '{endpoint}' is not.", nameof(Endpoint));
        }

        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentException("VodClientOptions.Timeout must be positive or Timeout.InfiniteTimeSpan.", nameof(Timeout));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
