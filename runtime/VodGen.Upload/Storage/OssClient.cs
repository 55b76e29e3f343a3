using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using VodGen.Security;

namespace VodGen.Upload.Storage;

/// <summary>A storage answer that succeeded: status, the headers the uploader reads, and a small body.</summary>
internal sealed record OssAnswer(HttpStatusCode Status, string? RequestId, string? ETag, ulong? Crc64, byte[] Body, long? ContentLength = null);

/// <summary>
/// Sends the storage requests an upload needs, signed with the ticket's temporary credential (V4 or V1), path style
/// for an IP or localhost endpoint and virtual-hosted otherwise. Thread-safe.
/// </summary>
internal sealed class OssClient
{
    // Storage answers an upload reads are small XML documents.
    private const int MaxAnswerBytes = 4 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly VodStorageSignatureVersion _version;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _timeout;
    private long _clockOffsetTicks;

    public OssClient(HttpClient http, VodStorageSignatureVersion version, TimeProvider clock, TimeSpan timeout)
    {
        _http = http;
        _version = version;
        _clock = clock;
        _timeout = timeout;
    }

    /// <summary>The storage's clock minus ours, learnt from a RequestTimeTooSkewed answer.</summary>
    public TimeSpan ClockOffset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _clockOffsetTicks));
        set => Interlocked.Exchange(ref _clockOffsetTicks, value.Ticks);
    }

    public DateTimeOffset Now => _clock.GetUtcNow() + ClockOffset;

    /// <summary>The URL of the ticket's object: path style for an IP or localhost endpoint, virtual-hosted otherwise.</summary>
    public static Uri ObjectUri(VodUploadTicket ticket, string query)
    {
        var endpoint = ticket.Endpoint;
        var key = OssEncoding.Path(ticket.Key);
        var pathStyle = endpoint.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || endpoint.IsLoopback;
        var authority = endpoint.IsDefaultPort ? endpoint.Host : endpoint.Host + ":" + endpoint.Port.ToString(CultureInfo.InvariantCulture);
        if (endpoint.HostNameType == UriHostNameType.IPv6)
        {
            authority = endpoint.Authority;
        }

        return pathStyle
            ? new Uri($"{endpoint.Scheme}://{authority}/{OssEncoding.Component(ticket.Bucket)}/{key}{query}")
            : new Uri($"{endpoint.Scheme}://{ticket.Bucket}.{authority}/{key}{query}");
    }

    /// <summary>Sends one request; an error answer is thrown as <see cref="OssStorageError"/>.</summary>
    public async Task<OssAnswer> SendAsync(HttpMethod method, VodUploadTicket ticket, OssSignedRequest request, HttpContent? content, CancellationToken cancellationToken)
    {
        var credentials = ticket.Credentials;
        var now = Now;
        if (credentials.SecurityToken is { } token)
        {
            request.With("x-oss-security-token", token);
        }

        string authorization;
        if (_version == VodStorageSignatureVersion.V4)
        {
            request.With("x-oss-date", OssSignatureV4.DateTime(now)).With("x-oss-content-sha256", OssSignatureV4.UnsignedPayload);
            authorization = OssSignatureV4.Authorization(method.Method, request, ticket.Region ?? "cn-shanghai", credentials.AccessKeyId, credentials.AccessKeySecret);
        }
        else
        {
            request.With("date", now.ToString("r", CultureInfo.InvariantCulture));
            authorization = OssSignatureV1.Authorization(method.Method, request, credentials.AccessKeyId, credentials.AccessKeySecret);
        }

        var target = ObjectUri(ticket, request.QueryString());
        using var message = new HttpRequestMessage(method, target) { Content = content };
        foreach (var (name, value) in request.Headers)
        {
            if (name == "content-type")
            {
                message.Content!.Headers.ContentType = MediaTypeHeaderValue.Parse(value);
            }
            else if (name == "content-md5")
            {
                message.Content!.Headers.TryAddWithoutValidation("Content-MD5", value);
            }
            else
            {
                message.Headers.TryAddWithoutValidation(name, value);
            }
        }

        message.Headers.TryAddWithoutValidation("Authorization", authorization);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var body = await ReadAsync(response, timeout.Token).ConfigureAwait(false);
            var requestId = Header(response, "x-oss-request-id");
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                throw new OssStorageError(response.StatusCode, "Redirect", "the storage answered with a redirect, which is never followed", requestId, response.Headers.Date);
            }

            // A caller's HttpClient may follow redirects by itself: then this answer is another host's, and whatever
            // it says, the storage did not store anything. Never taken for success.
            if (response.RequestMessage?.RequestUri is { } answered && answered != target)
            {
                throw new OssStorageError(
                    response.StatusCode,
                    "Redirect",
                    $"the HttpClient followed a redirect to {answered.GetLeftPart(UriPartial.Authority)}; give VodUploadOptions an HttpClient whose handler has AllowAutoRedirect = false",
                    requestId,
                    response.Headers.Date);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw Error(response, body, requestId, credentials);
            }

            var crc = ulong.TryParse(Header(response, "x-oss-hash-crc64ecma"), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : (ulong?)null;
            return new OssAnswer(response.StatusCode, requestId, response.Headers.ETag?.Tag ?? Header(response, "ETag"), crc, body, response.Content.Headers.ContentLength);
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The storage did not answer within {_timeout.TotalSeconds:0.###} s.", exception);
        }
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static OssStorageError Error(HttpResponseMessage response, byte[] body, string? requestId, VodCredentials credentials)
    {
        var redactor = VodSecretRedactor.For(credentials);
        string code = "HTTP" + ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        string message = response.ReasonPhrase ?? string.Empty;
        try
        {
            var leaves = OssXml.Leaves(body);
            code = OssXml.First(leaves, "Code") ?? code;
            message = OssXml.First(leaves, "Message") ?? message;
            requestId ??= OssXml.First(leaves, "RequestId");
        }
        catch (System.Xml.XmlException)
        {
            // Not an error document (a proxy's page): the status says enough.
        }

        return new OssStorageError(response.StatusCode, redactor.Redact(code)!, redactor.Redact(message)!, redactor.Redact(requestId), response.Headers.Date);
    }

    // The runtime's capped, pooled reader: an endless or huge answer is cut off at the limit.
    private static async Task<byte[]> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        using var body = await VodGen.Transport.VodResponseBody.ReadAsync(response, "the storage request", MaxAnswerBytes, cancellationToken).ConfigureAwait(false);
        return body.Span.ToArray();
    }
}
