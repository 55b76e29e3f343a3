using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using VodGen;
using VodGen.AspNetCore.Queues;
using VodGen.AspNetCore.Uploads;
using VodGen.Emulator;
using VodGen.Vod;

namespace WebUpload;

/// <summary>
/// The sample application: a page (wwwroot) that uploads with ali-oss, the upload-credential endpoints, VOD's events
/// read from an MNS queue, and the video's status and playback URL for its uploader. VOD is the embedded emulator
/// unless configuration names a region or endpoint (<c>Vod:RegionId</c>, with <c>Vod:Mns</c> for the events).
/// </summary>
public sealed partial class WebUploadApp : IAsyncDisposable
{
    private const string EmulatorQueue = "webupload-events";
    private const string EmulatorUrlKey = "WebUploadUrlKey1";

    private WebUploadApp(WebApplication app, VodEmulator? emulator, Uri address)
    {
        App = app;
        Emulator = emulator;
        Address = address;
    }

    /// <summary>The running application.</summary>
    public WebApplication App { get; }

    /// <summary>The embedded emulator, when VOD is emulated.</summary>
    public VodEmulator? Emulator { get; }

    /// <summary>Where the page is served.</summary>
    public Uri Address { get; }

    /// <summary>Starts the application (and the emulator unless VOD is configured); <c>--urls</c> sets where it listens (127.0.0.1:5090 by default).</summary>
    public static async Task<WebUploadApp> StartAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls("http://127.0.0.1:5090");
        }

        // One event store: the handler the consumer calls, and what the status endpoint reads.
        builder.Services.AddSingleton<VideoEvents>();
        builder.Services.AddSingleton<VodGen.AspNetCore.Callbacks.IVodEventHandler>(static services => services.GetRequiredService<VideoEvents>());
        var vod = builder.Configuration.GetSection("Vod");
        VodEmulator? emulator = null;
        if (vod["RegionId"] is null && vod["Endpoint"] is null)
        {
            emulator = await VodEmulator.StartAsync(cancellationToken: cancellationToken);
            emulator.Queues.CreateQueue(EmulatorQueue);
            emulator.Events.UseMnsQueue(EmulatorQueue);
            emulator.Playback.UseUrlAuthentication(EmulatorUrlKey);

            // The credential expires after every few parts, so that the page shows its renewal.
            emulator.Storage.ExpireCredentialsAfterParts(builder.Configuration.GetValue("WebUpload:ExpireCredentialsAfterParts", 8));
            var key = new StaticCredentialsProvider(EmulatorCredential.Default.AccessKeyId, EmulatorCredential.Default.AccessKeySecret);
            builder.Services.AddVodClient(o => (o.Endpoint, o.Credentials) = (emulator.Endpoint, key));
            builder.Services.AddVodMnsConsumer<VideoEvents>().Configure(o => (o.Endpoint, o.QueueName, o.Credentials, o.WaitTime) = (emulator.Endpoint, EmulatorQueue, key, TimeSpan.FromSeconds(2)));
        }
        else
        {
            builder.Services.AddVodClient(builder.Configuration);
            builder.Services.AddVodMnsConsumer<VideoEvents>().BindConfiguration("Vod:Mns");
        }

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "webupload";
            o.Events.OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = 401;
                return Task.CompletedTask;
            };
        });
        builder.Services.AddVodUploadEndpoints<UploadPolicy>();

        var app = builder.Build();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseAuthentication();
        app.MapVodUploadEndpoints();
        MapAccount(app);
        MapVideos(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }

            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebUploadApp(app, emulator, new Uri(address.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/"));
    }

    /// <summary>Waits until the host is told to stop (Ctrl+C).</summary>
    public Task WaitForShutdownAsync() => App.WaitForShutdownAsync();

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }

    // A demo sign-in: any name of letters and digits. A real application signs users in its own way.
    private static void MapAccount(WebApplication app)
    {
        app.MapPost("/account/signin", static async (HttpContext context, SignIn body) =>
        {
            if (body.User is not { } user || !UserName().IsMatch(user))
            {
                return Results.Problem("A user name is 1 to 32 letters and digits.", statusCode: 400, title: "Invalid user name");
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user), new Claim(ClaimTypes.Name, user)], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            return Results.Ok(new { user });
        });
        app.MapPost("/account/signout", static async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        });
        app.MapGet("/account/me", static (ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? Results.Ok(new { user = user.Identity.Name }) : Results.Unauthorized());
    }

    // What the page shows after the upload: the events heard so far and, once transcoded, a signed playback URL.
    private static void MapVideos(WebApplication app)
    {
        app.MapGet("/api/videos/{videoId}", static async (string videoId, ClaimsPrincipal user, VideoEvents events, VodClient client, CancellationToken cancellationToken) =>
        {
            if (user.Identity?.IsAuthenticated != true)
            {
                return Results.Problem("Sign in first.", statusCode: 401, title: "Sign in first");
            }

            // Only the uploader sees a video; before its first event nobody does (it may still be uploading).
            var state = events.Find(videoId);
            if (state is null || state.Uploader != user.FindFirstValue(ClaimTypes.NameIdentifier))
            {
                return Results.Ok(new VideoStatus(videoId, "waiting", [], null));
            }

            string? playUrl = null;
            if (state.Transcoded)
            {
                var play = await client.GetPlayInfoAsync(new GetPlayInfoRequest { VideoId = videoId, AuthTimeout = 1800 }, cancellationToken);
                playUrl = play.PlayInfoList?.PlayInfo?.FirstOrDefault()?.PlayURL;
            }

            return Results.Ok(new VideoStatus(videoId, state.Transcoded ? "playable" : "processing", state.Events, playUrl));
        });
    }

    [GeneratedRegex("^[A-Za-z0-9]{1,32}$")]
    private static partial Regex UserName();

    private sealed record SignIn(string? User);

    private sealed record VideoStatus(string VideoId, string Status, IReadOnlyList<string> Events, string? PlayUrl);
}
