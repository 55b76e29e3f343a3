using System;
using System.Text;

namespace VodGen;

/// <summary>
/// An AccessKey pair, and for temporary (STS) credentials the security token. The secret and the token
/// never appear in <see cref="ToString"/>.
/// </summary>
public sealed class VodCredentials
{
    private byte[]? _v1Key;
    private byte[]? _v3Key;

    /// <summary>Creates credentials; <paramref name="securityToken"/> is given only for STS credentials.</summary>
    public VodCredentials(string accessKeyId, string accessKeySecret, string? securityToken = null)
    {
        if (string.IsNullOrEmpty(accessKeyId))
        {
            throw new ArgumentException("The AccessKey ID is empty.", nameof(accessKeyId));
        }

        if (string.IsNullOrEmpty(accessKeySecret))
        {
            throw new ArgumentException("The AccessKey secret is empty.", nameof(accessKeySecret));
        }

        // The ID and token travel in headers (V3) and the query, the secret is a signing key that every official SDK takes
        // as ASCII: a line break or a non-ASCII character in any of them is a copy-and-paste mistake, refused here.
        CheckSendable(accessKeyId, "AccessKey ID", nameof(accessKeyId));
        CheckSendable(accessKeySecret, "AccessKey secret", nameof(accessKeySecret));
        if (!string.IsNullOrEmpty(securityToken))
        {
            CheckSendable(securityToken, "security token", nameof(securityToken));
        }

        AccessKeyId = accessKeyId;
        AccessKeySecret = accessKeySecret;
        SecurityToken = string.IsNullOrEmpty(securityToken) ? null : securityToken;
    }

    /// <summary>The AccessKey ID (not secret; it is sent with every request).</summary>
    public string AccessKeyId { get; }

    /// <summary>The AccessKey secret.</summary>
    public string AccessKeySecret { get; }

    /// <summary>The STS security token, or null for long-term keys.</summary>
    public string? SecurityToken { get; }

    // Signing keys derived once per credentials object: V1 appends '&' to the secret, V3 uses it as is.
    internal byte[] V1Key => _v1Key ??= Encoding.UTF8.GetBytes(AccessKeySecret + "&");

    internal byte[] V3Key => _v3Key ??= Encoding.UTF8.GetBytes(AccessKeySecret);

    // Printable ASCII without spaces; the position is given, never the value (the token is secret).
    private static void CheckSendable(string value, string what, string parameter)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is < '!' or > '~')
            {
                var kind = c switch
                {
                    '\r' or '\n' => "a line break",
                    ' ' or '\t' => "white space",
                    < ' ' or '\u007f' => "a control character",
                    _ => "a non-ASCII character",
                };
                throw new ArgumentException($"The {what} contains {kind} at position {i + 1} of {value.Length}; it must be printable ASCII without spaces.", parameter);
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString()
        => $"VodCredentials {{ AccessKeyId = {AccessKeyId}, AccessKeySecret = ***, SecurityToken = {(SecurityToken is null ? "null" : "***")} }}";
}
