namespace VodGen.Credentials;

/// <summary>A role assumed with another credential (AssumeRole), for example a role of another account.</summary>
public sealed class RamRoleArnOptions : StsRoleOptions
{
    /// <summary>The external ID the role's trust policy may require (for roles that third parties assume), or null.</summary>
    public string? ExternalId { get; set; }
}
