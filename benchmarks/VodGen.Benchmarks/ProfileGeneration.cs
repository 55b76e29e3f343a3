extern alias generator;

using System.Diagnostics;
using Microsoft.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace VodGen.Benchmarks;

/// <summary>
/// A quick split of generation into its stages (stopwatch, many runs), to see where the time goes before a
/// BenchmarkDotNet run measures the whole: <c>DOTNET_TieredCompilation=0 dotnet run -c Release -- profile-generation vod-one-line</c>.
/// </summary>
internal static class ProfileGeneration
{
    public static int Run(TextWriter output, string product)
    {
        var spec = GenerationBenchmarks.SpecOf(product);
        var bytes = Encoding.UTF8.GetBytes(spec);
        var file = new generator::VodGen.Generator.Model.SpecFileText("/bench/spec.json", spec, default);
        var parsed = generator::VodGen.Generator.Parsing.SpecReader.Read(file, default);
        var merged = generator::VodGen.Generator.Merging.SpecMerger.Merge(new[] { parsed }, new(string.Empty, true, default), default);
        var bound = merged.Operations.Select(o => generator::VodGen.Generator.Binding.OperationBinder.Bind(o, default)).ToList();
        var sources = bound.Select(generator::VodGen.Generator.Emitting.OperationFileEmitter.Emit).ToList();

        if (Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") != "0")
        {
            // A few runs leave most code at the JIT's first tier; BenchmarkDotNet's figures are steady-state code.
            output.WriteLine("(set DOTNET_TieredCompilation=0 for optimized code from the first run)");
        }

        output.WriteLine($"{product}: {bytes.Length:N0} bytes of spec, {merged.Operations.Count} operations, {sources.Sum(s => s.Length):N0} characters generated");
        Report(output, "JsonDocument.Parse", () => JsonDocument.Parse(bytes).Dispose());
        Report(output, "JSON tree", () => generator::VodGen.Generator.Parsing.JsonTreeBuilder.Build(bytes, new(), default));
        Report(output, "parse (tree + models)", () => generator::VodGen.Generator.Parsing.SpecReader.Read(file, default));
        Report(output, "merge", () => generator::VodGen.Generator.Merging.SpecMerger.Merge(new[] { parsed }, new(string.Empty, true, default), default));
        Report(output, "bind", () => merged.Operations.Select(o => generator::VodGen.Generator.Binding.OperationBinder.Bind(o, default)).ToList());
        Report(output, "emit", () => bound.ForEach(b => generator::VodGen.Generator.Emitting.OperationFileEmitter.Emit(b)));
        var texts = System.Collections.Immutable.ImmutableArray.Create<AdditionalText>(new GenerationBenchmarks.SpecText("/bench/spec.json", spec));
        var compilation = GenerationBenchmarks.Compilation("Profile");
        Report(output, "cold generation (new driver)", () => GenerationBenchmarks.NewDriver(texts, new GenerationBenchmarks.SpecOptions("/bench/spec.json")).RunGenerators(compilation).GetRunResult());
        if (OnlyStage is null || "cold".StartsWith(OnlyStage, StringComparison.Ordinal))
        {
            // What a driver holds after a cold run (every step's cached value and the generated texts): it outlives the
            // run's collections, so it is what gets promoted and makes the full collections.
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var driver = GenerationBenchmarks.NewDriver(texts, new GenerationBenchmarks.SpecOptions("/bench/spec.json")).RunGenerators(compilation);
            var kept = GC.GetTotalMemory(forceFullCollection: true) - before;
            GC.KeepAlive(driver);
            output.WriteLine($"  {"kept by the driver after a cold run",-40} {kept / 1e6,8:F1} MB");
        }

        Report(output, "Roslyn parses the output (in the build)", () => sources.ForEach(s => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(s)), runs: 5);
        return 0;
    }

    /// <summary>
    /// Writes every source the generator produces for a product into <paramref name="directory"/>. With
    /// <paramref name="declarationsOnly"/>, every method body becomes <c>throw null!</c>: the types and properties
    /// alone, the least any typed client of the product must compile (benchmarks/build-time.sh builds it as a floor).
    /// </summary>
    public static int WriteSources(string product, string directory, bool declarationsOnly)
    {
        var path = "/bench/specs/" + product + ".json";
        var texts = System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.AdditionalText>(new GenerationBenchmarks.SpecText(path, GenerationBenchmarks.SpecOf(product)));
        var compilation = GenerationBenchmarks.Compilation("Sources");
        var run = GenerationBenchmarks.NewDriver(texts, new GenerationBenchmarks.SpecOptions(path)).RunGenerators(compilation).GetRunResult().Results[0];
        if (run.GeneratedSources.IsEmpty)
        {
            Console.Error.WriteLine("The generator produced nothing: " + string.Join("; ", run.Diagnostics));
            return 1;
        }
        Directory.CreateDirectory(directory);
        foreach (var source in run.GeneratedSources)
        {
            var text = declarationsOnly
                ? new DeclarationsOnly().Visit(source.SyntaxTree.GetRoot()).ToFullString()
                : source.SourceText.ToString();
            File.WriteAllText(Path.Combine(directory, source.HintName), text);
        }

        return 0;
    }

    // Replaces each method's body with `=> throw null!;` (constructors, properties and their initializers stay).
    private sealed class DeclarationsOnly : Microsoft.CodeAnalysis.CSharp.CSharpSyntaxRewriter
    {
        public override Microsoft.CodeAnalysis.SyntaxNode? VisitMethodDeclaration(Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax node)
            => node.WithBody(null)
                .WithExpressionBody(Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ArrowExpressionClause(Microsoft.CodeAnalysis.CSharp.SyntaxFactory.ParseExpression(" throw null!")))
                .WithSemicolonToken(Microsoft.CodeAnalysis.CSharp.SyntaxFactory.Token(Microsoft.CodeAnalysis.CSharp.SyntaxKind.SemicolonToken).WithTrailingTrivia(node.GetTrailingTrivia()))
                .WithParameterList(node.ParameterList.WithTrailingTrivia(Microsoft.CodeAnalysis.CSharp.SyntaxFactory.Space));
    }

    // VODGEN_PROFILE_STAGE=<start of a stage's name> runs only that stage, 150 times (for a profiler to record).
    private static readonly string? OnlyStage = Environment.GetEnvironmentVariable("VODGEN_PROFILE_STAGE");

    // VODGEN_PROFILE_ALLOCATIONS=1 adds, under each stage, the types it allocates most (sampled allocation ticks).
    private static readonly AllocationTicks? Allocations = Environment.GetEnvironmentVariable("VODGEN_PROFILE_ALLOCATIONS") == "1" ? new AllocationTicks() : null;

    private static void Report(TextWriter output, string what, Action action, int runs = 20)
    {
        if (OnlyStage is not null)
        {
            if (!what.StartsWith(OnlyStage, StringComparison.Ordinal))
            {
                return;
            }

            runs = 150;
        }

        for (var i = 0; i < 3; i++)
        {
            action();
        }

        var times = new List<double>();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var (gen0, gen2) = (GC.CollectionCount(0), GC.CollectionCount(2));
        var paused = GC.GetTotalPauseDuration();
        for (var i = 0; i < runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            action();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        // Per run: bytes allocated, collections (all, and full ones) and the time they paused the program.
        allocated = (GC.GetAllocatedBytesForCurrentThread() - allocated) / runs;
        var collections = (GC.CollectionCount(0) - gen0) / (double)runs;
        var full = (GC.CollectionCount(2) - gen2) / (double)runs;
        var pause = (GC.GetTotalPauseDuration() - paused).TotalMilliseconds / runs;
        times.Sort();
        output.WriteLine($"  {what,-40} {times[times.Count / 2],8:F2} ms (median of {runs}) {allocated / 1e6,6:F1} MB, {collections:F1} GCs ({full:F2} full), {pause:F2} ms paused");
        if (Allocations is not null)
        {
            Allocations.Record(action, runs);
            Allocations.Report(output, runs);
        }
    }
}
