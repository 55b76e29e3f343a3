using Microsoft.CodeAnalysis;
using VodGen.Testing;

namespace VodGen.Generator.Tests;

public class SyntheticProductTests
{
    [Fact]
    public void Whole_synthetic_product_compiles_with_zero_warnings()
    {
        var spec = SyntheticProduct.Create(300);

        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/synth.json", spec) });

        Assert.Empty(diagnostics);
        Assert.Equal((300 * 5) + 1, run.GeneratedSources.Length);
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
