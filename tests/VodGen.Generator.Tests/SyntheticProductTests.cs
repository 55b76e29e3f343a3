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
}
