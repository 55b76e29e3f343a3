using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using VodGen.Signing;

namespace VodGen.Transport;

/// <summary>
/// Turns a request into a signed <see cref="HttpRequestMessage"/>: the generated code writes the canonical
/// query, the signer of the chosen version signs it, and the result is placed in the query, form body or headers.
/// </summary>
public static class VodRequestFactory
{
    // The endpoint roots a process talks to are few; parsing them once saves a Uri per request.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> BaseUris = new(StringComparer.Ordinal);

    private static readonly MediaTypeWithQualityHeaderValue JsonMediaType = new("application/json");
    private static readonly MediaTypeHeaderValue FormContentType = new("application/x-www-form-urlencoded") { CharSet = "utf-8" };

    /// <summary>Builds the signed message for <paramref name="request"/>; <paramref name="baseUri"/> is the endpoint root (<c>scheme://host[:port]/</c>).</summary>
    public static HttpRequestMessage Create<TRequest, TResponse>(
        VodOperation<TRequest, TResponse> operation,
        TRequest request,
        VodRequestStamp stamp,
        VodSignatureVersion version,
        string baseUri)
        where TRequest : class
    {
        var message = version == VodSignatureVersion.V1
            ? CreateV1(operation, request, stamp, baseUri)
            : CreateV3(operation, request, stamp, baseUri);

        // V1 asks for JSON with Format=JSON; V3 has no Format parameter and says so in Accept.
        if (version == VodSignatureVersion.V3)
        {
            message.Headers.Accept.Add(JsonMediaType);
        }

        return message;
    }

    private static HttpRequestMessage CreateV1<TRequest, TResponse>(VodOperation<TRequest, TResponse> operation, TRequest request, VodRequestStamp stamp, string baseUri)
        where TRequest : class
    {
        var isGet = operation.Info.Method == VodHttpMethod.Get;
        var writer = new VodQueryWriter(stamp);
        try
        {
            operation.WriteParameters(request, ref writer);
            Span<byte> signature = stackalloc byte[VodSignatureV1.SignatureLength];
            VodSignatureV1.Sign(isGet ? "GET"u8 : "POST"u8, writer.Written, stamp.Credentials.V1Key, signature);

            // The signature is appended after signing: "&Signature=" + its percent-encoded Base64.
            Span<byte> encodedSignature = stackalloc byte[VodSignatureV1.SignatureLength * 3];
            var signatureLength = VodPercentEncoding.Encode(signature, encodedSignature);
            var query = writer.Written;
            var payload = new byte[query.Length + 11 + signatureLength];
            query.CopyTo(payload);
            "&Signature="u8.CopyTo(payload.AsSpan(query.Length));
            encodedSignature[..signatureLength].CopyTo(payload.AsSpan(query.Length + 11));

            if (isGet)
            {
                return new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri + "?" + Encoding.ASCII.GetString(payload)));
            }

            var content = new ByteArrayContent(payload);
            content.Headers.ContentType = FormContentType;
            return new HttpRequestMessage(HttpMethod.Post, BaseUri(baseUri)) { Content = content };
        }
        finally
        {
            writer.Dispose();
        }
    }

    private static HttpRequestMessage CreateV3<TRequest, TResponse>(VodOperation<TRequest, TResponse> operation, TRequest request, VodRequestStamp stamp, string baseUri)
        where TRequest : class
    {
        var isGet = operation.Info.Method == VodHttpMethod.Get;
        var uri = BaseUri(baseUri);
        var token = stamp.Credentials.SecurityToken;
        var writer = new VodQueryWriter(null);
        try
        {
            operation.WriteParameters(request, ref writer);
            var query = writer.Written;
            Span<byte> signature = stackalloc byte[VodSignatureV3.SignatureLength];
            VodSignatureV3.SignRpcRequest(isGet ? "GET"u8 : "POST"u8, query, uri.Authority, stamp, signature);

            var message = new HttpRequestMessage(
                isGet ? HttpMethod.Get : HttpMethod.Post,
                query.IsEmpty ? uri : new Uri(baseUri + "?" + Encoding.ASCII.GetString(query)));
            // An (empty) body on purpose: the HTTP handler silently re-sends a bodyless request whose pooled
            // connection closed before any answer byte, which would repeat the call with the same nonce. A request
            // with content is never re-sent that way, so only VodGen's own policy retries, re-signed.
            message.Content = new ByteArrayContent(Array.Empty<byte>());
            var headers = message.Headers;
            headers.TryAddWithoutValidation("x-acs-action", stamp.Action);
            headers.TryAddWithoutValidation("x-acs-version", stamp.Version);
            headers.TryAddWithoutValidation("x-acs-date", stamp.Timestamp);
            headers.TryAddWithoutValidation("x-acs-signature-nonce", stamp.Nonce);
            headers.TryAddWithoutValidation("x-acs-content-sha256", VodSignatureV3.EmptyPayloadHash);
            if (token is not null)
            {
                headers.TryAddWithoutValidation("x-acs-security-token", token);
            }

            var signedHeaders = token is null ? VodSignatureV3.SignedHeaders : VodSignatureV3.SignedHeadersWithToken;
            headers.TryAddWithoutValidation(
                "Authorization",
                $"{VodSignatureV3.Algorithm} Credential={stamp.Credentials.AccessKeyId},SignedHeaders={signedHeaders},Signature={Encoding.ASCII.GetString(signature)}");
            return message;
        }
        finally
        {
            writer.Dispose();
        }
    }

    private static Uri BaseUri(string baseUri) => BaseUris.Count < 256 ? BaseUris.GetOrAdd(baseUri, static text => new Uri(text)) : new Uri(baseUri);
}
