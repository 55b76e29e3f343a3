using System.Globalization;
using VodGen.Emulator;
using VodGen.Signing;

namespace VodGen.Emulator.Tests;

/// <summary>Hand-built V1 requests, for what the typed client never sends (wrong types, no Format, odd timestamps).</summary>
public sealed class RawCall(Uri endpoint)
{
    private static readonly HttpClient Http = new();

    public static Dictionary<string, string> Common(string action, EmulatorCredential? credential = null) => new()
    {
        ["AccessKeyId"] = (credential ?? EmulatorCredential.Default).AccessKeyId,
        ["Action"] = action,
        ["Version"] = "2017-03-21",
        ["SignatureMethod"] = "HMAC-SHA1",
        ["SignatureVersion"] = "1.0",
        ["SignatureNonce"] = Guid.NewGuid().ToString("D"),
        ["Timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    /// <summary>Signs the parameters (unless told not to) and sends them with GET.</summary>
    public async Task<(int Status, string Body, HttpResponseMessage Response)> GetAsync(Dictionary<string, string> parameters, bool sign = true, string? secret = null)
    {
        var query = string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => VodPercentEncoding.Encode(p.Key) + "=" + VodPercentEncoding.Encode(p.Value)));
        if (sign)
        {
            query += "&Signature=" + VodPercentEncoding.Encode(VodSignatureV1.Sign("GET", query, secret ?? EmulatorCredential.Default.AccessKeySecret));
        }

        var response = await Http.GetAsync(new Uri(endpoint, "/?" + query));
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }
}
