using Microsoft.CodeAnalysis;
using VodGen.Testing;
using VodGen.GeneratedCode;

namespace VodGen.Generator.Tests;

public class SyntheticProductTests
{
    [Fact]
    public void Whole_synthetic_product_compiles_with_zero_warnings()
    {
        var spec = SyntheticProduct.Create(300);

        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/synth.json", spec) });

        Assert.Empty(diagnostics);
        Assert.Equal(300 + 2, run.GeneratedSources.Length); // one file per operation, the service class, the serializers declaration

        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(20).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(d => d.ToString())));
    }

    [Fact]
    public void Vod_scale_product_on_one_line_builds_and_compiles_with_zero_warnings()
    {
        // The official entries at the scale of the published VOD file (186 operations), on one line as published.
        var spec = VodScaleProduct.Create(GeneratorHarness.Fixture("official-sample.json"));
        Assert.DoesNotContain('\n', spec);

        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/vod.json", spec) });

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(VodScaleProduct.OfficialOperationCount, run.GeneratedSources.Count(s => s.SourceText.ToString().Contains("Operation : global::VodGen.GeneratedCode.VodOperation<", StringComparison.Ordinal)));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(20).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(d => d.ToString())));
    }

    [Fact]
    public void Vod_scale_product_at_the_published_size_builds_with_its_prose_as_docs()
    {
        // The same product with placeholder prose where official files carry theirs, to the published file's size.
        var spec = VodScaleProduct.CreatePublishedSize(GeneratorHarness.Fixture("official-sample.json"));
        Assert.DoesNotContain('\n', spec);
        var size = System.Text.Encoding.UTF8.GetByteCount(spec);
        Assert.InRange(size, VodScaleProduct.PublishedSize * 95 / 100, VodScaleProduct.PublishedSize * 105 / 100);

        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/vod.json", spec) });

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var sources = run.GeneratedSources.Select(s => s.SourceText.ToString()).ToList();
        Assert.Equal(VodScaleProduct.OfficialOperationCount, sources.Count(s => s.Contains("Operation : global::VodGen.GeneratedCode.VodOperation<", StringComparison.Ordinal)));
        Assert.Contains(sources, s => s.Contains("<summary>This value is described here by placeholder text", StringComparison.Ordinal));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(20).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(d => d.ToString())));
    }

    [Fact]
    public void Parsing_honours_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            Parsing.SpecReader.Read(new Model.SpecFileText("/p/specs/synth.json", SyntheticProduct.Create(20), default), cancel.Token));
    }

    [Fact]
    public void Generator_run_honours_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var driver = GeneratorHarness.Driver(new[] { ("/p/specs/synth.json", SyntheticProduct.Create(20)) });

        Assert.ThrowsAny<OperationCanceledException>(() => driver.RunGenerators(GeneratorHarness.Compilation(Array.Empty<string>()), cancel.Token));
    }
}
