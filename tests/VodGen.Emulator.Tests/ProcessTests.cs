using System.Diagnostics;
using VodGen.Emulator;
using VodGen.Vod;

namespace VodGen.Emulator.Tests;

/// <summary>The emulator and the quickstart as people run them: separate processes.</summary>
public class ProcessTests
{
    private static string BuiltAssembly(string project, string assembly)
    {
        // tests/VodGen.Emulator.Tests/bin/<Configuration>/net10.0 → samples/Quickstart/bin/<Configuration>/net10.0
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var repo = testOutput.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        return Path.Combine(repo, project, "bin", configuration, testOutput.Name, assembly);
    }

    private static Process Start(string assembly, string arguments, IDictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", $"\"{assembly}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    [Fact]
    public async Task Standalone_emulator_prints_its_address_and_serves_clients()
    {
        using var process = Start(Path.Combine(AppContext.BaseDirectory, "VodGen.Emulator.Tool.dll"), "--port 0");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(line);
            Assert.StartsWith("VodGen emulator listening on http://127.0.0.1:", line);
            var endpoint = new Uri(line.Split(' ')[4]);

            using var client = new VodClient(new VodClientOptions
            {
                Endpoint = endpoint,
                Credentials = new StaticCredentialsProvider(EmulatorCredential.Default.AccessKeyId, EmulatorCredential.Default.AccessKeySecret),
            });
            var created = await client.CreateUploadVideoAsync(new CreateUploadVideoRequest { Title = "t", FileName = "f.mp4" });

            Assert.NotNull(created.VideoId);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Standalone_emulator_refuses_bad_options_with_exit_code_2()
    {
        using var process = Start(Path.Combine(AppContext.BaseDirectory, "VodGen.Emulator.Tool.dll"), "--port nine");

        var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync();

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--port must be a number", error);
    }

    [Fact]
    public async Task Quickstart_walks_the_upload_flow_against_the_embedded_emulator()
    {
        // Cleared so that credentials on the machine running the tests never send it to the real service.
        using var process = Start(BuiltAssembly("samples/Quickstart", "Quickstart.dll"), string.Empty, new Dictionary<string, string?>
        {
            ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = null,
            ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = null,
        });

        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync();

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("Started the local VOD emulator at http://127.0.0.1:", output);
        Assert.Contains("1. UploadVideoAsync: 6 MiB in 1 MiB parts", output);
        Assert.Contains("part 6/6 stored", output);
        Assert.Contains("credential expired: renewed with RefreshUploadVideo", output);
        Assert.Contains("complete       6,291,456 of 6,291,456 bytes", output);
        Assert.Contains("1 credential renewal(s)", output);
        Assert.Contains("2. Waiting for the video's events (MNS queue vodgen-quickstart), no polling", output);
        Assert.Matches(@"event +FileUploadComplete +6,291,456 bytes stored[\s\S]*event +TranscodeComplete +1 stream\(s\), success", output);
        Assert.DoesNotContain("polling GetVideoInfo", output);
        Assert.Contains("VodGen quickstart: Normal", output);
        Assert.Contains("ours among them: True", output);
        Assert.Matches(@"OD mp4 1280x720: http://127\.0\.0\.1:\d+/play/\w+/od\.mp4\?auth_key=\d+-\w+-0-[0-9a-f]{32}", output);
        Assert.Contains("signed         HTTP 200 served", output);
        Assert.Contains("unsigned       HTTP 403 refused", output);
        Assert.Contains("expired        HTTP 403 refused", output);
        Assert.Contains("deleted        True", output);
        Assert.Contains("caught         InvalidVideo.NotFound (HTTP 404)", output);
        Assert.DoesNotContain(EmulatorCredential.Default.AccessKeySecret, output);
    }

    [Fact]
    public async Task Quickstart_runs_against_an_emulator_with_RRSA_configured_only_through_the_environment()
    {
        await using var emulator = await VodEmulator.StartAsync();
        var tokenFile = Path.GetTempFileName();
        await File.WriteAllTextAsync(tokenFile, emulator.Identity.IssueOidcToken());
        try
        {
            using var process = Start(BuiltAssembly("samples/Quickstart", "Quickstart.dll"), $"--endpoint {emulator.Endpoint}", new Dictionary<string, string?>
            {
                ["ALIBABA_CLOUD_ACCESS_KEY_ID"] = null,
                ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = null,
                ["ALIBABA_CLOUD_ROLE_ARN"] = "acs:ram::1000000000000000:role/vod-app",
                ["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"] = "acs:ram::1000000000000000:oidc-provider/ack-rrsa",
                ["ALIBABA_CLOUD_OIDC_TOKEN_FILE"] = tokenFile,
                ["ALIBABA_CLOUD_STS_ENDPOINT"] = emulator.Identity.Endpoint.ToString(),
            });

            var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync());
            Assert.Contains("with the RRSA role acs:ram::1000000000000000:role/vod-app", output);
            Assert.Contains("no event queue given: polling GetVideoInfo", output);
            Assert.Contains("VodGen quickstart: Normal", output);
            Assert.Contains("deleted        True", output);
            Assert.Equal(1, emulator.Identity.MintedCount);
            Assert.All(emulator.Log.Records, r => Assert.StartsWith("STS.emulator", r.AccessKeyId, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(tokenFile);
        }
    }
}
