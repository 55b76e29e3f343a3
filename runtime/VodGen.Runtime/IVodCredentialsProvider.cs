using System.Threading;
using System.Threading.Tasks;

namespace VodGen;

/// <summary>Supplies the access key used to sign each request. Implementations must be thread-safe.</summary>
public interface IVodCredentialsProvider
{
    /// <summary>Returns the credentials to sign the next request with.</summary>
    ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default);
}
