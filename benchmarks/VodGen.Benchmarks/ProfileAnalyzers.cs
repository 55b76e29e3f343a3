using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using VodGen.Testing;

namespace VodGen.Benchmarks;

/// <summary>
/// What the .NET SDK's costliest default analyzers on generated code (CA2252 preview-feature detection; CA1856/CA1857
/// constant-expected checks) take over a product's generated code, in-process: for 1, 2 and 4 copies of the product
/// (each in a namespace of its own, as several products in one project), and for the same text given to the compiler
/// as the generator's output, as the generator's output parsed before analysis, or as plain source files. The first
/// round is reported beside the best: what an analyzer is charged the first time includes parsing the generated trees
/// it reaches first (the driver hands them over unparsed), which later rounds over the same trees do not pay.
/// <c>dotnet run -c Release --project benchmarks/VodGen.Benchmarks -- profile-analyzers vod-one-line SDK_ANALYZERS_DIR</c>
/// (the SDK's <c>Sdks/Microsoft.NET.Sdk/analyzers</c> folder).
/// </summary>
internal static class ProfileAnalyzers
{
    private static readonly string[] Measured = ["CSharpDetectPreviewFeatureAnalyzer", "CSharpConstantExpectedAnalyzer"];

    /// <param name="everyAnalyzer">Run every analyzer of the SDK's assemblies beside the two measured (as a build does), not those two alone.</param>
    /// <param name="maxCopies">The most copies of the product compiled together (1, 2 or 4).</param>
    public static async Task<int> RunAsync(TextWriter output, string product, string analyzersDirectory, bool everyAnalyzer, int rounds = 3, int maxCopies = 4)
    {
        var loader = new Loader();
        var analyzers = new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" }
            .Select(f => new AnalyzerFileReference(Path.Combine(analyzersDirectory, f), loader))
            .SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp))
            .Where(a => everyAnalyzer || Measured.Contains(a.GetType().Name))
            .ToImmutableArray();
        if (analyzers.Count(a => Measured.Contains(a.GetType().Name)) != Measured.Length)
        {
            output.WriteLine("The analyzers were not found in " + analyzersDirectory);
            return 1;
        }

        var spec = GenerationBenchmarks.SpecOf(product);
        output.WriteLine($"{product}: analyzer time in-process, {analyzers.Length} analyzers, best of {rounds} (ms; {Environment.ProcessorCount} cores, concurrent analysis)");
        output.WriteLine("| compiled | CA2252 | CA1856/CA1857 | wall | first round: CA2252, CA1856/CA1857, wall |");
        output.WriteLine("| --- | ---: | ---: | ---: | --- |");
        foreach (var copies in new[] { 1, 2, 4 }.Where(c => c <= maxCopies))
        {
            var namespaces = copies == 1 ? "1 namespace" : copies + " namespaces";
            // The product `copies` times, each under a product name (so a namespace) of its own ...
            var texts = Enumerable.Range(1, copies).Select(i => (AdditionalText)new GenerationBenchmarks.SpecText("/bench/specs/p" + i + ".json", spec.Replace("\"product\":\"vod\"", "\"product\":\"vodcopy" + i + "\"", StringComparison.Ordinal))).ToImmutableArray();
            var generated = Generate(texts);
            var rows = new List<(string, CSharpCompilation)> { (namespaces + ", generator output", generated) };

            // The same output in a compilation of its own whose trees are parsed before analysis starts: the driver
            // hands generated text over unparsed, and the first code to ask for a tree's root pays for its parse.
            var parsed = Generate(texts);
            foreach (var tree in parsed.SyntaxTrees)
            {
                _ = tree.GetRoot();
            }

            rows.Add((namespaces + ", generator output parsed beforehand", parsed));
            if (copies == 1)
            {
                // ... the same text given as plain source files ...
                rows.Add(("1 namespace, plain sources", generated.RemoveAllSyntaxTrees().AddSyntaxTrees(generated.SyntaxTrees.Select(t => CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, "/plain/" + Path.GetFileName(t.FilePath))))));
            }
            else if (product == "vod-one-line")
            {
                // ... and one product with `copies` times the operations, in one namespace (one serializers class, one
                // extensions class, `copies` times their members).
                var large = VodScaleProduct.Create(GenerationBenchmarks.OfficialSample(), VodScaleProduct.OfficialOperationCount * copies);
                rows.Add(("1 namespace, " + copies + " × the operations", Generate([new GenerationBenchmarks.SpecText("/bench/specs/p1.json", large)])));
            }

            foreach (var (label, compilation) in rows)
            {
                var best = (Preview: double.MaxValue, Constant: double.MaxValue, Wall: double.MaxValue);
                var first = best;
                for (var round = 0; round < rounds; round++)
                {
                    // A fresh compilation each round, so no bound state is reused.
                    var fresh = compilation.Clone();
                    var stopwatch = Stopwatch.StartNew();
                    var withAnalyzers = fresh.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
                    var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
                    var wall = stopwatch.Elapsed.TotalMilliseconds;
                    var times = result.AnalyzerTelemetryInfo.ToDictionary(p => p.Key.GetType().Name, p => p.Value.ExecutionTime.TotalMilliseconds);
                    best = (Math.Min(best.Preview, times[Measured[0]]), Math.Min(best.Constant, times[Measured[1]]), Math.Min(best.Wall, wall));
                    if (round == 0)
                    {
                        first = best;
                    }
                }

                output.WriteLine($"| {label} | {best.Preview:F0} | {best.Constant:F0} | {best.Wall:F0} | {first.Preview:F0}, {first.Constant:F0}, {first.Wall:F0} |");
            }
        }

        return 0;
    }

    private static CSharpCompilation Generate(ImmutableArray<AdditionalText> texts)
    {
        GenerationBenchmarks.NewDriver(texts, new SpecsOptions(texts.Length))
            .RunGeneratorsAndUpdateCompilation(CSharpCompilation.Create("Analyzed", [CSharpSyntaxTree.ParseText("class A { }")], GenerationBenchmarks.FullReferences(), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)), out var updated, out _);
        return (CSharpCompilation)updated;
    }

    // Marks every copy's spec.
    private sealed class SpecsOptions(int copies) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options None = new(ImmutableDictionary<string, string>.Empty);
        private readonly Dictionary<string, Options> _specs = Enumerable.Range(1, copies).ToDictionary(
            i => "/bench/specs/p" + i + ".json",
            _ => new Options(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.VodGenSpec", "true")));

        public override AnalyzerConfigOptions GlobalOptions => None;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _specs.TryGetValue(textFile.Path, out var options) ? options : None;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
