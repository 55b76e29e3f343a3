using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using VodGen.Vod;
using VodGen.Throttling;

namespace VodGen.HostileServer.Tests;

/// <summary>Clients, credentials and answers the hostile-server tests share.</summary>
internal static class Hostile
{
    public const string AccessKeyId = "LTAI5tHostileTests";

    // Characters that percent-, JSON- and HTML-encode differently, so every echoed form is a distinct string.
    public const string Secret = "Hostile+Secret/Value=K9";
    public const string Token = "CAIS+Hostile/Token=Xq7Zr";

    public static readonly RefreshUploadVideoRequest Refresh = new() { VideoId = "video-1" };

    public static readonly CreateUploadVideoRequest Create = new() { Title = "title", FileName = "movie.mp4" };

    public const string RefreshAnswer = """{"RequestId":"R-1","VideoId":"video-1","UploadAddress":"e30=","UploadAuth":"e30="}""";

    public static VodClient Client(Uri endpoint, VodSignatureVersion version = VodSignatureVersion.V3, int retries = 3, int? maxResponseBytes = null, ILogger? logger = null, HttpClient? http = null)
        => new(
            new VodClientOptions
            {
                Endpoint = endpoint,
                SignatureVersion = version,
                Credentials = new StaticCredentialsProvider(AccessKeyId, Secret, Token),
                Throttling = new VodThrottlingOptions { Mode = VodThrottlingMode.Off },
                Retry = new VodRetryOptions { MaxRetryAttempts = retries, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
                MaxResponseBytes = maxResponseBytes ?? VodClientOptions.DefaultMaxResponseBytes,
                Timeout = TimeSpan.FromSeconds(20),
                Logger = logger,
            },
            http);

    /// <summary>Every form a server might echo the secrets in.</summary>
    public static IEnumerable<string> SecretForms()
    {
        foreach (var secret in new[] { Secret, Token })
        {
            yield return secret;
            yield return Uri.EscapeDataString(secret);
            yield return Uri.EscapeDataString(secret).ToLowerInvariant();
            yield return System.Net.WebUtility.HtmlEncode(secret);
            yield return secret.Replace("+", "\\u002B", StringComparison.Ordinal).Replace("/", "\\/", StringComparison.Ordinal);
        }
    }
}

/// <summary>Runs its classes alone, after the others: they measure what the whole process allocates.</summary>
[CollectionDefinition(nameof(AloneCollection), DisableParallelization = true)]
public sealed class AloneCollection;
