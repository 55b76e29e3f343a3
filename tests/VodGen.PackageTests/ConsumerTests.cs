using System.IO.Compression;
using VodGen.Emulator;

namespace VodGen.PackageTests;

[Collection(PackageCollection.Name)]
public sealed class ConsumerTests(PackageFixture packages)
{
    private const string Program = """
        using VodGen;
        using VodGen.Vod;

        using var client = new VodClient(new VodClientOptions
        {
            Endpoint = new Uri(args[0]),
            Credentials = new StaticCredentialsProvider(args[1], args[2]),
        });
        var response = await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = args[3] });
        Console.WriteLine("bucket=" + response.DecodeUploadAddress().Bucket);
        try
        {
            await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = "no-such-video" });
        }
        catch (VodServiceException e) when (e.Code == RefreshUploadVideoErrors.InvalidVideoNotFound)
        {
            Console.WriteLine("error=" + e.Code);
        }

        var listed = 0;
        await foreach (var item in client.GetVideoListItemsAsync(new GetVideoListRequest { SortBy = GetVideoListRequest.SortByOption.CreationTimeAsc, PageSize = 1 }))
        {
            listed++;
        }

        Console.WriteLine("listed=" + listed);
        """;

    // The AOT consumer also uploads a file: the uploader, its checkpoints (source-generated JSON) and the generated
    // upload helpers must all be trim- and AOT-safe.
    private const string UploadingProgram = Program + """

        var file = Path.Combine(Path.GetTempPath(), "aot-upload-" + Guid.NewGuid().ToString("N") + ".mp4");
        File.WriteAllBytes(file, new byte[3 * 1024 * 1024 + 17]);
        var result = await client.UploadVideoAsync(
            new CreateUploadVideoRequest { Title = "aot", FileName = "aot.mp4" },
            file,
            new VodGen.Upload.VodUploadOptions { PartSize = 1024 * 1024, Checkpoints = new VodGen.Upload.FileUploadCheckpointStore(Path.GetTempPath()) });
        File.Delete(file);
        Console.WriteLine("uploaded=" + result.Size + " parts=" + result.Parts + " video=" + result.VideoId);
        """;

    private string CreateConsumer(string name, string program, bool aot = false, string[]? specs = null, string properties = "", string items = "")
        => packages.CreateConsumer(name, program, aot, specs, properties, items);

    [Fact]
    public async Task A_consumer_whose_runtime_is_left_out_gets_one_diagnostic_and_no_errors_in_generated_files()
    {
        // The VodGen package's VodGen.Runtime dependency, excluded from the compile as a misconfigured project would.
        var folder = CreateConsumer(
            "no-runtime",
            "Console.WriteLine(\"no runtime\");",
            items: $"<PackageReference Include=\"VodGen.Runtime\" Version=\"{packages.Version}\" ExcludeAssets=\"compile;runtime\" />");

        var (exitCode, output) = await DotNet.RunAsync("build -c Release", folder, TimeSpan.FromMinutes(5));

        Assert.NotEqual(0, exitCode);
        var errors = output.Split('\n').Where(l => l.Contains(": error ", StringComparison.Ordinal)).Select(l => l.Trim()).Distinct().ToList();
        Assert.True(errors.Count > 0 && errors.All(l => l.Contains("VODGEN033", StringComparison.Ordinal)), string.Join("\n", errors));
        Assert.DoesNotContain(".g.cs", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_holds_the_generator_its_json_dependencies_and_build_files_but_no_roslyn()
    {
        using var package = ZipFile.OpenRead(Path.Combine(packages.Feed, $"VodGen.{packages.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("analyzers/dotnet/cs/VodGen.Generator.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/System.Text.Json.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/docs/diagnostics.md", entries); // what the diagnostics' help links open
        Assert.Contains("buildTransitive/VodGen.props", entries);
        Assert.Contains("buildTransitive/VodGen.targets", entries);
        Assert.Equal(21, entries.Count(e => e.StartsWith("buildTransitive/specs/", StringComparison.Ordinal) && e.EndsWith(".json", StringComparison.Ordinal)));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal) || e.Contains("System.Collections.Immutable", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(packages.Feed, $"VodGen.Runtime.{packages.Version}.nupkg")));
    }

    [Fact]
    public async Task Fresh_consumer_builds_from_the_package_and_calls_the_emulator()
    {
        await using var emulator = await VodEmulator.StartAsync();
        var video = emulator.Store.Create("t", "f.mp4", DateTimeOffset.UtcNow);
        var folder = CreateConsumer("Consumer", Program);

        var output = await BuildAndRunAsync(folder, "Consumer", emulator, video.VideoId);

        Assert.Contains("bucket=" + video.Bucket, output);
        Assert.Contains("error=InvalidVideo.NotFound", output);
        Assert.Contains("listed=1", output);
    }

    [Fact]
    public async Task Specs_in_a_class_library_of_their_own_serve_the_application_that_references_it()
    {
        // The pattern README recommends for large spec sets: the generated code compiles once, in its own project, and
        // the application's edits never make the compiler bind it again.
        await using var emulator = await VodEmulator.StartAsync();
        var video = emulator.Store.Create("t", "f.mp4", DateTimeOffset.UtcNow);
        CreateConsumer("VodSpecs", "namespace VodSpecs { internal static class Marker { } }", properties: "<OutputType>Library</OutputType>");
        var app = CreateConsumer("SpecsApp", Program + "\nConsole.WriteLine(\"types-in=\" + typeof(RefreshUploadVideoRequest).Assembly.GetName().Name);", specs: [], items: "<ProjectReference Include=\"../VodSpecs/VodSpecs.csproj\" />");

        var output = await BuildAndRunAsync(app, "SpecsApp", emulator, video.VideoId);

        Assert.Contains("bucket=" + video.Bucket, output);
        Assert.Contains("error=InvalidVideo.NotFound", output);
        Assert.Contains("listed=1", output);
        Assert.Contains("types-in=VodSpecs", output);
    }

    [Fact]
    public async Task Shipped_operations_come_with_the_package_when_asked_for()
    {
        await using var emulator = await VodEmulator.StartAsync();
        var video = emulator.Store.Create("shipped", "f.mp4", DateTimeOffset.UtcNow);
        const string program = """
            using VodGen;
            using VodGen.Vod;

            using var client = new VodClient(new VodClientOptions { Endpoint = new Uri(args[0]), Credentials = new StaticCredentialsProvider(args[1], args[2]) });
            var info = await client.GetVideoInfoAsync(new GetVideoInfoRequest { VideoId = args[3] });
            await client.DeleteVideoAsync(new DeleteVideoRequest { VideoIds = args[3] });
            Console.WriteLine("title=" + info.Video!.Title);
            Console.WriteLine("selected-only=" + (typeof(VodClient).Assembly != typeof(GetVideoInfoRequest).Assembly && typeof(GetVideoInfoRequest).Assembly.GetType("VodGen.Vod.GetPlayInfoRequest") is null));
            """;
        var folder = CreateConsumer("Shipped", program, specs: [], properties: "<VodGenIncludeShippedSpecs>true</VodGenIncludeShippedSpecs><VodGenOperations>GetVideoInfo;DeleteVideo</VodGenOperations>");

        var output = await BuildAndRunAsync(folder, "Shipped", emulator, video.VideoId);

        Assert.Contains("title=shipped", output);
        Assert.Contains("selected-only=True", output);
        Assert.Empty(emulator.Store.Videos);
    }

    [Fact]
    public async Task Item_metadata_selects_several_operations_of_a_whole_product_file()
    {
        // One file holding three operations, of which the item's metadata selects two ("A;B", as MSBuild lists go).
        var product = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(PackageFixture.RepoRoot, "specs", "GetVideoInfo.json")))!;
        foreach (var other in new[] { "DeleteVideo", "GetPlayInfo" })
        {
            var apis = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(PackageFixture.RepoRoot, "specs", other + ".json")))!["apis"]!.AsObject();
            product["apis"]![other] = apis[other]!.DeepClone();
        }

        const string program = """
            _ = new VodGen.Vod.GetVideoInfoRequest { VideoId = "v" };
            _ = new VodGen.Vod.DeleteVideoRequest { VideoIds = "v" };
            System.Console.WriteLine("play=" + (typeof(VodGen.Vod.GetVideoInfoRequest).Assembly.GetType("VodGen.Vod.GetPlayInfoRequest") is not null));
            """;
        var folder = CreateConsumer(
            "Selected",
            program,
            specs: [],
            properties: "<VodGenIncludeSpecs>false</VodGenIncludeSpecs>",
            items: "<AdditionalFiles Include=\"product/vod.json\" VodGenSpec=\"true\" VodGenOperations=\"GetVideoInfo;DeleteVideo\" />");
        Directory.CreateDirectory(Path.Combine(folder, "product"));
        File.WriteAllText(Path.Combine(folder, "product", "vod.json"), product.ToJsonString());

        Assert.Contains("play=False", await BuildAndRunAsync(folder, "Selected"));
    }

    [Fact]
    public async Task Consumer_that_leaves_out_a_required_parameter_does_not_compile()
        => Assert.Contains("CS9035", await FailedBuildAsync("Incomplete", "new VodGen.Vod.RefreshUploadVideoRequest()"));

    [Fact]
    public async Task Constant_that_breaks_a_spec_constraint_fails_the_build_at_the_expression()
        => Assert.Contains(
            "Program.cs(1,87): error VODGEN020: ReferenceId is 3 characters long, but the spec allows 6 to 64 characters",
            await FailedBuildAsync("Constrained", "new VodGen.Vod.RefreshUploadVideoRequest { VideoId = \"v\", ReferenceId = \"abc\" }"));

    [Fact]
    public async Task Diagnostics_help_links_open_the_page_the_package_ships()
    {
        // Both kinds: the generator's (a broken spec) and the analyzer's (a constant the spec refuses). The compiler
        // server runs analyzers from a shadow copy, so a page looked up beside the assembly would not be there.
        var folder = CreateConsumer(
            "HelpLinks",
            "var request = new VodGen.Vod.RefreshUploadVideoRequest { VideoId = \"v\", ReferenceId = \"abc\" };\nSystem.Console.WriteLine(request);\n",
            items: "<AdditionalFiles Include=\"bad/broken.json\" VodGenSpec=\"true\" />");
        Directory.CreateDirectory(Path.Combine(folder, "bad"));
        File.WriteAllText(Path.Combine(folder, "bad", "broken.json"), "{ not json");

        var build = await DotNet.RunAsync("build -c Release -p:ErrorLog=build.sarif%2Cversion%3D2.1", folder, TimeSpan.FromMinutes(5));

        Assert.NotEqual(0, build.ExitCode);
        var log = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "build.sarif")))!;
        var rules = log["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray()
            .ToDictionary(r => (string)r!["id"]!, r => (string?)r!["helpUri"]);
        var page = File.ReadAllText(Path.Combine(PackageFixture.RepoRoot, "docs", "diagnostics.md"));
        foreach (var id in new[] { "VODGEN001", "VODGEN020" })
        {
            Assert.True(rules.TryGetValue(id, out var help), id + " is not in the log: " + string.Join(", ", rules.Keys));
            var link = new Uri(help!);
            Assert.Equal("file", link.Scheme);
            Assert.Equal("#" + id.ToLowerInvariant(), link.Fragment);
            Assert.EndsWith(Path.Combine("analyzers", "dotnet", "cs", "docs", "diagnostics.md"), link.LocalPath, StringComparison.Ordinal);
            Assert.Equal(page, File.ReadAllText(link.LocalPath));
        }

        // The page is the one the package's props name, not one looked up beside wherever the compiler loaded VodGen.
        var named = await DotNet.RunAsync("msbuild -getProperty:VodGenHelpPage", folder, TimeSpan.FromMinutes(2));
        Assert.Equal(new Uri(rules["VODGEN001"]!).LocalPath, named.Output.Trim());
    }

    // Builds a consumer and runs it (with the emulator's endpoint, key and a video ID when given); returns its output.
    private static async Task<string> BuildAndRunAsync(string folder, string name, VodEmulator? emulator = null, string? videoId = null)
    {
        var build = await DotNet.RunAsync("build -c Release", folder, TimeSpan.FromMinutes(5));
        Assert.True(build.ExitCode == 0, build.Output);
        var arguments = emulator is null ? string.Empty : $" {emulator.Endpoint} {EmulatorCredential.Default.AccessKeyId} {EmulatorCredential.Default.AccessKeySecret} {videoId}";
        var run = await DotNet.RunAsync($"bin/Release/net10.0/{name}.dll{arguments}", folder, TimeSpan.FromMinutes(1));
        Assert.True(run.ExitCode == 0, run.Output);
        return run.Output;
    }

    // Builds a consumer whose program prints one request, expects the build to fail and returns its output.
    private async Task<string> FailedBuildAsync(string name, string request)
    {
        var folder = CreateConsumer(name, "var request = " + request + ";\nSystem.Console.WriteLine(request);\n");
        var build = await DotNet.RunAsync("build -c Release", folder, TimeSpan.FromMinutes(5));
        Assert.NotEqual(0, build.ExitCode);
        return build.Output;
    }

    [Fact]
    public async Task Compiler_older_than_the_floor_gets_a_clear_error()
    {
        var folder = CreateConsumer("OldCompiler", Program);

        var build = await DotNet.RunAsync("build -c Release -p:CompilerApiVersion=roslyn4.4", folder, TimeSpan.FromMinutes(5));

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("VODGEN100", build.Output);
        Assert.Contains("Roslyn 4.8", build.Output);
    }

    [AotFact]
    public async Task Native_AOT_consumer_publishes_without_trim_or_AOT_warnings_and_runs()
    {
        await using var emulator = await VodEmulator.StartAsync();
        var video = emulator.Store.Create("t", "f.mp4", DateTimeOffset.UtcNow);
        var folder = CreateConsumer(
            "AotConsumer",
            UploadingProgram,
            aot: true,
            specs: ["RefreshUploadVideo.json", "GetVideoList.json", "CreateUploadVideo.json"],
            items: $"<PackageReference Include=\"VodGen.Upload\" Version=\"{packages.Version}\" />");

        var publish = await DotNet.RunAsync("publish -c Release -r linux-x64 -o out", folder, TimeSpan.FromMinutes(10));
        Assert.True(publish.ExitCode == 0, publish.Output);
        Assert.DoesNotContain("warning IL", publish.Output);
        Assert.DoesNotContain(": warning ", publish.Output);

        var binary = Path.Combine(folder, "out", "AotConsumer");
        var start = new System.Diagnostics.ProcessStartInfo(binary, $"{emulator.Endpoint} {EmulatorCredential.Default.AccessKeyId} {EmulatorCredential.Default.AccessKeySecret} {video.VideoId}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromMinutes(1)) + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("bucket=" + video.Bucket, output);
        Assert.Contains("error=InvalidVideo.NotFound", output);
        Assert.Contains("listed=1", output);
        var uploaded = emulator.Store.Videos.Single(v => v.Title == "aot");
        Assert.Contains($"uploaded={3 * 1024 * 1024 + 17} parts=4 video={uploaded.VideoId}", output);
        Assert.Equal(3 * 1024 * 1024 + 17, emulator.Storage.GetObject(uploaded.Bucket, uploaded.ObjectKey)!.Length);
    }
}

/// <summary>Needs a native toolchain (clang) for Native AOT; skipped, with the reason shown, without one.</summary>
public sealed class AotFactAttribute : FactAttribute
{
    public AotFactAttribute()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        if (!path.Split(Path.PathSeparator).Any(folder => File.Exists(Path.Combine(folder, "clang"))))
        {
            Skip = "Native AOT needs clang (CI installs it: apt-get install -y clang zlib1g-dev).";
        }
    }
}
