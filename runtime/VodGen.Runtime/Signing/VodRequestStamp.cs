using System;
using System.Globalization;

namespace VodGen.Signing;

/// <summary>The values that make one request unique and that every signature covers.</summary>
/// <param name="Credentials">The access key signing the request.</param>
/// <param name="Action">The operation name.</param>
/// <param name="Version">The API version.</param>
/// <param name="Nonce">A value never used before with this key (a GUID).</param>
/// <param name="Timestamp">UTC time formatted <c>yyyy-MM-ddTHH:mm:ssZ</c>.</param>
public sealed record VodRequestStamp(VodCredentials Credentials, string Action, string Version, string Nonce, string Timestamp)
{
    /// <summary>A stamp with a new nonce and the current time.</summary>
    public static VodRequestStamp Create(VodCredentials credentials, VodOperationInfo operation, TimeProvider clock)
        => new(credentials, operation.Action, operation.Version, Guid.NewGuid().ToString("D"), FormatTimestamp(clock.GetUtcNow()));

    /// <summary>Formats a time as the service expects it.</summary>
    public static string FormatTimestamp(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override string ToString() => $"VodRequestStamp {{ AccessKeyId = {Credentials.AccessKeyId}, Action = {Action}, Version = {Version}, Nonce = {Nonce}, Timestamp = {Timestamp} }}";
}
