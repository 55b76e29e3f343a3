using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace VodGen.Credentials;

/// <summary>
/// Credentials served at a URL (<c>ALIBABA_CLOUD_CREDENTIALS_URI</c>): a <c>GET</c> answered with JSON holding
/// <c>AccessKeyId</c>, <c>AccessKeySecret</c>, <c>SecurityToken</c> and <c>Expiration</c>, with or without
/// <c>"Code": "Success"</c>. HTTPS, or plain HTTP only on a loopback address. Refreshed by the shared cache.
/// </summary>
public sealed class CredentialsUriProvider : RefreshingCredentialsProvider
{
    private readonly Uri _uri;
    private readonly HttpClient _http;
    private readonly TimeSpan _timeout;

    /// <summary>Reads credentials from <paramref name="uri"/>, each request limited to <paramref name="timeout"/> (default 5 s).</summary>
    public CredentialsUriProvider(string uri, TimeSpan? timeout = null, TimeProvider? clock = null, ILogger? logger = null)
        : this(uri, timeout, clock, logger, null)
    {
    }

    internal CredentialsUriProvider(string uri, TimeSpan? timeout, TimeProvider? clock, ILogger? logger, HttpClient? http)
        : base(clock, logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(uri);
        _uri = CredentialEndpoint.ParseUrl(uri, "the credentials URI");
        _timeout = timeout ?? TimeSpan.FromSeconds(5);
        _http = http ?? CredentialsHttp.Client;
    }

    // The path and query may hold a token of their own: only the address is named.
    /// <inheritdoc/>
    protected override string SourceDescription => $"credentials URI at {_uri.GetLeftPart(UriPartial.Authority)}";

    /// <inheritdoc/>
    protected override async ValueTask<VodTemporaryCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _uri);
        (int Status, byte[] Body) answer;
        try
        {
            answer = await CredentialsHttp.SendAsync(_http, request, _timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or IOException or VodException)
        {
            throw new VodCredentialsException(SourceDescription, $"No credentials from {SourceDescription}: it could not be reached ({exception.Message}).", exception);
        }

        return answer.Status == 200
            ? CredentialAnswer.Read(answer.Body, SourceDescription, container: null, codeRequired: false)
            : throw new VodCredentialsException(SourceDescription, $"No credentials from {SourceDescription}: it answered HTTP {answer.Status}.");
    }
}
