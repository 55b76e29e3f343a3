using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace VodGen.Generator.Tests;

/// <summary>Runs <see cref="VodGenerator"/> in memory over spec texts and C# sources.</summary>
internal sealed class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(path) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(VodGen.VodClient).Assembly.Location)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray());

    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest)
        => new CSharpParseOptions(version, DocumentationMode.Diagnose);

    // What a project that references the VodGen.Upload package compiles against as well.
    private static readonly Lazy<ImmutableArray<MetadataReference>> UploadReferences = new(() => References.Value
        .Add(MetadataReference.CreateFromFile(typeof(VodGen.Upload.VodUploader).Assembly.Location))
        .Add(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location)));

    public static CSharpCompilation Compilation(IEnumerable<string> sources, LanguageVersion version = LanguageVersion.Latest, bool referenceUpload = false)
        => CSharpCompilation.Create(
            "Consumer",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions(version), path: $"User{i}.cs")),
            referenceUpload ? UploadReferences.Value : References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
                // As the .NET SDK does by default: the runtime targets net8.0 and binds to the newer framework here.
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver Driver(IEnumerable<(string Path, string Text)> specs, IDictionary<string, string>? properties = null, LanguageVersion version = LanguageVersion.Latest, IDictionary<string, string>? selections = null)
        => Driver(specs.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text)), properties, version, selections);

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> additionalTexts, IDictionary<string, string>? properties = null, LanguageVersion version = LanguageVersion.Latest, IDictionary<string, string>? selections = null)
    {
        var texts = additionalTexts.ToImmutableArray();
        var options = new TestAnalyzerConfigOptionsProvider(
            (properties ?? new Dictionary<string, string>()).ToImmutableDictionary(),
            texts.Select(t => t.Path).ToImmutableHashSet(),
            selections?.ToImmutableDictionary());
        return CSharpGeneratorDriver.Create(
            new[] { new VodGenerator().AsSourceGenerator() },
            texts,
            ParseOptions(version),
            options,
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator once and compiles its output with the user sources.</summary>
    public static (GeneratorRunResult Run, Compilation Output, ImmutableArray<Diagnostic> Diagnostics) Run(
        IEnumerable<(string Path, string Text)> specs,
        IEnumerable<string>? userSources = null,
        IDictionary<string, string>? properties = null,
        LanguageVersion version = LanguageVersion.Latest,
        IDictionary<string, string>? selections = null,
        bool referenceUpload = false)
    {
        var driver = Driver(specs, properties, version, selections);
        var compilation = Compilation(userSources ?? Array.Empty<string>(), version, referenceUpload);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var run = driver.GetRunResult().Results.Single();
        Assert.Null(run.Exception);
        return (run, WithNullableWarnings(output, run), generatorDiagnostics);
    }

    /// <summary>
    /// The output with each generated file's nullable context switched from annotations only (what consumers compile,
    /// see SourceWriter.FileHeader) to warnings on as well, so that every test that compiles the output also checks
    /// the generated annotations and bodies for nullable mistakes.
    /// </summary>
    private static Compilation WithNullableWarnings(Compilation output, GeneratorRunResult run)
    {
        foreach (var source in run.GeneratedSources)
        {
            var text = source.SourceText.ToString();
            Assert.Contains("\n#nullable enable annotations\n", text, StringComparison.Ordinal);
            var strict = CSharpSyntaxTree.ParseText(
                text.Replace("\n#nullable enable annotations\n", "\n#nullable enable\n", StringComparison.Ordinal),
                (CSharpParseOptions)source.SyntaxTree.Options,
                source.SyntaxTree.FilePath);
            output = output.ReplaceSyntaxTree(source.SyntaxTree, strict);
        }

        return output;
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static string Spec(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", name));
}
