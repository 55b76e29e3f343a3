using System.Threading;
using System.Threading.Tasks;

namespace VodGen;

/// <summary>Always returns the same credentials.</summary>
public sealed class StaticCredentialsProvider : IVodCredentialsProvider
{
    private readonly VodCredentials _credentials;

    /// <summary>Uses the given AccessKey pair, and the STS token when there is one.</summary>
    public StaticCredentialsProvider(string accessKeyId, string accessKeySecret, string? securityToken = null)
        => _credentials = new VodCredentials(accessKeyId, accessKeySecret, securityToken);

    /// <inheritdoc/>
    public ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
        => ValueTask.FromResult(_credentials);

    /// <inheritdoc/>
    public override string ToString() => $"StaticCredentialsProvider {{ {_credentials} }}";
}
