using System;

namespace VodGen.Credentials;

/// <summary>Where and how <see cref="EcsRamRoleCredentialsProvider"/> asks the ECS instance metadata service. Unset values come from the environment.</summary>
public sealed class EcsRamRoleOptions
{
    /// <summary>The RAM role attached to the instance; default <c>ALIBABA_CLOUD_ECS_METADATA</c>, else the one the metadata service names.</summary>
    public string? RoleName { get; set; }

    /// <summary>
    /// The metadata service; default <c>VODGEN_ECS_METADATA_ENDPOINT</c>, else <c>http://100.100.100.200</c>. Another value
    /// is an HTTPS host or, for local testing only, an <c>http://</c> URL on a loopback address.
    /// </summary>
    public string? MetadataEndpoint { get; set; }

    /// <summary>Refuse plain (IMDSv1) requests when the IMDSv2 token cannot be had; default <c>ALIBABA_CLOUD_IMDSV1_DISABLED=true</c>.</summary>
    public bool? DisableImdsV1 { get; set; }

    /// <summary>The limit of each metadata request (default 1 s): off ECS the source gives up quickly.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(1);
}
