using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen.Credentials;

/// <summary>
/// The HTTP client credential sources share: the client's own handler configuration (no redirects: a credential never
/// follows a redirect elsewhere), each request bounded by its own timeout, answers read up to a small cap.
/// </summary>
internal static class CredentialsHttp
{
    // Credential answers are a few hundred bytes; a larger one is not a credential.
    public const int MaxAnswerBytes = 64 * 1024;

    private static readonly Lazy<HttpClient> Shared = new(() => new HttpClient(VodClient.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan });

    public static HttpClient Client => Shared.Value;

    /// <summary>Sends <paramref name="request"/> and reads the answer, all within <paramref name="timeout"/>.</summary>
    public static async Task<(int Status, byte[] Body)> SendAsync(HttpClient client, HttpRequestMessage request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            using var body = await Transport.VodResponseBody.ReadAsync(response, "credentials", MaxAnswerBytes, limit.Token).ConfigureAwait(false);
            return ((int)response.StatusCode, body.Span.ToArray());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"no answer within {timeout.TotalSeconds:0.###} s");
        }
    }
}
