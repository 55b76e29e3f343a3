using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VodGen.AspNetCore.Uploads;
using VodGen.Emulator;
using VodGen.Vod;

namespace VodGen.AspNetCore.Tests;

/// <summary>The upload-credential endpoints on the test host, calling the emulator as VOD.</summary>
public sealed class UploadEndpointTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly VodGen.Testing.CapturingLogger _logs = new();
    private readonly List<string> _answers = [];
    private readonly RevocableRegistry _registry = new();
    private VodEmulator _emulator = null!;
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await VodEmulator.StartAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().AddProvider(new VodGen.Testing.CapturingLoggerProvider(_logs)).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton<TimeProvider>(_clock);
        builder.Services.AddVodClient(o => (o.Endpoint, o.Credentials) = (_emulator.Endpoint, new StaticCredentialsProvider(EmulatorCredential.Default.AccessKeyId, EmulatorCredential.Default.AccessKeySecret)));
        builder.Services.AddAuthentication(HeaderUser.Name).AddScheme<AuthenticationSchemeOptions, HeaderUser>(HeaderUser.Name, null);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = 429;
            o.AddPolicy("per-user", context => RateLimitPartition.GetFixedWindowLimiter(context.User.Identity?.Name ?? "anonymous", _ => new FixedWindowRateLimiterOptions { PermitLimit = 10, Window = TimeSpan.FromHours(1) }));
        });
        builder.Services.AddSingleton<IVodUploadRegistry>(_registry);
        builder.Services.AddVodUploadEndpoints<NoForbiddenTitles>().Configure(o => (o.MaxFileSize, o.RateLimiterPolicy) = (100L * 1024 * 1024, "per-user"));
        _app = builder.Build();
        _app.UseAuthentication();
        _app.UseRateLimiter();
        _app.MapVodUploadEndpoints();
        await _app.StartAsync();
        _http = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task Create_then_refresh_by_the_same_user_renews_the_credential_of_the_same_video()
    {
        var (status, created) = await PostAsync("video", "alice", new { title = "Holiday", fileName = "holiday.mp4", fileSize = 24 * 1024 * 1024 });
        Assert.Equal(HttpStatusCode.OK, status);
        var videoId = created.GetProperty("videoId").GetString()!;
        Assert.NotNull(_emulator.Store.Find(videoId));
        var oss = created.GetProperty("oss");
        Assert.Equal(_emulator.Storage.Endpoint.ToString().TrimEnd('/'), oss.GetProperty("endpoint").GetString()!.TrimEnd('/'));
        Assert.StartsWith("STS.", oss.GetProperty("accessKeyId").GetString(), StringComparison.Ordinal);
        Assert.Equal("oss-cn-shanghai", oss.GetProperty("region").GetString());

        var (refreshStatus, refreshed) = await PostAsync("video/refresh", "alice", new { videoId, ticket = created.GetProperty("ticket").GetString() });

        Assert.Equal(HttpStatusCode.OK, refreshStatus);
        Assert.Equal(videoId, refreshed.GetProperty("videoId").GetString());
        Assert.NotEqual(created.GetProperty("uploadAuth").GetString(), refreshed.GetProperty("uploadAuth").GetString());
        Assert.Equal(oss.GetProperty("objectKey").GetString(), refreshed.GetProperty("oss").GetProperty("objectKey").GetString());
        Assert.Equal(["CreateUploadVideo", "RefreshUploadVideo"], _emulator.Log.Records.Select(r => r.Action));
    }

    [Fact]
    public async Task Another_users_forged_expired_or_missing_ticket_and_anonymous_callers_are_refused_with_problem_details()
    {
        var (_, created) = await PostAsync("video", "alice", new { title = "Mine", fileName = "mine.mp4", fileSize = 1000 });
        var videoId = created.GetProperty("videoId").GetString()!;
        var ticket = created.GetProperty("ticket").GetString()!;

        await AssertProblemAsync(await PostAsync("video/refresh", "bob", new { videoId, ticket }), 403, "Not your upload");
        await AssertProblemAsync(await PostAsync("video/refresh", "alice", new { videoId, ticket = ticket[..^4] + "AAAA" }), 403, "Invalid upload ticket");
        await AssertProblemAsync(await PostAsync("video/refresh", "alice", new { videoId, ticket = "not-a-ticket" }), 403, "Invalid upload ticket");
        await AssertProblemAsync(await PostAsync("video/refresh", null, new { videoId, ticket }), 401, "Sign in first");

        // A video the endpoint never created: no ticket of its own, and alice's ticket is for another video.
        using var client = new VodClient(new VodClientOptions { Endpoint = _emulator.Endpoint, Credentials = new StaticCredentialsProvider(EmulatorCredential.Default.AccessKeyId, EmulatorCredential.Default.AccessKeySecret) });
        var other = (await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "server", FileName = "s.mp4" })).VideoId!;
        await AssertProblemAsync(await PostAsync("video/refresh", "alice", new { videoId = other }), 400, "No upload ticket");
        await AssertProblemAsync(await PostAsync("video/refresh", "alice", new { videoId = other, ticket }), 403, "Not your upload");

        // Expired: the refresh window (12 hours) has passed.
        _clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromSeconds(1));
        await AssertProblemAsync(await PostAsync("video/refresh", "alice", new { videoId, ticket }), 403, "Upload too old");

        Assert.DoesNotContain(_emulator.Log.Records, r => r.Action == "RefreshUploadVideo");
    }

    [Theory]
    [InlineData("clip.exe", 1000L, 400, "File type not accepted")]
    [InlineData("clip", 1000L, 400, "File type not accepted")]
    [InlineData("clip.mp4", 200L * 1024 * 1024, 400, "File too large")]
    [InlineData("clip.mp4", 0L, 400, "File too large")]
    public async Task Disallowed_extensions_and_sizes_are_refused_before_VOD_is_called(string fileName, long size, int status, string title)
    {
        await AssertProblemAsync(await PostAsync("video", "alice", new { title = "t", fileName, fileSize = size }), status, title);
        Assert.Empty(_emulator.Log.Records);
    }

    [Fact]
    public async Task The_applications_policy_refuses_or_shapes_what_is_sent()
    {
        await AssertProblemAsync(await PostAsync("video", "alice", new { title = "forbidden", fileName = "a.mp4", fileSize = 10 }), 403, "Refused by the application");
        Assert.Empty(_emulator.Log.Records);

        var (status, created) = await PostAsync("video", "alice", new { title = "fine", fileName = "a.mp4", fileSize = 10 });
        Assert.Equal(HttpStatusCode.OK, status);
        var video = _emulator.Store.Find(created.GetProperty("videoId").GetString()!)!;
        Assert.Contains("\"uploader\":\"alice\"", video.UserData, StringComparison.Ordinal); // the policy added UserData
    }

    [Fact]
    public async Task Malformed_bodies_are_refused_saying_which_field()
    {
        await AssertProblemAsync(await PostAsync("video", "alice", new { fileName = "a.mp4", fileSize = 10 }), 400, "Invalid request", "'title' is required");
        await AssertProblemAsync(await PostAsync("video", "alice", new { title = "t", fileName = "a.mp4", fileSize = "ten" }), 400, "Invalid request", "'fileSize' must be a whole number");
        using var text = new HttpRequestMessage(HttpMethod.Post, "/vod/uploads/video") { Content = new StringContent("title=t", System.Text.Encoding.UTF8, "text/plain") };
        text.Headers.Add(HeaderUser.Header, "alice");
        using var answer = await _http.SendAsync(text);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.StatusCode);
        Assert.Empty(_emulator.Log.Records);
    }

    [Fact]
    public async Task Images_and_attached_media_get_their_credentials()
    {
        var (imageStatus, image) = await PostAsync("image", "alice", new { imageType = "cover", imageExt = "png", fileSize = 2048 });
        var (mediaStatus, media) = await PostAsync("attached-media", "alice", new { businessType = "subtitle", mediaExt = "srt", fileSize = 100 });
        await AssertProblemAsync(await PostAsync("image", "alice", new { imageExt = "bmp", fileSize = 10 }), 400, "File type not accepted");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (imageStatus, mediaStatus));
        Assert.False(string.IsNullOrEmpty(image.GetProperty("imageId").GetString()));
        Assert.False(string.IsNullOrEmpty(media.GetProperty("mediaId").GetString()));
        Assert.Equal(["CreateUploadImage", "CreateUploadAttachedMedia"], _emulator.Log.Records.Select(r => r.Action));
    }

    [Fact]
    public async Task Per_user_limits_use_the_applications_rate_limiter()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync("video", "carol", new { title = "t", fileName = "a.mp4", fileSize = 10 })).Status);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await PostAsync("video", "carol", new { title = "t", fileName = "a.mp4", fileSize = 10 })).Status);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("video", "dave", new { title = "t", fileName = "a.mp4", fileSize = 10 })).Status);
    }

    [Fact]
    public async Task No_secret_of_the_servers_key_or_of_an_upload_credential_reaches_logs_or_problem_details()
    {
        var (_, created) = await PostAsync("video", "alice", new { title = "t", fileName = "a.mp4", fileSize = 10 });
        var ticket = created.GetProperty("ticket").GetString()!;
        var videoId = created.GetProperty("videoId").GetString()!;
        await PostAsync("video/refresh", "alice", new { videoId, ticket });
        await PostAsync("video/refresh", "bob", new { videoId, ticket });
        await PostAsync("video", "alice", new { title = "t", fileName = "a.exe", fileSize = 10 });
        _emulator.InjectError("CreateUploadVideo", "AddVideoFailed");
        await AssertProblemAsync(await PostAsync("video", "alice", new { title = "t", fileName = "a.mp4", fileSize = 10 }), 502, "VOD refused the request");

        var secrets = new[] { EmulatorCredential.Default.AccessKeySecret, created.GetProperty("oss").GetProperty("accessKeySecret").GetString()!, created.GetProperty("oss").GetProperty("securityToken").GetString()!, created.GetProperty("uploadAuth").GetString()! };
        var problems = _answers.Where(a => a.Contains("\"status\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(problems);
        Assert.NotEmpty(_logs.Lines);
        Assert.All(secrets, secret => Assert.DoesNotContain(_logs.Lines.Concat(problems), text => text.Contains(secret, StringComparison.Ordinal)));
        Assert.DoesNotContain(problems, p => p.Contains("alice", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_registry_records_each_upload_and_a_revoked_one_is_not_renewed()
    {
        var (_, created) = await PostAsync("video", "alice", new { title = "t", fileName = "a.mp4", fileSize = 10 });
        var videoId = created.GetProperty("videoId").GetString()!;
        var ticket = created.GetProperty("ticket").GetString()!;
        var record = Assert.Single(_registry.Recorded);
        Assert.Equal((VodUploadKind.Video, videoId, "alice", _clock.GetUtcNow().ToUnixTimeSeconds()), (record.Kind, record.MediaId, record.UserId, record.CreatedAt.ToUnixTimeSeconds()));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("video/refresh", "alice", new { videoId, ticket })).Status);

        _registry.Revoked.Add(videoId);

        await AssertProblemAsync(await PostAsync("video/refresh", "alice", new { videoId, ticket }), 403, "Upload closed");
        Assert.Single(_emulator.Log.Records, r => r.Action == "RefreshUploadVideo");
    }

    [Fact]
    public async Task Mapping_without_the_services_says_what_to_call()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        await using var app = builder.Build();
        var error = Assert.Throws<InvalidOperationException>(() => app.MapVodUploadEndpoints());
        Assert.Contains("AddVodUploadEndpoints", error.Message, StringComparison.Ordinal);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, string? user, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/vod/uploads/" + path) { Content = JsonContent.Create(body) };
        if (user is not null)
        {
            request.Headers.Add(HeaderUser.Header, user);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        _answers.Add(text);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        }

        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private static Task AssertProblemAsync((HttpStatusCode Status, JsonElement Body) answer, int status, string title, string? detail = null)
    {
        Assert.Equal(status, (int)answer.Status);
        Assert.Equal(status, answer.Body.GetProperty("status").GetInt32());
        Assert.Equal(title, answer.Body.GetProperty("title").GetString());
        if (detail is not null)
        {
            Assert.Contains(detail, answer.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        return Task.CompletedTask;
    }

    /// <summary>Records uploads; refuses to renew those revoked.</summary>
    private sealed class RevocableRegistry : IVodUploadRegistry
    {
        public ConcurrentQueue<VodUploadRecord> Recorded { get; } = new();

        public ConcurrentBag<string> Revoked { get; } = [];

        public ValueTask RecordAsync(VodUploadRecord upload, CancellationToken cancellationToken)
        {
            Recorded.Enqueue(upload);
            return ValueTask.CompletedTask;
        }

        public ValueTask<bool> AllowsRefreshAsync(VodUploadRecord upload, CancellationToken cancellationToken)
            => ValueTask.FromResult(!Revoked.Contains(upload.MediaId));
    }

    /// <summary>Refuses titles "forbidden"; tags every upload with its uploader in UserData.</summary>
    private sealed class NoForbiddenTitles : IVodUploadPolicy
    {
        public ValueTask<VodUploadDecision> DecideAsync(VodUploadProposal proposal, CancellationToken cancellationToken)
        {
            if (proposal.Title == "forbidden")
            {
                return ValueTask.FromResult(VodUploadDecision.Refuse("This title is not allowed."));
            }

            var userData = new VodGen.Server.Events.VodUserData();
            userData.Extend["uploader"] = proposal.UserId;
            proposal.UserData = userData.ToJson();
            return ValueTask.FromResult(VodUploadDecision.Allow);
        }
    }

    /// <summary>Signs in whoever the X-Test-User header names (tests only).</summary>
    private sealed class HeaderUser(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "TestHeader";
        public const string Header = "X-Test-User";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
            => Task.FromResult(Request.Headers[Header].ToString() is { Length: > 0 } user
                ? AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user), new Claim(ClaimTypes.Name, user)], Name)), Name))
                : AuthenticateResult.NoResult());
    }
}
