using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using VodGen.Credentials;

namespace VodGen.Runtime.Tests.Credentials;

/// <summary>A source that mints credentials of a fixed lifetime on a fake clock, counts fetches and can be made to fail.</summary>
internal sealed class MintingSource(FakeTimeProvider clock, TimeSpan lifetime) : RefreshingCredentialsProvider(clock)
{
    private int _fetches;

    public int Fetches => Volatile.Read(ref _fetches);

    /// <summary>When set, fetches wait for it (to pile up concurrent callers).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When true, fetches fail.</summary>
    public bool Failing { get; set; }

    /// <summary>What each minted credential's ID is mapped to: its expiration.</summary>
    public ConcurrentDictionary<string, DateTimeOffset> Minted { get; } = new();

    protected override string SourceDescription => "minting test source";

    protected override async ValueTask<VodTemporaryCredentials> FetchAsync(CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _fetches);
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        if (Failing)
        {
            throw new HttpRequestException("the source is down");
        }

        var expiration = clock.GetUtcNow() + lifetime;
        var id = "STS.minted-" + n.ToString(CultureInfo.InvariantCulture);
        Minted[id] = expiration;
        return new VodTemporaryCredentials(new VodCredentials(id, "secret-" + n, "token-" + n), expiration);
    }
}

/// <summary>Answers credential requests as a script says, and records each request with its headers and form.</summary>
internal sealed class FakeCredentialServer : HttpMessageHandler
{
    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    /// <summary>Answers a request (method, path and query, form); null means connection refused.</summary>
    public Func<SeenRequest, HttpResponseMessage?> Answer { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.NotFound);

    public HttpClient Client() => new(this) { Timeout = Timeout.InfiniteTimeSpan };

    public static HttpResponseMessage Text(string body, HttpStatusCode status = HttpStatusCode.OK) => new(status) { Content = new StringContent(body, Encoding.UTF8) };

    public static HttpResponseMessage Credential(DateTimeOffset expiration, string id = "STS.fake-id", string? code = "Success", string? container = null)
    {
        var fields = $"\"AccessKeyId\":\"{id}\",\"AccessKeySecret\":\"fake-secret-value\",\"SecurityToken\":\"fake-token-value\",\"Expiration\":\"{expiration.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\"";
        var body = container is null
            ? $"{{{(code is null ? string.Empty : $"\"Code\":\"{code}\",")}{fields},\"LastUpdated\":\"x\"}}"
            : $"{{\"RequestId\":\"req-1\",\"{container}\":{{{fields}}}}}";
        return Text(body);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var form = request.Content is null ? new Dictionary<string, string>() : ParseForm(await request.Content.ReadAsStringAsync(cancellationToken));
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var seen = new SeenRequest(request.Method.Method, request.RequestUri!, headers, form);
        Requests.Enqueue(seen);
        return Answer(seen) ?? throw new HttpRequestException("connection refused", null, HttpStatusCode.ServiceUnavailable);
    }

    private static Dictionary<string, string> ParseForm(string body)
        => body.Length == 0 ? new() : body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
}

internal sealed record SeenRequest(string Method, Uri Uri, IReadOnlyDictionary<string, string> Headers, IReadOnlyDictionary<string, string> Form)
{
    public string Path => Uri.AbsolutePath;
}
