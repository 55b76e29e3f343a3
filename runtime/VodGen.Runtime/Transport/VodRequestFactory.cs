using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using VodGen.Signing;
using VodGen.GeneratedCode;

namespace VodGen.Transport;

/// <summary>
/// Turns a request into a signed <see cref="HttpRequestMessage"/>: the generated code writes the canonical
/// query, the signer of the chosen version signs it, and the result is placed in the query, form body or headers.
/// </summary>
internal static class VodRequestFactory
{
    // The endpoint roots a process talks to are few; parsing them once saves a Uri per request.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Uri> BaseUris = new(StringComparer.Ordinal);

    private static readonly MediaTypeWithQualityHeaderValue JsonMediaType = new("application/json");

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
            var length = query.Length + 11 + signatureLength;
            if (isGet)
            {
                Span<byte> payload = length <= 1024 ? stackalloc byte[length] : new byte[length];
                WriteSigned(payload, query, encodedSignature[..signatureLength]);
                return new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri + "?" + Encoding.ASCII.GetString(payload)));
            }

            var content = new VodFormContent(length);
            WriteSigned(content.Span, query, encodedSignature[..signatureLength]);
            return new HttpRequestMessage(HttpMethod.Post, BaseUri(baseUri)) { Content = content };
        }
        finally
        {
            writer.Dispose();
        }
    }

    // The signed parameters: the query as signed, then "&Signature=" and the encoded signature.
    private static void WriteSigned(Span<byte> target, ReadOnlySpan<byte> query, ReadOnlySpan<byte> encodedSignature)
    {
        query.CopyTo(target);
        "&Signature="u8.CopyTo(target[query.Length..]);
        encodedSignature.CopyTo(target[(query.Length + 11)..]);
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
            headers.TryAddWithoutValidation("Authorization", Authorization(stamp.Credentials.AccessKeyId, signedHeaders, signature));
            return message;
        }
        finally
        {
            writer.Dispose();
        }
    }

    // "ACS3-HMAC-SHA256 Credential=...,SignedHeaders=...,Signature=<hex>" in one string, without the hex as a string of its own.
    private static string Authorization(string accessKeyId, string signedHeaders, ReadOnlySpan<byte> signature)
    {
        const string CredentialPart = " Credential=", SignedHeadersPart = ",SignedHeaders=", SignaturePart = ",Signature=";
        var length = VodSignatureV3.Algorithm.Length + CredentialPart.Length + accessKeyId.Length + SignedHeadersPart.Length + signedHeaders.Length + SignaturePart.Length + signature.Length;
        Span<char> text = length <= 512 ? stackalloc char[length] : new char[length];
        var at = 0;
        Append(text, ref at, VodSignatureV3.Algorithm);
        Append(text, ref at, CredentialPart);
        Append(text, ref at, accessKeyId);
        Append(text, ref at, SignedHeadersPart);
        Append(text, ref at, signedHeaders);
        Append(text, ref at, SignaturePart);
        Encoding.ASCII.GetChars(signature, text[at..]);
        return new string(text);

        static void Append(Span<char> text, ref int at, string part)
        {
            part.AsSpan().CopyTo(text[at..]);
            at += part.Length;
        }
    }

    private static Uri BaseUri(string baseUri) => BaseUris.Count < 256 ? BaseUris.GetOrAdd(baseUri, static text => new Uri(text)) : new Uri(baseUri);
}
