using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using VodGen.Benchmarks;

namespace VodGen.Benchmarks.Tests;

public class BenchmarkSmokeTests
{
    public static TheoryData<Type> Suites => new()
    {
        typeof(SignV1Benchmarks), typeof(SignV3Benchmarks), typeof(RequestBuildBenchmarks), typeof(WholeCallBenchmarks),
        typeof(ParsingBenchmarks), typeof(LimiterBenchmarks), typeof(ThroughputBenchmarks), typeof(GenerationBenchmarks), typeof(UploadBenchmarks), typeof(Crc64Benchmarks),
    };

    [Theory]
    [MemberData(nameof(Suites))]
    public void Every_benchmark_runs_once(Type suite)
    {
        var config = ManualConfig.CreateEmpty()
            .AddJob(Job.Dry.WithToolchain(InProcessNoEmitToolchain.Instance))
            .AddLogger(NullLogger.Instance)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "vodgen-benchmark-smoke"))
            .WithOptions(ConfigOptions.DisableLogFile);

        var summary = BenchmarkRunner.Run(suite, config);

        Assert.False(summary.HasCriticalValidationErrors, string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));
        Assert.NotEmpty(summary.Reports);
        Assert.All(summary.Reports, report => Assert.True(report.Success, $"{report.BenchmarkCase.DisplayInfo} failed"));
    }

    [Fact]
    public void Generation_profile_reports_every_stage_with_its_collections()
    {
        using var output = new StringWriter();

        Assert.Equal(0, ProfileGeneration.Run(output, "vod-published-size"));

        var text = output.ToString();
        Assert.Contains(" bytes of spec, 186 operations, ", text);
        foreach (var stage in new[] { "JsonDocument.Parse", "JSON tree", "parse (tree + models)", "merge", "bind", "emit", "cold generation (new driver)", "Roslyn parses the output" })
        {
            var line = Assert.Single(text.Split('\n'), l => l.TrimStart().StartsWith(stage + " ", StringComparison.Ordinal));
            Assert.Matches(@"\d+\.\d\d ms \(median of \d+\) +\d+\.\d MB, \d+\.\d GCs \(\d\.\d\d full\), \d+\.\d\d ms paused", line);
        }

        Assert.Matches(@"kept by the driver after a cold run +\d+\.\d MB", text);
    }

    [Fact]
    public void Allocation_ticks_name_the_types_a_stage_allocates()
    {
        using var ticks = new AllocationTicks();
        using var output = new StringWriter();
        var kept = new List<string>();

        // About 4 MB of strings per run: enough ticks (one per 100 KB) for any sampling to see them.
        ticks.Record(() => kept.AddRange(Enumerable.Range(0, 20_000).Select(i => new string('x', 100 + (i % 7)))), runs: 2);
        ticks.Report(output, runs: 2);

        Assert.Equal(40_000, kept.Count);
        var top = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
        Assert.Matches(@"^ +\d+\.\d\d MB +System\.String$", top.TrimEnd());
    }

    [Fact]
    public void The_generation_benchmarks_compile_against_the_runtime_so_the_generator_emits()
    {
        // Without VodGen.Runtime referenced the generator reports VODGEN033 and emits nothing: a cold run would time the parse alone.
        var folder = Directory.CreateTempSubdirectory("vodgen-generated-").FullName;
        try
        {
            Assert.Equal(0, ProfileGeneration.WriteSources("vod-one-line", folder, declarationsOnly: true));
            Assert.True(Directory.GetFiles(folder, "*.g.cs").Length >= 186);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_compile_profile_cuts_bodies_and_reader_parts_into_code_that_still_compiles()
    {
        using var output = new StringWriter();

        // The variants that cut readers apart (plus the whole and the floor): each must still compile, or Run fails.
        Assert.Equal(0, ProfileCompile.Run(output, "vod-one-line", rounds: 1, only: "readers: "));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("190 files", lines[0]);
        var names = lines.Skip(1).Select(l => l.Trim()[..l.Trim().IndexOf("  ", StringComparison.Ordinal)]).ToList();
        Assert.Equal("whole", names[0]);
        Assert.Equal("floor (every body removed)", names[^1]);
        Assert.Equal(8, names.Count(n => n.StartsWith("readers: ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_analyzer_profile_runs_the_sdk_s_analyzers_over_generated_and_plain_sources()
    {
        using var output = new StringWriter();

        // The .NET SDK running this test has the analyzers a build runs; one copy of the product, one round.
        Assert.Equal(0, await ProfileAnalyzers.RunAsync(output, "vod-one-line", SdkAnalyzersDirectory(), everyAnalyzer: false, rounds: 1, maxCopies: 1));

        var text = output.ToString();
        Assert.Contains("| 1 namespace, generator output |", text, StringComparison.Ordinal);
        Assert.Contains("| 1 namespace, generator output parsed beforehand |", text, StringComparison.Ordinal);
        Assert.Contains("| 1 namespace, plain sources |", text, StringComparison.Ordinal);
    }

    // <dotnet>/sdk/<newest>/Sdks/Microsoft.NET.Sdk/analyzers, found from the running runtime (<dotnet>/shared/Microsoft.NETCore.App/<version>/).
    private static string SdkAnalyzersDirectory()
    {
        var root = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        var found = Directory.EnumerateDirectories(Path.Combine(root, "sdk"))
            .Select(sdk => Path.Combine(sdk, "Sdks", "Microsoft.NET.Sdk", "analyzers"))
            .Where(folder => File.Exists(Path.Combine(folder, "Microsoft.CodeAnalysis.NetAnalyzers.dll")))
            .OrderByDescending(folder => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(folder))))!.Split('-')[0], out var v) ? v : new Version())
            .FirstOrDefault();
        Assert.True(found is not null, "No .NET SDK with its analyzers under " + root);
        return found!;
    }

    [Fact]
    public void The_parse_ratio_reports_both_answers_with_a_ratio_and_its_quartiles()
    {
        using var output = new StringWriter();

        Assert.Equal(0, ParseRatio.Run(output, blocks: 3));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^RefreshUploadVideo sample: generated reader / JsonDocument.Parse = \d+\.\d\d \(median of 3 blocks; quartiles \d+\.\d\d–\d+\.\d\d\); \d+\.\d ns against \d+\.\d ns per call", lines[0]);
        Assert.StartsWith("GetPlayInfo, 60 streams: generated reader / JsonDocument.Parse = ", lines[1]);
    }

    [Fact]
    public async Task Limiter_accuracy_measurement_runs()
    {
        using var output = new StringWriter();

        await LimiterAccuracy.RunAsync(output, callers: 50, seconds: 1, 100);

        Assert.Contains("| 100 | 98 |", output.ToString());
    }
}
