using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using VodGen.GeneratedCode;

namespace VodGen.Generator.Tests;

public class IncrementalTests
{
    // Steps that always produce output for a valid spec set; diagnostic steps appear only when there is something to report.
    private static readonly string[] TrackedSteps =
    {
        TrackingNames.Parsed, TrackingNames.Options, TrackingNames.Merged, TrackingNames.Products,
        TrackingNames.Operations, TrackingNames.SharedTypes, TrackingNames.BoundOperations, TrackingNames.BoundSharedTypes, TrackingNames.Namespaces,
    };

    // Every step the generator names (Roslyn adds its own, such as SourceOutput, which hold generated text).
    private static readonly HashSet<string> OurSteps = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetValue(null)!)
        .ToHashSet();

    [Fact]
    public void Second_run_with_nothing_changed_is_entirely_cached()
    {
        var compilation = GeneratorHarness.Compilation(new[] { "class A { }" });
        var driver = GeneratorHarness.Driver(SpecSets.OfficialSample().Concat(SpecSets.RefreshUploadVideoAs("/project/specs/other.json")));
        driver = driver.RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.Clone());

        AssertAllCachedOrUnchanged(driver.GetRunResult().Results.Single());
    }

    [Fact]
    public void Unrelated_csharp_edit_regenerates_nothing()
    {
        var compilation = GeneratorHarness.Compilation(new[] { "class A { }" });
        var driver = GeneratorHarness.Driver(SpecSets.RefreshUploadVideo()).RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { void M() { } }", GeneratorHarness.ParseOptions()));

        driver = driver.RunGenerators(edited);

        AssertAllCachedOrUnchanged(driver.GetRunResult().Results.Single());
    }

    [Fact]
    public void Editing_a_spec_regenerates_from_the_edited_file()
    {
        var compilation = GeneratorHarness.Compilation(Array.Empty<string>());
        var original = SpecSets.RefreshUploadVideo().Single();
        var oldText = new InMemoryAdditionalText(original.Path, original.Text);
        var driver = GeneratorHarness.Driver(new AdditionalText[] { oldText }).RunGenerators(compilation);
        var newText = new InMemoryAdditionalText(original.Path, original.Text.Replace("\"perAccount\": 120", "\"perAccount\": 60"));

        driver = driver.ReplaceAdditionalText(oldText, newText).RunGenerators(compilation);

        var result = driver.GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[TrackingNames.Parsed].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("new global::VodGen.GeneratedCode.VodQpsLimit(60,", result.GeneratedSources.Single(s => s.SourceText.ToString().Contains("VodQpsLimit", StringComparison.Ordinal)).SourceText.ToString());
    }

    [Fact]
    public void No_step_output_holds_a_roslyn_object()
    {
        var driver = GeneratorHarness.Driver(SpecSets.OfficialSample().Concat(SpecSets.RefreshUploadVideoAs("/project/specs/other.json")))
            .RunGenerators(GeneratorHarness.Compilation(new[] { "class A { }" }));
        var result = driver.GetRunResult().Results.Single();

        Assert.All(TrackedSteps, name => Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} did not run"));
        foreach (var (name, steps) in result.TrackedSteps.Where(s => OurSteps.Contains(s.Key)))
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObject(output.Value, name, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result)
    {
        Assert.All(TrackedSteps, name => Assert.True(result.TrackedSteps.ContainsKey(name), $"step {name} did not run"));

        // Roslyn's own input steps (such as "Compilation") change with every edit; what matters is that ours do not.
        foreach (var (name, steps) in result.TrackedSteps.Where(s => OurSteps.Contains(s.Key)))
        {
            foreach (var output in steps.SelectMany(s => s.Outputs))
            {
                Assert.True(
                    output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {name} produced an output with reason {output.Reason}");
            }
        }

        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs))
        {
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output step ran with reason {output.Reason}");
        }
    }

    // Walks a value's object graph; anything Roslyn-owned would keep a compilation alive and defeat caching.
    private static void AssertNoRoslynObject(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        Assert.False(
            value is ISymbol or Compilation or SyntaxNode or SyntaxTree or SemanticModel or AdditionalText or SourceText or Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions,
            $"step {step} holds a {value.GetType().FullName}");

        if (value is IEnumerable sequence)
        {
            foreach (var item in sequence)
            {
                AssertNoRoslynObject(item, step, seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObject(field.GetValue(value), step, seen);
        }
    }
}
