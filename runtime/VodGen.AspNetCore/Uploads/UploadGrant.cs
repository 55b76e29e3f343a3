using System.Buffers;
using System.Globalization;
using System.Text.Json;
using VodGen.AspNetCore.Uploads.Operations;

namespace VodGen.AspNetCore.Uploads;

/// <summary>
/// What an endpoint answers: the fields the official upload SDKs take as they are (<c>uploadAuth</c>,
/// <c>uploadAddress</c>, the media's ID), the ticket that renews it, and the same credential decoded for <c>ali-oss</c>
/// (<c>oss</c>: region, endpoint, bucket, object key, STS key and token, expiry). Never cached.
/// </summary>
internal sealed record UploadGrant(string IdField, string MediaId, string UploadAuth, string UploadAddress, string? RequestId, string? Ticket, UploadCredential Auth, UploadAddressInfo Address, string? MediaUrl)
{
    public byte[] ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(IdField, MediaId);
            json.WriteString("uploadAuth", UploadAuth);
            json.WriteString("uploadAddress", UploadAddress);
            if (MediaUrl is not null)
            {
                json.WriteString("mediaUrl", MediaUrl);
            }

            if (Ticket is not null)
            {
                json.WriteString("ticket", Ticket);
            }

            json.WriteString("requestId", RequestId);
            json.WriteStartObject("oss");
            json.WriteString("region", Auth.Region is { Length: > 0 } region ? "oss-" + region : null);
            json.WriteString("endpoint", Address.Endpoint);

            // Storage at an IP address (a local emulator) is addressed path-style: ali-oss's sldEnable.
            json.WriteBoolean("pathStyle", System.Uri.TryCreate(Address.Endpoint, System.UriKind.Absolute, out var endpoint) && endpoint.HostNameType is System.UriHostNameType.IPv4 or System.UriHostNameType.IPv6);
            json.WriteString("bucket", Address.Bucket);
            json.WriteString("objectKey", Address.FileName);
            json.WriteString("accessKeyId", Auth.AccessKeyId);
            json.WriteString("accessKeySecret", Auth.AccessKeySecret);
            json.WriteString("securityToken", Auth.SecurityToken);
            if (Auth.Expiration is { } lifetime)
            {
                json.WriteNumber("expiresInSeconds", (long)lifetime.TotalSeconds);
            }

            json.WriteString("expiration", Auth.ExpireUTCTime);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"UploadGrant {{ {IdField} = {MediaId}, RequestId = {RequestId}, UploadAuth = *** }}");
}
