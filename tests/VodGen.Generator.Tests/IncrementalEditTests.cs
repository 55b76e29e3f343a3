using Microsoft.CodeAnalysis;
using VodGen.Testing;

namespace VodGen.Generator.Tests;

public class IncrementalEditTests
{
    private const string Path = "/p/specs/synth.json";

    private static GeneratorRunResult RunEdited(Func<string, string> edit)
    {
        var compilation = GeneratorHarness.Compilation(Array.Empty<string>());
        var text = SyntheticProduct.Create(40);
        var original = new InMemoryAdditionalText(Path, text);
        var driver = GeneratorHarness.Driver(new AdditionalText[] { original }).RunGenerators(compilation);
        var edited = edit(text);
        Assert.NotEqual(text, edited);
        return driver.ReplaceAdditionalText(original, new InMemoryAdditionalText(Path, edited)).RunGenerators(compilation).GetRunResult().Results.Single();
    }

    private static IncrementalStepRunReason[] Reasons(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    [Fact]
    public void Editing_one_operation_re_emits_only_that_operation()
    {
        // The summary of operation 7 only (its first words differ from every other operation's).
        var result = RunEdited(text => text.Replace("\"SubmitThing6\": {\n      \"summary\": ", "\"SubmitThing6\": {\n      \"summary\": \"Changed. \" + ").Replace("\"Changed. \" + \"", "\"Changed. "));

        var operations = Reasons(result, TrackingNames.Operations);
        Assert.Equal(40, operations.Length);
        Assert.Equal(1, operations.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(39, operations.Count(r => r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
        var bound = Reasons(result, TrackingNames.BoundOperations);
        Assert.Equal(1, bound.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(39, bound.Count(r => r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached));
        Assert.All(Reasons(result, TrackingNames.Products), r => Assert.Equal(IncrementalStepRunReason.Unchanged, r));
    }

    [Fact]
    public void Whitespace_only_edit_of_a_spec_re_emits_nothing()
    {
        var result = RunEdited(text => text.Replace("\n", "\n  "));

        Assert.Contains(IncrementalStepRunReason.Modified, Reasons(result, TrackingNames.Parsed));
        foreach (var step in new[] { TrackingNames.Merged, TrackingNames.Operations, TrackingNames.Products, TrackingNames.SharedTypes, TrackingNames.BoundOperations, TrackingNames.BoundSharedTypes })
        {
            if (result.TrackedSteps.ContainsKey(step))
            {
                Assert.All(Reasons(result, step), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, $"{step}: {r}"));
            }
        }
    }
}
