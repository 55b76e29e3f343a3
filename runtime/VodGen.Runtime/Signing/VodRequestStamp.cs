using System;
using System.Globalization;
using VodGen.GeneratedCode;

namespace VodGen.Signing;

/// <summary>The values that make one request unique and that every signature covers.</summary>
/// <param name="Credentials">The access key signing the request.</param>
/// <param name="Action">The operation name.</param>
/// <param name="Version">The API version.</param>
/// <param name="Nonce">A value never used before with this key (128 random bits in GUID format).</param>
/// <param name="Timestamp">UTC time formatted <c>yyyy-MM-ddTHH:mm:ssZ</c>.</param>
internal sealed record VodRequestStamp(VodCredentials Credentials, string Action, string Version, string Nonce, string Timestamp)
{
    // The timestamp text changes once a second; most calls reuse the last one.
    private static CachedTimestamp s_lastTimestamp = new(long.MinValue, string.Empty);

    /// <summary>A stamp with a new nonce and the current time.</summary>
    public static VodRequestStamp Create(VodCredentials credentials, VodOperationInfo operation, TimeProvider clock)
        => new(credentials, operation.Action, operation.Version, VodNonce.Next(), CurrentTimestamp(clock));

    /// <summary>Formats a time as the service expects it.</summary>
    public static string FormatTimestamp(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string CurrentTimestamp(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var second = now.UtcTicks / TimeSpan.TicksPerSecond;
        var cached = s_lastTimestamp;
        if (cached.Second == second)
        {
            return cached.Text;
        }

        var text = FormatTimestamp(now);
        s_lastTimestamp = new CachedTimestamp(second, text);
        return text;
    }

    /// <inheritdoc/>
    public override string ToString() => $"VodRequestStamp {{ AccessKeyId = {Credentials.AccessKeyId}, Action = {Action}, Version = {Version}, Nonce = {Nonce}, Timestamp = {Timestamp} }}";
}

/// <summary>A formatted timestamp and the second it stands for.</summary>
internal sealed record CachedTimestamp(long Second, string Text);
