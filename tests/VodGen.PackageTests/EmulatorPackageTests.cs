using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace VodGen.PackageTests;

/// <summary>The emulator as users outside this repository get it: a library package and a .NET tool.</summary>
[Collection(PackageCollection.Name)]
public sealed class EmulatorPackageTests(PackageFixture packages)
{
    // Only packages: the client, the uploader and the emulator, started in-process as a test would.
    private const string Program = """
        using VodGen;
        using VodGen.Emulator;
        using VodGen.Upload;
        using VodGen.Vod;

        await using var emulator = await VodEmulator.StartAsync();
        using var client = new VodClient(new VodClientOptions
        {
            Endpoint = emulator.Endpoint,
            Credentials = new StaticCredentialsProvider(EmulatorCredential.Default.AccessKeyId, EmulatorCredential.Default.AccessKeySecret),
        });

        var file = Path.Combine(Path.GetTempPath(), "package-upload-" + Guid.NewGuid().ToString("N") + ".mp4");
        File.WriteAllBytes(file, new byte[2 * 1024 * 1024 + 5]);
        var uploaded = await client.UploadVideoAsync(new CreateUploadVideoRequest { Title = "packaged", FileName = "packaged.mp4" }, file, new VodUploadOptions { PartSize = 1024 * 1024 });
        File.Delete(file);
        Console.WriteLine("uploaded=" + uploaded.Size);

        var refreshed = await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = uploaded.VideoId });
        Console.WriteLine("refreshed=" + (refreshed.DecodeUploadAuth().AccessKeyId is { Length: > 0 }));

        var listed = 0;
        await foreach (var item in client.GetVideoListItemsAsync(new GetVideoListRequest { PageSize = 10 }))
        {
            listed++;
        }

        Console.WriteLine("listed=" + listed);
        try
        {
            await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = "no-such-video" });
        }
        catch (VodServiceException e) when (e.Code == RefreshUploadVideoErrors.InvalidVideoNotFound)
        {
            Console.WriteLine("error=" + e.Code);
        }
        """;

    [Fact]
    public async Task A_consumer_with_only_the_packages_runs_the_emulator_in_process_uploads_refreshes_lists_and_catches_a_typed_error()
    {
        var folder = packages.CreateConsumer(
            "EmulatorConsumer",
            Program,
            specs: ["CreateUploadVideo.json", "RefreshUploadVideo.json", "GetVideoList.json"],
            items: $"""
                <PackageReference Include="VodGen.Upload" Version="{packages.Version}" />
                <PackageReference Include="VodGen.Emulator" Version="{packages.Version}" />
                """);

        var build = await DotNet.RunAsync("build -c Release", folder, TimeSpan.FromMinutes(5));
        Assert.True(build.ExitCode == 0, build.Output);
        var run = await DotNet.RunAsync("bin/Release/net10.0/EmulatorConsumer.dll", folder, TimeSpan.FromMinutes(2));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("uploaded=2097157", run.Output);
        Assert.Contains("refreshed=True", run.Output);
        Assert.Contains("listed=1", run.Output);
        Assert.Contains("error=InvalidVideo.NotFound", run.Output);
    }

    [Fact]
    public async Task The_installed_tool_prints_its_endpoint_and_key_serves_the_control_API_and_stops_on_SIGTERM()
    {
        var tools = Path.Combine(packages.Root, "tools");
        var install = await DotNet.RunAsync($"tool install VodGen.Emulator.Tool --version {packages.Version} --tool-path \"{tools}\" --add-source \"{packages.Feed}\"", packages.Root, TimeSpan.FromMinutes(3));
        Assert.True(install.ExitCode == 0, install.Output);

        using var process = Process.Start(new ProcessStartInfo(Path.Combine(tools, "vodgen-emulator"), "--port 0")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var errors = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        try
        {
            while (!lines.Any(l => l.StartsWith("Control API:", StringComparison.Ordinal)) && await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
            {
                lines.Add(line);
            }

            var endpoint = new Uri(lines.Single(l => l.StartsWith("VodGen emulator listening on ", StringComparison.Ordinal))["VodGen emulator listening on ".Length..].Split(' ')[0]);
            Assert.Equal("127.0.0.1", endpoint.Host);
            Assert.NotEqual(0, endpoint.Port);
            Assert.Contains("AccessKeyId: LTAI5tVodGenEmulator", lines);
            Assert.Contains(lines, l => l.StartsWith("AccessKeySecret: VodGenEmulatorSecretForLocalUseOnly", StringComparison.Ordinal));

            using var http = new HttpClient();
            var info = await http.GetFromJsonAsync<JsonElement>(new Uri(endpoint, "_emulator/info"));
            Assert.Equal("LTAI5tVodGenEmulator", info.GetProperty("accessKeyId").GetString());
            Assert.Contains("RefreshUploadVideo", info.GetProperty("operations").EnumerateArray().Select(o => o.GetString()));
            using var reset = await http.PostAsync(new Uri(endpoint, "_emulator/reset"), null);
            Assert.Equal(System.Net.HttpStatusCode.NoContent, reset.StatusCode);
        }
        finally
        {
            using var term = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
        }

        var rest = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(process.ExitCode == 0, $"exit {process.ExitCode}: {await errors}");
        Assert.Contains("VodGen emulator stopped.", rest);
    }
}
