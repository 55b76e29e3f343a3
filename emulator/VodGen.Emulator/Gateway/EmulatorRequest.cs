using Microsoft.AspNetCore.Http;

namespace VodGen.Emulator.Gateway;

/// <summary>An incoming call with its parameters gathered from the query and a form body.</summary>
internal sealed class EmulatorRequest
{
    private EmulatorRequest(HttpRequest http, List<KeyValuePair<string, string>> query, List<KeyValuePair<string, string>> all, byte[] body)
    {
        Http = http;
        Query = query;
        All = all;
        Body = body;
        Parameters = all.GroupBy(p => p.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
    }

    public HttpRequest Http { get; }

    public string Method => Http.Method;

    /// <summary>The query parameters (what V3 signs).</summary>
    public List<KeyValuePair<string, string>> Query { get; }

    /// <summary>Query and form parameters in arrival order (what V1 signs).</summary>
    public List<KeyValuePair<string, string>> All { get; }

    /// <summary>The last value of each parameter.</summary>
    public Dictionary<string, string> Parameters { get; }

    public byte[] Body { get; }

    public string Header(string name) => Http.Headers[name].ToString();

    public static async Task<EmulatorRequest> ReadAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await http.Body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        var body = buffer.ToArray();
        var query = Pairs(http.QueryString.Value);
        var all = new List<KeyValuePair<string, string>>(query);
        if (http.ContentType is { } type && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            all.AddRange(Pairs(System.Text.Encoding.UTF8.GetString(body)));
        }

        return new EmulatorRequest(http, query, all, body);
    }

    // Parses "a=1&b=%2A" into decoded pairs; '+' is a literal plus here, as the signature rules say.
    private static List<KeyValuePair<string, string>> Pairs(string? text)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(text))
        {
            return pairs;
        }

        foreach (var part in text.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=');
            var name = equals < 0 ? part : part[..equals];
            var value = equals < 0 ? string.Empty : part[(equals + 1)..];
            pairs.Add(new(Uri.UnescapeDataString(name), Uri.UnescapeDataString(value)));
        }

        return pairs;
    }
}
