using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using VodGen.Emulator;
using VodGen.Vod;

namespace VodGen.Emulator.Tests;

/// <summary>The control API under /_emulator/, as a test in any language would use it.</summary>
public sealed class ControlApiTests : EmulatorTestBase
{
    private static readonly HttpClient Http = new();

    private Uri At(string path) => new(Emulator.Endpoint, "_emulator/" + path);

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Info_names_the_endpoints_the_test_key_and_the_operations()
    {
        var info = await Http.GetFromJsonAsync<JsonElement>(At("info"));

        Assert.Equal(Emulator.Endpoint.ToString(), info.GetProperty("endpoint").GetString());
        Assert.Equal(Emulator.Storage.Endpoint.ToString(), info.GetProperty("storageEndpoint").GetString());
        Assert.Equal(EmulatorCredential.Default.AccessKeyId, info.GetProperty("accessKeyId").GetString());
        Assert.Equal(EmulatorCredential.Default.AccessKeySecret, info.GetProperty("accessKeySecret").GetString());
        Assert.Contains("CreateUploadVideo", info.GetProperty("operations").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task An_upload_completed_without_bytes_makes_the_video_playable_and_reset_forgets_it()
    {
        using var client = Client();
        var created = await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "other language", FileName = "f.mp4" });

        using var complete = await Http.PostAsync(At($"videos/{created.VideoId}/complete-upload"), Json("""{"size": 5000}"""));
        var listed = await Http.GetFromJsonAsync<JsonElement>(At("videos"));
        using var reset = await Http.PostAsync(At("reset"), null);

        Assert.Equal(HttpStatusCode.NoContent, complete.StatusCode);
        var video = listed.GetProperty("videos").EnumerateArray().Single();
        Assert.Equal(created.VideoId, video.GetProperty("videoId").GetString());
        Assert.Equal("UploadSucc", video.GetProperty("status").GetString());
        Assert.Equal(5000, video.GetProperty("size").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty(Emulator.Store.Videos);
        Assert.Equal(0, Emulator.Log.TotalRecorded);
    }

    [Fact]
    public async Task Faults_set_through_the_control_API_reach_calls_and_bad_ones_are_problem_details()
    {
        using var client = Client(configure: o => o.Retry = new VodRetryOptions { MaxRetryAttempts = 0 });

        using var set = await Http.PutAsync(At("faults"), Json("""{"serverErrorRate": 1}"""));
        var failure = await Assert.ThrowsAsync<VodServiceException>(() => client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "f.mp4" }));
        using var wrong = await Http.PutAsync(At("faults"), Json("""{"serverErrorRate": 2}"""));
        using var unknown = await Http.PutAsync(At("faults"), Json("""{"serverErorRate": 1}"""));
        using var storage = await Http.PutAsync(At("storage-faults"), Json("""{"failNext": 2, "failStatus": 500}"""));
        using var missing = await Http.PostAsync(At("videos/nope/complete-upload"), null);
        using var route = await Http.GetAsync(At("nothing-here"));

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.True((int)failure.StatusCode! >= 500);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("application/problem+json", wrong.Content.Headers.ContentType!.MediaType);
        Assert.Contains("ServerErrorRate", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Unknown fault 'serverErorRate'", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, storage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, route.StatusCode);
    }
}
