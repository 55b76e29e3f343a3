using Microsoft.CodeAnalysis;
using VodGen.GeneratedCode;

namespace VodGen.Generator.Tests;

public class SelectionTests
{
    private static string[] Operations(GeneratorRunResult run)
        => run.GeneratedSources.Where(s => s.SourceText.ToString().Contains("Operation : global::VodGen.GeneratedCode.VodOperation<", StringComparison.Ordinal))
            .Select(s => s.HintName["VodGen.Vod.".Length..^".g.cs".Length]).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Property_selects_operations_from_every_file()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(
            SpecSets.OfficialSample(),
            properties: new Dictionary<string, string> { ["build_property.VodGenOperations"] = "GetPlayInfo; RefreshUploadVideo" });

        Assert.Equal(new[] { "GetPlayInfo", "RefreshUploadVideo" }, Operations(run));
        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Item_metadata_selects_operations_from_its_file_and_skips_the_rest_unread()
    {
        var broken = SpecSets.OfficialSample()[0].Text.Replace("\"type\": \"integer\"", "\"type\": \"int\"");
        var (run, _, diagnostics) = GeneratorHarness.Run(
            new[] { ("/project/specs/official-sample.json", broken) },
            selections: new Dictionary<string, string> { ["/project/specs/official-sample.json"] = "RefreshUploadVideo" });

        Assert.Equal(new[] { "RefreshUploadVideo" }, Operations(run));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Selected_operation_that_no_file_defines_is_a_warning()
    {
        var (_, _, byProperty) = GeneratorHarness.Run(
            SpecSets.RefreshUploadVideo(),
            properties: new Dictionary<string, string> { ["build_property.VodGenOperations"] = "RefreshUploadVideo;NoSuchThing" });
        var (_, _, byMetadata) = GeneratorHarness.Run(
            SpecSets.RefreshUploadVideo(),
            selections: new Dictionary<string, string> { ["/project/specs/RefreshUploadVideo.json"] = "Typo" });

        var property = Assert.Single(byProperty);
        Assert.Equal(("VODGEN019", DiagnosticSeverity.Warning), (property.Id, property.Severity));
        Assert.Contains("NoSuchThing", property.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var metadata = Assert.Single(byMetadata);
        Assert.Equal("VODGEN019", metadata.Id);
        Assert.Equal("/project/specs/RefreshUploadVideo.json", metadata.Location.GetLineSpan().Path);
    }
}
