using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using VodGen.Pipeline;
using VodGen.GeneratedCode;

namespace VodGen;

/// <summary>
/// Sends VOD operations. Generated extension methods (such as <c>RefreshUploadVideoAsync</c>) call
/// <see cref="SendAsync{TRequest, TResponse}"/>. Thread-safe: create one per application and share it.
/// </summary>
public sealed class VodClient : IDisposable
{
    private readonly VodPipeline _pipeline;
    private volatile bool _disposed;

    /// <summary>
    /// Creates a client. An <paramref name="httpClient"/> given here is used as is and not disposed by the client; its
    /// handler must not follow redirects (see <see cref="CreateHandler"/>). An answer that comes from elsewhere is
    /// refused, but by then a redirect-following handler has already sent the signed request, and with STS
    /// credentials the token, to the other address.
    /// </summary>
    /// <exception cref="ArgumentException">An option is not valid; the message names it.</exception>
    public VodClient(VodClientOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        RegionId = options.RegionId;
        SignatureVersion = options.SignatureVersion;

        // The pipeline keeps copies: options changed after the client is built (a limit, a delay) change nothing in it.
        _pipeline = new VodPipeline(options, httpClient);
    }

    /// <summary>
    /// The handler VodClient uses when it creates its own HttpClient; give one like it to an HttpClient you pass in.
    /// Redirects are not followed: they would carry the signed request and the STS token to another address.
    /// </summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>The region the client calls.</summary>
    public string RegionId { get; }

    /// <summary>The signing scheme in use.</summary>
    public VodSignatureVersion SignatureVersion { get; }

    /// <summary>
    /// Validates <paramref name="request"/>, then for each attempt: waits for a permit under the operation's rate
    /// limit, signs (new nonce and timestamp), sends and reads the answer. Retryable failures are retried.
    /// </summary>
    /// <exception cref="ArgumentException">The request breaks its spec; nothing was sent.</exception>
    /// <exception cref="VodServiceException">The service answered with an error code.</exception>
    /// <exception cref="VodProtocolException">The answer could not be understood.</exception>
    /// <exception cref="VodThrottledException">The client held the call back to respect the rate limit.</exception>
    /// <exception cref="VodUnreachableException">The service could not be reached, or did not answer in time, on every attempt.</exception>
    /// <exception cref="VodRegionNotListedException">The spec does not list the client's region; nothing was sent.</exception>
    /// <exception cref="VodOutcomeUnknownException">An operation that is not idempotent lost its answer after it was sent; it was not repeated.</exception>
    /// <exception cref="VodResponseTooLargeException">The answer was larger than <see cref="VodClientOptions.MaxResponseBytes"/>.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public Task<TResponse> SendAsync<TRequest, TResponse>(VodOperation<TRequest, TResponse> operation, TRequest request, CancellationToken cancellationToken = default)
        where TRequest : class
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(request);
        operation.Validate(request);
        return _pipeline.SendAsync(new VodMessage<TRequest, TResponse>(operation, request, cancellationToken));
    }

    /// <summary>Disposes the HttpClient if the client created it, and the local rate limiters.</summary>
    public void Dispose()
    {
        _disposed = true;
        _pipeline.Dispose();
    }
}
