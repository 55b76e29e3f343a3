namespace VodGen;

/// <summary>The credential sources the <c>Vod:Credentials:Source</c> configuration key can name.</summary>
public enum VodCredentialSourceKind
{
    /// <summary>The default chain (environment, RRSA, CLI profile, credentials file, ECS RAM role, credentials URI).</summary>
    Default,

    /// <summary>The <c>ALIBABA_CLOUD_ACCESS_KEY_ID</c> variables.</summary>
    Environment,

    /// <summary>A profile of the CLI's <c>config.json</c>, in any mode.</summary>
    CliProfile,

    /// <summary>A section of <c>~/.alibabacloud/credentials</c>.</summary>
    CredentialsFile,

    /// <summary>The ECS instance's RAM role.</summary>
    EcsRamRole,

    /// <summary>A role assumed with an OIDC token (RRSA).</summary>
    OidcRole,

    /// <summary>A role assumed (AssumeRole) with the default chain's credentials.</summary>
    RamRoleArn,

    /// <summary>A credentials URI.</summary>
    CredentialsUri,
}
