namespace VodGen.Credentials;

/// <summary>
/// A role assumed with an OIDC token (RRSA on ACK). Unset values come from the environment variables ACK's RRSA
/// webhook sets: <c>ALIBABA_CLOUD_ROLE_ARN</c>, <c>ALIBABA_CLOUD_OIDC_PROVIDER_ARN</c>, <c>ALIBABA_CLOUD_OIDC_TOKEN_FILE</c>.
/// </summary>
public sealed class OidcRoleOptions : StsRoleOptions
{
    /// <summary>The OIDC identity provider registered in RAM, <c>acs:ram::&lt;account&gt;:oidc-provider/&lt;name&gt;</c>.</summary>
    public string? OidcProviderArn { get; set; }

    /// <summary>The file holding the OIDC token; read again at every refresh, because ACK rotates it.</summary>
    public string? OidcTokenFile { get; set; }
}
