using System;
using System.Collections.Generic;
using VodGen.Throttling;

namespace VodGen;

/// <summary>
/// The configuration section (<c>Vod</c> by default) bound to <see cref="VodClientOptions"/>. Only plain values live
/// in configuration: which credential source to use and where it is, never a secret; loggers and limiters come from
/// code or the container.
/// </summary>
public sealed class VodClientSettings
{
    /// <summary>See <see cref="VodClientOptions.RegionId"/>.</summary>
    public string? RegionId { get; set; }

    /// <summary>See <see cref="VodClientOptions.Endpoint"/>.</summary>
    public string? Endpoint { get; set; }

    /// <summary>See <see cref="VodClientOptions.SignatureVersion"/>.</summary>
    public VodSignatureVersion? SignatureVersion { get; set; }

    /// <summary>See <see cref="VodClientOptions.Timeout"/>.</summary>
    public TimeSpan? Timeout { get; set; }

    /// <summary>See <see cref="VodClientOptions.MaxResponseBytes"/>.</summary>
    public int? MaxResponseBytes { get; set; }

    /// <summary>See <see cref="VodClientOptions.AllowUnlistedRegions"/>.</summary>
    public bool? AllowUnlistedRegions { get; set; }

    /// <summary>See <see cref="VodClientOptions.Throttling"/>.</summary>
    public ThrottlingSettings Throttling { get; set; } = new();

    /// <summary>See <see cref="VodClientOptions.Retry"/>.</summary>
    public RetrySettings Retry { get; set; } = new();

    /// <summary>Which credential source the client uses (see <see cref="VodClientOptions.Credentials"/>); unset: the default chain.</summary>
    public CredentialsSettings Credentials { get; set; } = new();

    /// <summary>The throttling part of the section.</summary>
    public sealed class ThrottlingSettings
    {
        /// <summary>See <see cref="VodThrottlingOptions.Mode"/>.</summary>
        public VodThrottlingMode? Mode { get; set; }

        /// <summary>See <see cref="VodThrottlingOptions.QueueLimit"/>.</summary>
        public int? QueueLimit { get; set; }

        /// <summary>See <see cref="VodThrottlingOptions.MaxWait"/>.</summary>
        public TimeSpan? MaxWait { get; set; }

        /// <summary>See <see cref="VodThrottlingOptions.Headroom"/>.</summary>
        public double? Headroom { get; set; }

        /// <summary>See <see cref="VodThrottlingOptions.Limits"/>.</summary>
        public Dictionary<string, int> Limits { get; set; } = new(StringComparer.Ordinal);
    }

    /// <summary>The retry part of the section.</summary>
    public sealed class RetrySettings
    {
        /// <summary>See <see cref="VodRetryOptions.MaxRetryAttempts"/>.</summary>
        public int? MaxRetryAttempts { get; set; }

        /// <summary>See <see cref="VodRetryOptions.BaseDelay"/>.</summary>
        public TimeSpan? BaseDelay { get; set; }

        /// <summary>See <see cref="VodRetryOptions.MaxDelay"/>.</summary>
        public TimeSpan? MaxDelay { get; set; }
    }

    /// <summary>
    /// The credentials part of the section: a <see cref="Source"/> and what it needs. Secrets never belong here: an
    /// AccessKey comes from the environment, a role's source key from the default chain.
    /// </summary>
    public sealed class CredentialsSettings
    {
        /// <summary>The source; unset or <see cref="VodCredentialSourceKind.Default"/>: the default chain.</summary>
        public VodCredentialSourceKind? Source { get; set; }

        /// <summary>CliProfile, CredentialsFile: the profile or section.</summary>
        public string? Profile { get; set; }

        /// <summary>CliProfile, CredentialsFile: the file, when not the usual one.</summary>
        public string? Path { get; set; }

        /// <summary>EcsRamRole: the role (default: discovered).</summary>
        public string? RoleName { get; set; }

        /// <summary>EcsRamRole: the metadata service (see <see cref="global::VodGen.Credentials.EcsRamRoleOptions.MetadataEndpoint"/>).</summary>
        public string? MetadataEndpoint { get; set; }

        /// <summary>OidcRole, RamRoleArn: the role to assume.</summary>
        public string? RoleArn { get; set; }

        /// <summary>OidcRole: the OIDC provider.</summary>
        public string? OidcProviderArn { get; set; }

        /// <summary>OidcRole: the token file.</summary>
        public string? OidcTokenFile { get; set; }

        /// <summary>OidcRole, RamRoleArn: the session's name.</summary>
        public string? RoleSessionName { get; set; }

        /// <summary>OidcRole, RamRoleArn: the session's length in seconds (at least 900).</summary>
        public int? DurationSeconds { get; set; }

        /// <summary>OidcRole, RamRoleArn: a policy narrowing the session.</summary>
        public string? Policy { get; set; }

        /// <summary>RamRoleArn: the external ID the role's trust policy requires.</summary>
        public string? ExternalId { get; set; }

        /// <summary>OidcRole, RamRoleArn: STS's address (see <see cref="global::VodGen.Credentials.StsRoleOptions.StsEndpoint"/>).</summary>
        public string? StsEndpoint { get; set; }

        /// <summary>OidcRole, RamRoleArn: the region whose STS endpoint to use.</summary>
        public string? StsRegion { get; set; }

        /// <summary>CredentialsUri: the URL.</summary>
        public string? Uri { get; set; }

        /// <summary>The provider these settings describe, or null when no source is set.</summary>
        /// <exception cref="ArgumentException">A value the source needs is missing or wrong; the message names its configuration key.</exception>
        public IVodCredentialsProvider? CreateProvider()
        {
            try
            {
                return Source switch
                {
                    null => null,
                    VodCredentialSourceKind.Default => new DefaultCredentialsChain(),
                    VodCredentialSourceKind.Environment => new EnvironmentCredentialsProvider(),
                    VodCredentialSourceKind.CliProfile => new CliProfileCredentialsProvider(Path, Profile),
                    VodCredentialSourceKind.CredentialsFile => new IniFileCredentialsProvider(Path, Profile),
                    VodCredentialSourceKind.EcsRamRole => new global::VodGen.Credentials.EcsRamRoleCredentialsProvider(new global::VodGen.Credentials.EcsRamRoleOptions { RoleName = RoleName, MetadataEndpoint = MetadataEndpoint }),
                    VodCredentialSourceKind.OidcRole => new global::VodGen.Credentials.OidcRoleCredentialsProvider(Role(new global::VodGen.Credentials.OidcRoleOptions { OidcProviderArn = OidcProviderArn, OidcTokenFile = OidcTokenFile })),
                    VodCredentialSourceKind.RamRoleArn => new global::VodGen.Credentials.RamRoleArnCredentialsProvider(new DefaultCredentialsChain(), Role(new global::VodGen.Credentials.RamRoleArnOptions { ExternalId = ExternalId })),
                    VodCredentialSourceKind.CredentialsUri => new global::VodGen.Credentials.CredentialsUriProvider(Uri ?? throw new ArgumentException("Uri is required.")),
                    _ => throw new ArgumentException($"Source '{Source}' is not known."),
                };
            }
            catch (ArgumentException exception)
            {
                // The options classes name their own properties; the user wrote configuration keys.
                var detail = exception.Message.Split(" (Parameter", 2)[0]
                    .Replace("OidcRoleOptions.", "Vod:Credentials:", StringComparison.Ordinal)
                    .Replace("RamRoleArnOptions.", "Vod:Credentials:", StringComparison.Ordinal);
                throw new ArgumentException($"Vod:Credentials (Source {Source}): {detail}", exception);
            }
        }

        private T Role<T>(T options)
            where T : global::VodGen.Credentials.StsRoleOptions
        {
            options.RoleArn = RoleArn;
            options.RoleSessionName = RoleSessionName;
            options.DurationSeconds = DurationSeconds ?? options.DurationSeconds;
            options.Policy = Policy;
            options.StsEndpoint = StsEndpoint;
            options.StsRegion = StsRegion;
            return options;
        }
    }

    /// <summary>Copies the values that are set onto <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentException">Endpoint is not an absolute URI, or a credential source lacks what it needs.</exception>
    public void ApplyTo(VodClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Credentials = Credentials.CreateProvider() ?? options.Credentials;
        options.RegionId = RegionId ?? options.RegionId;
        if (!string.IsNullOrWhiteSpace(Endpoint))
        {
            options.Endpoint = Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint)
                ? endpoint
                : throw new ArgumentException($"Vod:Endpoint must be an absolute URI; '{Endpoint}' is not.", nameof(Endpoint));
        }

        options.SignatureVersion = SignatureVersion ?? options.SignatureVersion;
        options.AllowUnlistedRegions = AllowUnlistedRegions ?? options.AllowUnlistedRegions;
        options.Timeout = Timeout ?? options.Timeout;
        options.MaxResponseBytes = MaxResponseBytes ?? options.MaxResponseBytes;
        options.Throttling.Mode = Throttling.Mode ?? options.Throttling.Mode;
        options.Throttling.QueueLimit = Throttling.QueueLimit ?? options.Throttling.QueueLimit;
        options.Throttling.MaxWait = Throttling.MaxWait ?? options.Throttling.MaxWait;
        options.Throttling.Headroom = Throttling.Headroom ?? options.Throttling.Headroom;
        foreach (var (action, limit) in Throttling.Limits)
        {
            options.Throttling.Limits[action] = limit;
        }

        options.Retry.MaxRetryAttempts = Retry.MaxRetryAttempts ?? options.Retry.MaxRetryAttempts;
        options.Retry.BaseDelay = Retry.BaseDelay ?? options.Retry.BaseDelay;
        options.Retry.MaxDelay = Retry.MaxDelay ?? options.Retry.MaxDelay;
    }
}
