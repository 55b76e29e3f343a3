using System;

namespace VodGen.Credentials;

/// <summary>The environment variables the credential sources read (names exact, as Alibaba Cloud's tools use them).</summary>
internal static class CredentialVariables
{
    public const string RoleArn = "ALIBABA_CLOUD_ROLE_ARN";
    public const string OidcProviderArn = "ALIBABA_CLOUD_OIDC_PROVIDER_ARN";
    public const string OidcTokenFile = "ALIBABA_CLOUD_OIDC_TOKEN_FILE";
    public const string RoleSessionName = "ALIBABA_CLOUD_ROLE_SESSION_NAME";
    public const string Profile = "ALIBABA_CLOUD_PROFILE";
    public const string CliProfileDisabled = "ALIBABA_CLOUD_CLI_PROFILE_DISABLED";
    public const string CredentialsFile = "ALIBABA_CLOUD_CREDENTIALS_FILE";
    public const string EcsMetadataDisabled = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";
    public const string EcsRoleName = "ALIBABA_CLOUD_ECS_METADATA";
    public const string ImdsV1Disabled = "ALIBABA_CLOUD_IMDSV1_DISABLED";
    public const string CredentialsUri = "ALIBABA_CLOUD_CREDENTIALS_URI";
    public const string StsEndpoint = "ALIBABA_CLOUD_STS_ENDPOINT";
    public const string StsRegion = "ALIBABA_CLOUD_STS_REGION";
    public const string VpcEndpointEnabled = "ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED";

    /// <summary>VodGen's own: the ECS metadata service's address, for tests and private networks.</summary>
    public const string EcsMetadataEndpoint = "VODGEN_ECS_METADATA_ENDPOINT";

    public static bool IsTrue(string? value) => string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
