namespace VodGen;

/// <summary>
/// A credentials provider that can tell, without throwing, whether it has credentials and, if not, why; the
/// default chain uses this to try the next one and to explain what it tried.
/// </summary>
public interface IVodCredentialSource : IVodCredentialsProvider
{
    /// <summary>Credentials, or null with a short reason (never a secret) when this source has none.</summary>
    VodCredentials? TryResolve(out string reason);
}
