namespace VodGen.Runtime.Tests;

/// <summary>
/// A deliberately plain canonical-query builder (sort, escape, join) to check the runtime's
/// pooled, pre-ordered one against.
/// </summary>
internal static class ReferenceQuery
{
    public static string Build(IEnumerable<KeyValuePair<string, string>> parameters)
        => string.Join("&", parameters
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));

    public static Dictionary<string, string> DescribeRegions(string format = "XML") => new()
    {
        ["AccessKeyId"] = "testid",
        ["Action"] = "DescribeRegions",
        ["Format"] = format,
        ["SignatureMethod"] = "HMAC-SHA1",
        ["SignatureNonce"] = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
        ["SignatureVersion"] = "1.0",
        ["Timestamp"] = "2016-02-23T12:46:24Z",
        ["Version"] = "2014-05-26",
    };
}
