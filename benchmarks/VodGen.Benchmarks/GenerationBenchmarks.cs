extern alias generator;

using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using VodGen.Testing;

namespace VodGen.Benchmarks;

/// <summary>
/// The generator on a whole product: the synthetic one (300 operations, pretty-printed) and the VOD-scale one (186
/// official entries on one line, as official files are published). A cold run (new driver) against a bare
/// <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> of the same bytes (target since issue 24: at most 10 ×),
/// and a warm run after an unrelated C# edit (target: under 1 ms).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GenerationBenchmarks
{
    private byte[] _bytes = Array.Empty<byte>();
    private string _spec = string.Empty;
    private ImmutableArray<AdditionalText> _texts;
    private SpecOptions _options = null!;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private int _edit;

    /// <summary>
    /// Which product: <c>synthetic-300</c>, <c>vod-one-line</c> and <c>vod-published-size</c> (stand-ins built from the
    /// official sample), or <c>vod-published</c>: Alibaba's VOD file itself (../shared/reference/vod-api-docs.json).
    /// </summary>
    [Params("synthetic-300", "vod-one-line", "vod-published-size", "vod-published")]
    public string Product { get; set; } = "synthetic-300";

    /// <summary>The spec text of a product this suite measures.</summary>
    public static string SpecOf(string product)
    {
        if (product == "synthetic-300")
        {
            return SyntheticProduct.Create(300);
        }

        if (product == "vod-published")
        {
            return File.ReadAllText(VodGen.Testing.PublishedVodFile.Find()
                ?? throw new InvalidOperationException($"The published VOD file is not here: put it at ../shared/reference/vod-api-docs.json or name it in {VodGen.Testing.PublishedVodFile.Variable}."));
        }

        var sample = OfficialSample();
        return product == "vod-published-size" ? VodScaleProduct.CreatePublishedSize(sample) : VodScaleProduct.Create(sample);
    }

    /// <summary>The official metadata entries the stand-in products are built from.</summary>
    public static string OfficialSample()
    {
        using var stream = typeof(GenerationBenchmarks).Assembly.GetManifestResourceStream("official-sample.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GlobalSetup]
    public void Setup()
    {
        var spec = SpecOf(Product);
        _spec = spec;
        _bytes = Encoding.UTF8.GetBytes(spec);
        _texts = ImmutableArray.Create<AdditionalText>(new SpecText("/bench/specs/synth.json", spec));
        _options = new SpecOptions(_texts[0].Path);
        _compilation = Compilation("Bench", CSharpSyntaxTree.ParseText("class A { }"));
    }

    // Only the warm run holds a driver's whole state between calls: kept alive beside the others, it made every
    // collection during a cold run longer than the cold run itself causes.
    [GlobalSetup(Targets = [nameof(Warm)])]
    public void SetupWarm()
    {
        Setup();
        _warm = NewDriver().RunGenerators(_compilation);
    }

    [Benchmark(Baseline = true, Description = "JsonDocument.Parse of the spec")]
    public int Parse()
    {
        using var document = JsonDocument.Parse(_bytes);
        return document.RootElement.GetProperty("apis").GetPropertyCount();
    }

    [Benchmark(Description = "VodGen parse only (spec → models)")]
    public int ParseModels()
        => generator::VodGen.Generator.Parsing.SpecReader.Read(new(_texts[0].Path, _spec, default), CancellationToken.None).File!.Operations.Count;

    [Benchmark(Description = "VodGen parse + merge + bind + emit, no Roslyn")]
    public int ParseAndEmit()
    {
        var parsed = generator::VodGen.Generator.Parsing.SpecReader.Read(new(_texts[0].Path, _spec, default), CancellationToken.None);
        var merged = generator::VodGen.Generator.Merging.SpecMerger.Merge(new[] { parsed }, new(string.Empty, true, default), CancellationToken.None);
        var length = 0;
        foreach (var operation in merged.Operations)
        {
            var bound = generator::VodGen.Generator.Binding.OperationBinder.Bind(operation, CancellationToken.None);
            length += generator::VodGen.Generator.Emitting.OperationFileEmitter.Emit(bound).Length;
        }

        return length;
    }

    // The driver parses generated trees lazily (when a compilation needs them), so this is generation and the driver's bookkeeping.
    [Benchmark(Description = "cold generation (new driver)")]
    public int Cold() => NewDriver().RunGenerators(_compilation).GetRunResult().Results[0].GeneratedSources.Length;

    [Benchmark(Description = "warm run after an unrelated C# edit")]
    public int Warm()
    {
        var edited = _compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B" + _edit++ + " { }"));
        _warm = _warm.RunGenerators(edited);
        return _edit;
    }

    private GeneratorDriver NewDriver() => NewDriver(_texts, _options);

    /// <summary>
    /// A compilation that references VodGen.Runtime: without it the generator reports VODGEN033 and generates nothing,
    /// so a benchmark would measure the parse alone.
    /// </summary>
    internal static CSharpCompilation Compilation(string name, params SyntaxTree[] trees)
        => CSharpCompilation.Create(name, trees, [MetadataReference.CreateFromFile(typeof(global::VodGen.VodClient).Assembly.Location)]);

    /// <summary>
    /// What a real build references: the running framework's System assemblies and VodGen.Runtime, so that binding and
    /// analyzers see the types they look for (the SDK's analyzers register nothing without them).
    /// </summary>
    internal static MetadataReference[] FullReferences()
        => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(global::VodGen.VodClient).Assembly.Location))
            .ToArray();

    /// <summary>A driver that runs VodGen over <paramref name="texts"/>, each marked as a spec by <paramref name="options"/>.</summary>
    internal static GeneratorDriver NewDriver(ImmutableArray<AdditionalText> texts, AnalyzerConfigOptionsProvider options) => CSharpGeneratorDriver.Create(
        new[] { new generator::VodGen.Generator.VodGenerator().AsSourceGenerator() },
        texts,
        new CSharpParseOptions(LanguageVersion.Latest),
        options);

    internal sealed class SpecText(string path, string text) : AdditionalText
    {
        // Decoded from bytes as the compiler reads an additional file from disk: a text this large comes in chunks
        // (no string of the whole file), so what the generator copies out of it shows in the measurement.
        private readonly SourceText _text = SourceText.From(new MemoryStream(Encoding.UTF8.GetBytes(text)), Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    internal sealed class SpecOptions(string specPath) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options Spec = new(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.VodGenSpec", "true"));
        private static readonly Options None = new(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GlobalOptions => None;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == specPath ? Spec : None;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
