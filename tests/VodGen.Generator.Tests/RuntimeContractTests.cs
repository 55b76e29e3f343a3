using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using VodGen.GeneratedCode;

namespace VodGen.Generator.Tests;

/// <summary>Without a compatible VodGen.Runtime, the generator says so once and generates nothing that could not compile.</summary>
public class RuntimeContractTests
{
    private static readonly MetadataReference[] FrameworkOnly = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => Path.GetFileName(path).StartsWith("System", StringComparison.Ordinal) || Path.GetFileName(path) is "netstandard.dll")
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
        .ToArray();

    [Fact]
    public void Without_the_runtime_there_is_one_diagnostic_and_no_generated_file()
    {
        var compilation = CSharpCompilation.Create("NoRuntime", [CSharpSyntaxTree.ParseText("class A { }", GeneratorHarness.ParseOptions())], FrameworkOnly, new(OutputKind.DynamicallyLinkedLibrary));

        GeneratorHarness.Driver(SpecSets.Shipped()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        var missing = Assert.Single(diagnostics, d => d.Id == "VODGEN033");
        Assert.Equal(DiagnosticSeverity.Error, missing.Severity);
        Assert.Contains("does not reference it", missing.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(compilation.SyntaxTrees.Count(), output.SyntaxTrees.Count());
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void A_runtime_of_another_contract_version_is_named_in_the_diagnostic()
    {
        var fakeRuntime = CSharpSyntaxTree.ParseText("namespace VodGen.GeneratedCode { public static class VodGeneratedCodeContract { public const int Version = 99; } }", GeneratorHarness.ParseOptions());
        var compilation = CSharpCompilation.Create("OldRuntime", [fakeRuntime], FrameworkOnly, new(OutputKind.DynamicallyLinkedLibrary));

        GeneratorHarness.Driver(SpecSets.RefreshUploadVideo()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);

        var mismatch = Assert.Single(diagnostics, d => d.Id == "VODGEN033");
        Assert.Contains("contract version 99", mismatch.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Single(output.SyntaxTrees);
    }

    [Fact]
    public void A_project_without_spec_files_needs_no_runtime()
    {
        var compilation = CSharpCompilation.Create("NoSpecs", [CSharpSyntaxTree.ParseText("class A { }", GeneratorHarness.ParseOptions())], FrameworkOnly, new(OutputKind.DynamicallyLinkedLibrary));

        GeneratorHarness.Driver(Array.Empty<(string, string)>()).RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Generated_types_say_who_made_them_with_the_generator_version_and_are_skipped_by_debugger_and_coverage()
    {
        var (run, _, _) = GeneratorHarness.Run(SpecSets.RefreshUploadVideo());
        var version = typeof(VodGenerator).Assembly.GetName().Version!.ToString(3);

        var operation = run.GeneratedSources.Single(s => s.HintName == "VodGen.Vod.RefreshUploadVideo.g.cs").SourceText.ToString();
        Assert.Contains($"[global::System.CodeDom.Compiler.GeneratedCode(\"VodGen\", \"{version}", operation, StringComparison.Ordinal);
        Assert.Contains("[global::System.Diagnostics.DebuggerNonUserCode]", operation, StringComparison.Ordinal);
        Assert.Contains("[global::System.Diagnostics.CodeAnalysis.ExcludeFromCodeCoverage]", operation, StringComparison.Ordinal);
    }
}
