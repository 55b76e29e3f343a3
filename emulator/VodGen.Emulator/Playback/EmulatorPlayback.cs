using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace VodGen.Emulator.Playback;

/// <summary>A playback request the front answered.</summary>
/// <param name="Path">The path asked for (without the query).</param>
/// <param name="Status">200, 403 (no, a wrong or an expired auth_key) or 404.</param>
/// <param name="Reason">Why it was refused, for refusals.</param>
public sealed record EmulatorPlaybackRequest(string Path, int Status, string? Reason);

/// <summary>
/// The playback domain: serves the streams that transcoding made under <c>/play/{VideoId}/{definition}.{format}</c> on
/// the API port. With URL authentication on (<see cref="UseUrlAuthentication"/>), <c>GetPlayInfo</c> answers URLs signed
/// with type A and the primary key for <c>AuthTimeout</c> seconds (1800 by default), as a VOD domain does, and the front
/// serves only URLs whose <c>auth_key</c> was made with the primary or the secondary key and has not expired. URLs in
/// events (<c>FileUrl</c>) are never signed.
/// </summary>
public sealed class EmulatorPlayback
{
    internal const string Prefix = "/play";
    private readonly TimeProvider _clock;
    private volatile Keys? _keys;

    internal EmulatorPlayback(TimeProvider clock) => _clock = clock;

    /// <summary>The requests answered, in order (the latest 10,000).</summary>
    public ConcurrentQueue<EmulatorPlaybackRequest> Requests { get; } = new();

    /// <summary>Whether URL authentication is on.</summary>
    public bool UrlAuthentication => _keys is not null;

    /// <summary>The base of playback URLs: the API port's root.</summary>
    public Uri BaseAddress { get; internal set; } = null!;

    /// <summary>Turns URL authentication (type A) on with a primary and, optionally, a secondary key; null turns it off.</summary>
    /// <exception cref="ArgumentException">A key is not 6 to 32 letters and digits, as the console takes.</exception>
    public void UseUrlAuthentication(string? primaryKey, string? secondaryKey = null)
    {
        if (primaryKey is null)
        {
            _keys = null;
            return;
        }

        Check(primaryKey, nameof(primaryKey));
        if (secondaryKey is not null)
        {
            Check(secondaryKey, nameof(secondaryKey));
        }

        _keys = new Keys(primaryKey, secondaryKey);
    }

    /// <summary>The URL of a stream, signed with the primary key until <paramref name="expires"/> when URL authentication is on.</summary>
    internal string Url(string videoId, string definition, string format, DateTimeOffset? expires)
    {
        var path = $"{Prefix}/{videoId}/{definition.ToLowerInvariant()}.{format}";
        var url = BaseAddress.GetLeftPart(UriPartial.Authority) + path;
        if (expires is not { } until || _keys is not { } keys)
        {
            return url;
        }

        var timestamp = until.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var rand = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        return $"{url}?auth_key={timestamp}-{rand}-0-{Md5($"{path}-{timestamp}-{rand}-0-{keys.Primary}")}";
    }

    internal static bool Handles(HttpRequest request) => request.Path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    internal async Task HandleAsync(HttpContext context, Media.MediaStore store)
    {
        var path = context.Request.Path.Value!;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            await AnswerAsync(context, path, 405, "only GET and HEAD");
            return;
        }

        if (_keys is { } keys && Refusal(path, context.Request.Query["auth_key"].ToString(), keys) is { } reason)
        {
            await AnswerAsync(context, path, 403, reason);
            return;
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var stream = segments is ["play", var videoId, var file] && store.Find(videoId) is { } video
            ? video.Streams.FirstOrDefault(s => $"{s.Definition.ToLowerInvariant()}.{s.Format}" == file)
            : null;
        if (stream is null)
        {
            await AnswerAsync(context, path, 404, "no such stream");
            return;
        }

        Record(path, 200, null);
        context.Response.StatusCode = 200;
        context.Response.ContentType = stream.Format == "m3u8" ? "application/vnd.apple.mpegurl" : "video/" + stream.Format;
        var body = stream.Format == "m3u8"
            ? Encoding.UTF8.GetBytes($"#EXTM3U\n#EXT-X-TARGETDURATION:10\n#EXTINF:10.0,\n{stream.JobId}-0.ts\n#EXT-X-ENDLIST\n")
            : Encoding.UTF8.GetBytes($"emulated {stream.Definition} stream of job {stream.JobId}");
        context.Response.ContentLength = body.Length;
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    // Type A: auth_key={timestamp}-{rand}-{uid}-{md5("{path}-{timestamp}-{rand}-{uid}-{key}")}, the timestamp being the expiry.
    private string? Refusal(string path, string authKey, Keys keys)
    {
        if (authKey.Length == 0)
        {
            return "no auth_key";
        }

        var parts = authKey.Split('-');
        if (parts.Length != 4 || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return "a malformed auth_key";
        }

        var signed = $"{path}-{parts[0]}-{parts[1]}-{parts[2]}-";
        var given = Encoding.ASCII.GetBytes(parts[3]);
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Md5(signed + keys.Primary)), given)
            || (keys.Secondary is { } secondary && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Md5(signed + secondary)), given));
        return !matches ? "a wrong auth_key"
            : _clock.GetUtcNow().ToUnixTimeSeconds() > expires ? "an expired auth_key"
            : null;
    }

    private async Task AnswerAsync(HttpContext context, string path, int status, string reason)
    {
        Record(path, status, reason);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain";
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await context.Response.WriteAsync(status == 403 ? "Forbidden: " + reason : reason, context.RequestAborted);
        }
    }

    private void Record(string path, int status, string? reason)
    {
        Requests.Enqueue(new EmulatorPlaybackRequest(path, status, reason));
        while (Requests.Count > 10_000 && Requests.TryDequeue(out _))
        {
        }
    }

    private static void Check(string key, string name)
    {
        if (key.Length is < 6 or > 32 || !key.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("A URL authentication key is 6 to 32 letters and digits.", name);
        }
    }

    private static string Md5(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));

    private sealed record Keys(string Primary, string? Secondary);
}
