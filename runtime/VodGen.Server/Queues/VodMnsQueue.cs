using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen.Server.Queues;

/// <summary>
/// A client of one MNS (Simple Message Queue) queue: long-poll receives and deletes, signed with MNS's signature
/// (HMAC-SHA1, <c>x-mns-version: 2015-06-06</c>) using credentials from any <see cref="IVodCredentialsProvider"/> (the
/// same chain as <c>VodClient</c>; STS tokens go in <c>security-token</c>). Thread-safe. Redirects are never followed.
/// </summary>
public sealed class VodMnsQueue : IDisposable
{
    private const int MaxAnswerBytes = 2 * 1024 * 1024; // 16 messages of 64 KB, escaped, with room to spare
    private static readonly TimeSpan AnswerMargin = TimeSpan.FromSeconds(10);
    private readonly IVodCredentialsProvider _credentials;
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _clock;
    private readonly string _messagesPath;

    /// <summary>A client of <paramref name="queueName"/> at <paramref name="endpoint"/> (<c>https://{account}.mns.{region}.aliyuncs.com</c>; http only on loopback).</summary>
    /// <param name="endpoint">The queue service's endpoint.</param>
    /// <param name="queueName">The queue's name.</param>
    /// <param name="credentials">Where the signing key comes from.</param>
    /// <param name="httpClient">The client to send with (its timeout is not used: each request gets its own); null: one of its own.</param>
    /// <param name="clock">The clock for the <c>Date</c> header and request timeouts.</param>
    /// <exception cref="ArgumentException">The endpoint is not https (or http on loopback), or the queue name is not one.</exception>
    public VodMnsQueue(Uri endpoint, string queueName, IVodCredentialsProvider credentials, HttpClient? httpClient = null, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credentials);
        if (Problem(endpoint, queueName) is { } problem)
        {
            throw new ArgumentException(problem + ".", string.IsNullOrEmpty(queueName) || problem.StartsWith("QueueName", StringComparison.Ordinal) ? nameof(queueName) : nameof(endpoint));
        }

        Endpoint = endpoint;
        QueueName = queueName;
        _credentials = credentials;
        _ownsHttp = httpClient is null;
        _http = httpClient ?? new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) }) { Timeout = Timeout.InfiniteTimeSpan };
        _clock = clock ?? TimeProvider.System;
        _messagesPath = "/queues/" + queueName + "/messages";
    }

    /// <summary>The queue service's endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The queue's name.</summary>
    public string QueueName { get; }

    /// <summary>
    /// Receives up to <paramref name="maxMessages"/> messages (1 to 16), waiting up to <paramref name="wait"/> (0 to 30 s)
    /// for one to arrive; an empty list when none came. Received messages stay hidden for the queue's visibility timeout.
    /// </summary>
    /// <exception cref="VodMnsException">The queue service refused the request or did not answer.</exception>
    /// <exception cref="VodGen.Credentials.VodCredentialsException">No credentials could be had.</exception>
    public async Task<IReadOnlyList<VodMnsMessage>> ReceiveAsync(int maxMessages, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 16);
        if (wait < TimeSpan.Zero || wait > TimeSpan.FromSeconds(30))
        {
            throw new ArgumentOutOfRangeException(nameof(wait), wait, "MNS waits 0 to 30 seconds.");
        }

        var resource = string.Create(CultureInfo.InvariantCulture, $"{_messagesPath}?numOfMessages={maxMessages}&waitseconds={(int)wait.TotalSeconds}");
        var (status, body, _) = await SendAsync(HttpMethod.Get, resource, wait + AnswerMargin, cancellationToken).ConfigureAwait(false);
        if (status == 200)
        {
            return MnsXml.ReadMessages(body);
        }

        var error = MnsXml.ReadError(body);
        if (status == 404 && error.Code == "MessageNotExist")
        {
            return Array.Empty<VodMnsMessage>();
        }

        throw Refused("receive from", status, error);
    }

    /// <summary>
    /// Deletes a handled message. False when its receipt handle no longer deletes it: the visibility timeout passed and
    /// the message is back in the queue (it will be received again) or was deleted already.
    /// </summary>
    /// <exception cref="VodMnsException">The queue service refused the request or did not answer.</exception>
    public async Task<bool> DeleteAsync(VodMnsMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var resource = _messagesPath + "?ReceiptHandle=" + Uri.EscapeDataString(message.ReceiptHandle);
        var (status, body, _) = await SendAsync(HttpMethod.Delete, resource, AnswerMargin, cancellationToken).ConfigureAwait(false);
        if (status is 200 or 204)
        {
            return true;
        }

        var error = MnsXml.ReadError(body);
        return error.Code is "MessageNotExist" or "ReceiptHandleError" && status is 400 or 404
            ? false
            : throw Refused("delete from", status, error);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"VodMnsQueue {{ Endpoint = {Endpoint}, QueueName = {QueueName} }}";

    private async Task<(int Status, byte[] Body, string? RequestId)> SendAsync(HttpMethod method, string resource, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        using var request = new HttpRequestMessage(method, new Uri(Endpoint, resource));
        var date = _clock.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        request.Headers.TryAddWithoutValidation("Date", date);
        request.Headers.TryAddWithoutValidation("x-mns-version", "2015-06-06");
        if (credentials.SecurityToken is { } token)
        {
            request.Headers.TryAddWithoutValidation("security-token", token);
        }

        request.Headers.TryAddWithoutValidation("Authorization", "MNS " + credentials.AccessKeyId + ":" + Sign(credentials.AccessKeySecret, method.Method, date, resource));
        using var limit = new CancellationTokenSource(timeout, _clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var requestId = response.Headers.TryGetValues("x-mns-request-id", out var ids) ? string.Join(",", ids) : null;
            var body = await ReadBoundedAsync(response, linked.Token).ConfigureAwait(false);
            return ((int)response.StatusCode, body, requestId);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VodMnsException($"MNS did not answer within {timeout.TotalSeconds:0} s ({method.Method} {QueueName}).", 0, null, null, exception);
        }
        catch (HttpRequestException exception)
        {
            throw new VodMnsException($"MNS could not be reached at {Endpoint.Host}: {exception.Message}", 0, null, null, exception);
        }
    }

    // MNS's string to sign: VERB, Content-MD5, Content-Type, Date, the x-mns-* headers (lower-case, sorted), the resource.
    internal static string Sign(string secret, string method, string date, string resource)
    {
        var stringToSign = method + "\n\n\n" + date + "\nx-mns-version:2015-06-06\n" + resource;
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(stringToSign)));
    }

    private static async Task<byte[]> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength > MaxAnswerBytes)
        {
            throw new VodMnsException($"The MNS answer is {response.Content.Headers.ContentLength} bytes; at most {MaxAnswerBytes} are read.", (int)response.StatusCode, null, null);
        }

        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxAnswerBytes)
            {
                throw new VodMnsException($"The MNS answer is over {MaxAnswerBytes} bytes; it was not read.", (int)response.StatusCode, null, null);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private VodMnsException Refused(string what, int status, (string? Code, string? Message, string? RequestId) error)
        => new($"MNS refused to {what} queue '{QueueName}': HTTP {status} {error.Code ?? "(no code)"}: {error.Message ?? "(no message)"}", status, error.Code, error.RequestId);

    /// <summary>What makes an endpoint and a queue name unusable, or null: the one check the client and the consumer's options share.</summary>
    internal static string? Problem(Uri? endpoint, string? queueName)
        => endpoint is null || !endpoint.IsAbsoluteUri || !(endpoint.Scheme == Uri.UriSchemeHttps || (endpoint.Scheme == Uri.UriSchemeHttp && endpoint.IsLoopback)) || endpoint.AbsolutePath != "/" || endpoint.Query.Length > 0
            ? $"Endpoint must be the queue service's https root address (http only on loopback); got '{endpoint}'"
            : string.IsNullOrEmpty(queueName) || queueName.Length > 120 || !IsQueueName(queueName)
                ? $"QueueName '{queueName}' is not an MNS queue name: letters, digits and hyphens, starting with a letter, at most 120"
                : null;

    private static bool IsQueueName(string name)
    {
        if (!char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }
}
