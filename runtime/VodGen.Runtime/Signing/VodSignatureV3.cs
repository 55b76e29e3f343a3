using System;
using System.Buffers;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace VodGen.Signing;

/// <summary>
/// ACS3-HMAC-SHA256: the canonical request (method, URI, query, headers, signed header names and payload
/// hash, one per line) is hashed with SHA-256; the signature is the hex HMAC-SHA256 of
/// <c>"ACS3-HMAC-SHA256\n" + hex(hash)</c> keyed with the secret itself.
/// </summary>
internal static class VodSignatureV3
{
    /// <summary>The algorithm name that starts the string to sign and the Authorization header.</summary>
    public const string Algorithm = "ACS3-HMAC-SHA256";

    /// <summary>Hex SHA-256 of an empty payload.</summary>
    public const string EmptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Length of the hex signature.</summary>
    public const int SignatureLength = 64;

    /// <summary>
    /// Signs a request. <paramref name="headers"/> are the signed headers with lower-case names; they are
    /// put in ordinal order here. Returns the hex signature, the signed header list and the hex hash of the
    /// canonical request (useful to compare with a server's).
    /// </summary>
    public static (string Signature, string SignedHeaders, string CanonicalRequestHash) Sign(
        string httpMethod,
        string canonicalUri,
        string canonicalQuery,
        IEnumerable<KeyValuePair<string, string>> headers,
        string payloadHash,
        string accessKeySecret)
    {
        var sorted = new List<KeyValuePair<string, string>>(headers);
        sorted.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        var canonical = new StringBuilder();
        canonical.Append(httpMethod).Append('\n').Append(canonicalUri).Append('\n').Append(canonicalQuery).Append('\n');
        foreach (var header in sorted)
        {
            canonical.Append(header.Key).Append(':').Append(header.Value.Trim()).Append('\n');
        }

        var signedHeaders = string.Join(";", sorted.ConvertAll(h => h.Key));
        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(payloadHash);

        Span<byte> hashHex = stackalloc byte[64];
        Span<byte> signature = stackalloc byte[SignatureLength];
        SignCanonicalRequest(Encoding.UTF8.GetBytes(canonical.ToString()), Encoding.UTF8.GetBytes(accessKeySecret), hashHex, signature);
        return (Encoding.ASCII.GetString(signature), signedHeaders, Encoding.ASCII.GetString(hashHex));
    }

    /// <summary>The signed header names for a request without, and with, an STS token.</summary>
    public const string SignedHeaders = "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version";

    /// <summary>The signed header names for a request that carries <c>x-acs-security-token</c>.</summary>
    public const string SignedHeadersWithToken = "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version";

    /// <summary>
    /// Signs an RPC request with an empty body whose parameters travel in <paramref name="canonicalQuery"/>:
    /// builds the canonical request over the signed headers the client sends, in their fixed order, and writes
    /// the hex signature (64 bytes) into <paramref name="signatureHex"/>.
    /// </summary>
    public static void SignRpcRequest(ReadOnlySpan<byte> httpMethod, ReadOnlySpan<byte> canonicalQuery, string host, VodRequestStamp stamp, Span<byte> signatureHex)
    {
        var token = stamp.Credentials.SecurityToken;
        var canonical = new CanonicalRequestBuilder(1024);
        try
        {
            // Signed headers in ordinal order; the sequence below must stay sorted.
            canonical.Append(httpMethod);
            canonical.Append("\n/\n"u8);
            canonical.Append(canonicalQuery);
            canonical.Append("\nhost:"u8);
            canonical.Append(host);
            canonical.Append("\nx-acs-action:"u8);
            canonical.Append(stamp.Action);
            canonical.Append("\nx-acs-content-sha256:"u8);
            canonical.Append(EmptyPayloadHash);
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
            canonical.Append("\n\n"u8);
            canonical.Append(token is null ? SignedHeaders : SignedHeadersWithToken);
            canonical.Append((byte)'\n');
            canonical.Append(EmptyPayloadHash);

            Span<byte> canonicalHash = stackalloc byte[64];
            SignCanonicalRequest(canonical.Written, stamp.Credentials.V3Key, canonicalHash, signatureHex);
        }
        finally
        {
            canonical.Dispose();
        }
    }

    /// <summary>
    /// Hashes a canonical request and signs it: writes the hex hash of the canonical request into
    /// <paramref name="canonicalHashHex"/> and the hex signature into <paramref name="signatureHex"/> (64 bytes each).
    /// </summary>
    public static void SignCanonicalRequest(ReadOnlySpan<byte> canonicalRequest, ReadOnlySpan<byte> key, Span<byte> canonicalHashHex, Span<byte> signatureHex)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(canonicalRequest, hash);
        WriteHex(hash, canonicalHashHex);

        Span<byte> stringToSign = stackalloc byte[Algorithm.Length + 1 + 64];
        "ACS3-HMAC-SHA256\n"u8.CopyTo(stringToSign);
        canonicalHashHex[..64].CopyTo(stringToSign[(Algorithm.Length + 1)..]);
        HMACSHA256.HashData(key, stringToSign, hash);
        WriteHex(hash, signatureHex);
    }

    /// <summary>Writes lower-case hex.</summary>
    internal static void WriteHex(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        ReadOnlySpan<byte> digits = "0123456789abcdef"u8;
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = digits[bytes[i] >> 4];
            destination[(2 * i) + 1] = digits[bytes[i] & 0xF];
        }
    }

    /// <summary>A pooled byte builder for the canonical request of <see cref="SignRpcRequest"/>.</summary>
    private ref struct CanonicalRequestBuilder
    {
        private byte[] _buffer;
        private int _length;

        public CanonicalRequestBuilder(int capacity)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(capacity);
            _length = 0;
        }

        public readonly ReadOnlySpan<byte> Written => _buffer.AsSpan(0, _length);

        public void Append(ReadOnlySpan<byte> bytes)
        {
            Ensure(bytes.Length);
            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        public void Append(string ascii)
        {
            Ensure(Encoding.UTF8.GetMaxByteCount(ascii.Length));
            _length += Encoding.UTF8.GetBytes(ascii, _buffer.AsSpan(_length));
        }

        public void Append(byte b)
        {
            Ensure(1);
            _buffer[_length++] = b;
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = Array.Empty<byte>();
        }

        private void Ensure(int extra)
        {
            if (_length + extra > _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
                _buffer.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
        }
    }
}
