using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace VodGen.Signing;

/// <summary>
/// RPC signature 1.0: <c>Base64(HMAC-SHA1(secret + "&amp;", METHOD + "&amp;%2F&amp;" + encode(canonicalQuery)))</c>.
/// </summary>
internal static class VodSignatureV1
{
    /// <summary>Length of the Base64 text of a SHA-1 HMAC.</summary>
    public const int SignatureLength = 28;

    /// <summary>Signs a canonical query (already encoded and sorted) and returns the Base64 signature.</summary>
    public static string Sign(string httpMethod, string canonicalQuery, string accessKeySecret)
    {
        ArgumentException.ThrowIfNullOrEmpty(httpMethod);
        ArgumentNullException.ThrowIfNull(canonicalQuery);
        ArgumentException.ThrowIfNullOrEmpty(accessKeySecret);
        Span<byte> signature = stackalloc byte[SignatureLength];
        Sign(Encoding.ASCII.GetBytes(httpMethod), Encoding.UTF8.GetBytes(canonicalQuery), Encoding.UTF8.GetBytes(accessKeySecret + "&"), signature);
        return Encoding.ASCII.GetString(signature);
    }

    /// <summary>Writes the Base64 signature (ASCII) into <paramref name="destination"/>, which holds <see cref="SignatureLength"/> bytes.</summary>
    public static void Sign(ReadOnlySpan<byte> httpMethod, ReadOnlySpan<byte> canonicalQuery, ReadOnlySpan<byte> key, Span<byte> destination)
    {
        var maxLength = httpMethod.Length + 5 + (canonicalQuery.Length * 3);
        byte[]? rented = null;
        var stringToSign = maxLength <= 1024 ? stackalloc byte[1024] : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        try
        {
            httpMethod.CopyTo(stringToSign);
            var length = httpMethod.Length;
            "&%2F&"u8.CopyTo(stringToSign[length..]);
            length += 5;
            length += VodPercentEncoding.Encode(canonicalQuery, stringToSign[length..]);

            Span<byte> hash = stackalloc byte[HMACSHA1.HashSizeInBytes];
            HMACSHA1.HashData(key, stringToSign[..length], hash);
            System.Buffers.Text.Base64.EncodeToUtf8(hash, destination, out _, out _);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
