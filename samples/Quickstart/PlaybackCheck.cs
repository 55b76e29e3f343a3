using VodGen.Server.Playback;

namespace Quickstart;

/// <summary>Shows URL authentication at work: the signed URL plays, the same URL unsigned or expired is refused.</summary>
internal static class PlaybackCheck
{
    public static async Task RunAsync(string signedUrl, string urlAuthKey, TextWriter output, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var unsigned = signedUrl.Split('?')[0];
        var expired = VodUrlAuthentication.SignTypeA(unsigned, urlAuthKey, DateTimeOffset.UtcNow.AddMinutes(-5));
        output.WriteLine($"   signed         {await StatusAsync(http, signedUrl, cancellationToken)}");
        output.WriteLine($"   unsigned       {await StatusAsync(http, unsigned, cancellationToken)}");
        output.WriteLine($"   expired        {await StatusAsync(http, expired, cancellationToken)}");
    }

    private static async Task<string> StatusAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, url);
        using var response = await http.SendAsync(request, cancellationToken);
        return $"HTTP {(int)response.StatusCode} {(response.IsSuccessStatusCode ? "served" : "refused")}";
    }
}
