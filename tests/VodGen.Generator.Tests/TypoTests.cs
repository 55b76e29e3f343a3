using Microsoft.CodeAnalysis;

namespace VodGen.Generator.Tests;

/// <summary>VODGEN032: a key or value a typo away from a known one is a warning naming what was meant.</summary>
public class TypoTests
{
    private static readonly string Spec = GeneratorHarness.Spec("CreateUploadVideo.json");

    public static TheoryData<string, string, string> Typos => new()
    {
        { "\"required\"", "\"requird\"", "required" },
        { "\"minLength\"", "\"minLenght\"", "minLength" },
        { "\"maxLength\"", "\"maxLenght\"", "maxLength" },
        { "\"parameters\"", "\"paramters\"", "parameters" },
        { "\"responses\"", "\"response\"", "responses" },
        { "\"200\"", "\"20\"", "200" },
        { "\"query\"", "\"qeury\"", "query" },
        { "\"x-vodgen-qps\"", "\"x-vodgen-qpss\"", "x-vodgen-qps" },
        { "\"post\"", "\"pots\"", "post" },
        { "\"properties\"", "\"propertes\"", "properties" },
        { "\"x-vodgen-secret\"", "\"x-vodgen-secert\"", "x-vodgen-secret" },
        { "\"perAccount\"", "\"perAcount\"", "perAccount" },
    };

    [Theory]
    [MemberData(nameof(Typos))]
    public void A_typo_in_a_key_or_value_is_a_warning_at_it_naming_what_was_meant(string right, string wrong, string meant)
    {
        var at = Spec.IndexOf(right, StringComparison.Ordinal);
        Assert.True(at >= 0, $"the spec has no {right}");
        var text = string.Concat(Spec.AsSpan(0, at), wrong, Spec.AsSpan(at + right.Length));

        var result = GeneratorHarness.Driver(new[] { ("/specs/CreateUploadVideo.json", text) }).RunGenerators(GeneratorHarness.Compilation(Array.Empty<string>())).GetRunResult().Results.Single();

        var typo = Assert.Single(result.Diagnostics, d => d.Id == "VODGEN032");
        Assert.Equal(DiagnosticSeverity.Warning, typo.Severity);
        Assert.Contains($"did you mean '{meant}'", typo.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var line = text[..at].Count(c => c == '\n');
        Assert.Equal(line, typo.Location.GetLineSpan().StartLinePosition.Line);
        Assert.EndsWith("CreateUploadVideo.json", typo.Location.GetLineSpan().Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_specs_and_official_samples_raise_no_typo_warning()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Specs"), "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal))
            .Select(f => ("/specs/" + Path.GetFileName(f), File.ReadAllText(f)))
            .Append(("/specs/official-sample.json", GeneratorHarness.Fixture("official-sample.json")))
            .Append(("/specs/official-constructs.json", GeneratorHarness.Fixture("official-constructs.json")))
            .ToList();

        foreach (var file in files)
        {
            var result = GeneratorHarness.Driver(new[] { file }, new Dictionary<string, string> { ["build_property.VodGenNamespace"] = "Typos." + Path.GetFileNameWithoutExtension(file.Item1).Replace("-", string.Empty, StringComparison.Ordinal) })
                .RunGenerators(GeneratorHarness.Compilation(Array.Empty<string>())).GetRunResult().Results.Single();
            Assert.DoesNotContain(result.Diagnostics, d => d.Id == "VODGEN032");
        }
    }
}
