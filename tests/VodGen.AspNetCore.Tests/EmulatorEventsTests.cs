using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using VodGen.AspNetCore.Callbacks;
using VodGen.Emulator;
using VodGen.Emulator.Events;
using VodGen.Server.Events;
using VodGen.Server.Playback;
using VodGen.Vod;

namespace VodGen.AspNetCore.Tests;

/// <summary>End to end on 127.0.0.1: the emulator sends signed callbacks, the endpoint verifies them and hands them on.</summary>
public sealed class EmulatorEventsTests : IAsyncLifetime
{
    private const string Key = "EmulatorKey0001";
    private readonly ConcurrentQueue<VodEvent> _handled = new();
    private VodEmulator _emulator = null!;
    private WebApplication _app = null!;
    private string _callbackUrl = null!;

    public async Task InitializeAsync()
    {
        _emulator = await VodEmulator.StartAsync();
        _emulator.Storage.TranscodeDelay = TimeSpan.FromMilliseconds(100);
        var port = FreePort();
        _callbackUrl = $"http://127.0.0.1:{port}/vod/callback";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddVodCallbacks((e, _) => { _handled.Enqueue(e); return Task.CompletedTask; })
            .Configure(o => (o.CallbackUrl, o.AuthKey) = (_callbackUrl, Key));
        _app = builder.Build();
        _app.MapVodCallbacks();
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task An_upload_sends_FileUploadComplete_then_TranscodeComplete_with_the_Extend_given_at_upload()
    {
        using var client = Client();
        await client.SetMessageCallbackAsync(new SetMessageCallbackRequest { CallbackType = SetMessageCallbackRequest.CallbackTypeOption.HTTP, CallbackURL = _callbackUrl, AuthSwitch = SetMessageCallbackRequest.AuthSwitchOption.On, AuthKey = Key });
        var userData = new VodUserData();
        userData.Extend["uploadId"] = "upload-7";
        var created = await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "a.mp4", UserData = userData.ToJson() });

        _emulator.Storage.CompleteWithoutBytes(created.VideoId!, 1_000_000);

        Assert.True(SpinWait.SpinUntil(() => _handled.Any(e => e is VodTranscodeComplete), TimeSpan.FromSeconds(30)), string.Join(", ", _emulator.Events.Deliveries));
        var types = _handled.Select(e => e.EventType).ToList();
        Assert.Equal(["FileUploadComplete", "VideoAnalysisComplete", "StreamTranscodeComplete", "TranscodeComplete"], types);
        Assert.All(_handled, e => Assert.Equal(created.VideoId, e.VideoId));
        Assert.All(_handled, e => Assert.Equal("upload-7", VodUserData.ReadExtend(e.Extend)["uploadId"]));
        Assert.Equal(1_000_000, Assert.IsType<VodFileUploadComplete>(_handled.First()).Size);
        Assert.Equal("OD", Assert.Single(Assert.IsType<VodTranscodeComplete>(_handled.Last()).StreamInfos).Definition);
        Assert.Equal("HTTP", (await client.GetMessageCallbackAsync(new GetMessageCallbackRequest())).MessageCallback!.CallbackType);
    }

    [Fact]
    public async Task End_to_end_the_transcoded_video_plays_from_a_signed_URL_and_unsigned_or_expired_URLs_are_refused()
    {
        const string primary = "PlaybackKey0001", secondary = "PlaybackKey0002";
        using var client = Client();
        using var http = new HttpClient();
        _emulator.Events.UseHttpCallbacks(_callbackUrl, Key);
        _emulator.Playback.UseUrlAuthentication(primary, secondary);
        var userData = new VodUserData();
        userData.Extend["order"] = "o-42";
        var created = await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "a.mp4", UserData = userData.ToJson() });
        _emulator.Storage.CompleteWithoutBytes(created.VideoId!, 2_000_000);
        Assert.True(SpinWait.SpinUntil(() => _handled.Any(e => e is VodTranscodeComplete), TimeSpan.FromSeconds(30)), string.Join(", ", _emulator.Events.Deliveries));
        var transcoded = Assert.IsType<VodTranscodeComplete>(_handled.Last());
        Assert.Equal("o-42", VodUserData.ReadExtend(transcoded.Extend)["order"]);

        // GetPlayInfo answers URLs the domain signed; they play.
        var answer = await client.GetPlayInfoAsync(new GetPlayInfoRequest { VideoId = created.VideoId!, AuthTimeout = 600 });
        var playUrl = Assert.Single(answer.PlayInfoList!.PlayInfo!).PlayURL!;
        Assert.Contains("auth_key=", playUrl, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(playUrl)).StatusCode);

        // The event's FileUrl comes unsigned: refused as it is, served once the application signed it (either key).
        var fileUrl = Assert.Single(transcoded.StreamInfos).FileUrl!;
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(fileUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new VodPlaybackUrlSigner(primary, TimeSpan.FromMinutes(5)).Sign(fileUrl))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new VodPlaybackUrlSigner(secondary, TimeSpan.FromMinutes(5)).Sign(fileUrl))).StatusCode);

        // Expired, or signed with another key: refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(VodUrlAuthentication.SignTypeA(fileUrl, primary, DateTimeOffset.UtcNow.AddMinutes(-1)))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(new VodPlaybackUrlSigner("SomeOtherKey01", TimeSpan.FromMinutes(5)).Sign(fileUrl))).StatusCode);
        Assert.Equal(["an expired auth_key", "a wrong auth_key"], _emulator.Playback.Requests.TakeLast(2).Select(r => r.Reason));

        // An answer read while the domain did not sign (or to re-sign for another viewer): WithPlaybackUrls signs every URL.
        var stripped = answer.PlayInfoList.PlayInfo![0].PlayURL!.Split('?')[0];
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(stripped)).StatusCode);
        var resigned = answer.WithPlaybackUrls(url => new VodPlaybackUrlSigner(primary, TimeSpan.FromMinutes(5)).Sign(url.Split('?')[0]));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(resigned.PlayInfoList!.PlayInfo![0].PlayURL)).StatusCode);
        Assert.Equal(answer.VideoBase!.VideoId, resigned.VideoBase!.VideoId);
    }

    [Theory]
    [InlineData(EmulatorEventFault.BadSignature)]
    [InlineData(EmulatorEventFault.LateTimestamp)]
    public async Task Badly_signed_or_late_callbacks_are_refused_and_the_emulator_tries_three_times_then_drops_them(EmulatorEventFault fault)
    {
        using var client = Client();
        _emulator.Events.UseHttpCallbacks(_callbackUrl, Key, "FileUploadComplete");
        _emulator.Events.Fault = fault;
        var created = await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "a.mp4" });

        _emulator.Storage.CompleteWithoutBytes(created.VideoId!, 10);
        await _emulator.Events.IdleAsync();

        Assert.Empty(_handled);
        Assert.Equal([1, 2, 3], _emulator.Events.Deliveries.Select(d => d.Attempt));
        Assert.All(_emulator.Events.Deliveries, d => Assert.Equal(401, d.Status));
    }

    [Fact]
    public async Task A_duplicate_is_answered_but_handed_on_once_and_a_slow_answer_is_not_needed()
    {
        using var client = Client();
        _emulator.Events.UseHttpCallbacks(_callbackUrl, Key, "FileUploadComplete");
        _emulator.Events.Fault = EmulatorEventFault.Duplicate;
        var created = await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "a.mp4" });

        _emulator.Storage.CompleteWithoutBytes(created.VideoId!, 10);
        await _emulator.Events.IdleAsync();

        Assert.Equal([200, 200], _emulator.Events.Deliveries.Select(d => d.Status));
        Assert.True(SpinWait.SpinUntil(() => !_handled.IsEmpty, TimeSpan.FromSeconds(30)));
        Assert.Single(_handled);
    }

    [Fact]
    public async Task UploadMediaByURL_and_SubmitSnapshotJob_send_their_events_to_the_UserData_URL_with_its_Extend()
    {
        using var client = Client();

        // The account's settings sign every callback; the requests' UserData send theirs elsewhere (here: the endpoint).
        _emulator.Events.UseHttpCallbacks("http://127.0.0.1:9/elsewhere", Key);
        var userData = new VodUserData { CallbackUrl = _callbackUrl };
        userData.Extend["job"] = "pull-1";
        var pulled = await client.UploadMediaByURLAsync(new UploadMediaByURLRequest { UploadURLs = "https%3A%2F%2Fmedia.example.invalid%2Fclip.mp4", UserData = userData.ToJson() });
        Assert.True(SpinWait.SpinUntil(() => _handled.Any(e => e is VodUploadByUrlComplete), TimeSpan.FromSeconds(30)), string.Join(", ", _emulator.Events.Deliveries));
        var byUrl = Assert.IsType<VodUploadByUrlComplete>(Assert.Single(_handled));
        var job = Assert.Single(pulled.UploadJobs!);
        Assert.Equal((job.JobId, "https://media.example.invalid/clip.mp4", "pull-1"), (byUrl.JobId, byUrl.SourceUrl, VodUserData.ReadExtend(byUrl.Extend)["job"]));

        var videoId = byUrl.VideoId!;
        var snapshotData = new VodUserData { CallbackUrl = _callbackUrl };
        snapshotData.Extend["job"] = "snap-1";
        var snapshot = await client.SubmitSnapshotJobAsync(new SubmitSnapshotJobRequest { VideoId = videoId, Count = 3, UserData = snapshotData.ToJson() });
        Assert.True(SpinWait.SpinUntil(() => _handled.Any(e => e is VodSnapshotComplete), TimeSpan.FromSeconds(30)), string.Join(", ", _emulator.Events.Deliveries));
        var taken = Assert.IsType<VodSnapshotComplete>(_handled.Last());
        var info = Assert.Single(taken.SnapshotInfos);
        Assert.Equal((videoId, snapshot.SnapshotJob!.JobId, 3, "snap-1"), (taken.VideoId, info.JobId, info.SnapshotCount, VodUserData.ReadExtend(taken.Extend)["job"]));
        Assert.NotNull(taken.CoverUrl);
    }

    private VodClient Client() => new(new VodClientOptions
    {
        Endpoint = _emulator.Endpoint,
        Credentials = new StaticCredentialsProvider(EmulatorCredential.Default.AccessKeyId, EmulatorCredential.Default.AccessKeySecret),
    });

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
