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

        // V1 asks for JSON with Format=JSON; V3 has no Format parameter, so both also say so in Accept.
        message.Headers.Accept.Add(JsonMediaType);
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
            return new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri)) { Content = content };
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
        var uri = new Uri(baseUri);
        var host = uri.Authority;
        var token = stamp.Credentials.SecurityToken;
        var writer = new VodQueryWriter(null);
        var canonical = new VodSignatureV3.CanonicalRequestBuilder(1024);
        try
        {
            operation.WriteParameters(request, ref writer);
            var query = writer.Written;

            // Signed headers in ordinal order; the list below must stay sorted.
            canonical.Append(isGet ? "GET\n/\n"u8 : "POST\n/\n"u8);
            canonical.Append(query);
            canonical.Append("\nhost:"u8);
            canonical.Append(host);
            canonical.Append("\nx-acs-action:"u8);
            canonical.Append(stamp.Action);
            canonical.Append("\nx-acs-content-sha256:"u8);
            canonical.Append(VodSignatureV3.EmptyPayloadHash);
            canonical.Append("\nx-acs-date:"u8);
            canonical.Append(stamp.Timestamp);
            if (token is not null)
            {
                canonical.Append("\nx-acs-security-token:"u8);
                canonical.Append(token);
            }

            canonical.Append("\nx-acs-signature-nonce:"u8);
            canonical.Append(stamp.Nonce);
            canonical.Append("\nx-acs-version:"u8);
            canonical.Append(stamp.Version);
            var signedHeaders = token is null ? SignedHeaders : SignedHeadersWithToken;
            canonical.Append("\n\n"u8);
            canonical.Append(signedHeaders);
            canonical.Append((byte)'\n');
            canonical.Append(VodSignatureV3.EmptyPayloadHash);

            Span<byte> canonicalHash = stackalloc byte[64];
            Span<byte> signature = stackalloc byte[VodSignatureV3.SignatureLength];
            VodSignatureV3.SignCanonicalRequest(canonical.Written, stamp.Credentials.V3Key, canonicalHash, signature);

            var message = new HttpRequestMessage(
                isGet ? HttpMethod.Get : HttpMethod.Post,
                query.IsEmpty ? uri : new Uri(baseUri + "?" + Encoding.ASCII.GetString(query)));
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

            headers.TryAddWithoutValidation(
                "Authorization",
                $"{VodSignatureV3.Algorithm} Credential={stamp.Credentials.AccessKeyId},SignedHeaders={signedHeaders},Signature={Encoding.ASCII.GetString(signature)}");
            return message;
        }
        finally
        {
            canonical.Dispose();
            writer.Dispose();
        }
    }

    private const string SignedHeaders = "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";
    private const string SignedHeadersWithToken = "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version";
}
