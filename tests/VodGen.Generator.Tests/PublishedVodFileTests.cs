using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using VodGen.GeneratedCode;

namespace VodGen.Generator.Tests;

/// <summary>
/// The official VOD api-docs.json exactly as published (one line), when one is provided: named by the
/// VODGEN_PUBLISHED_VOD_FILE variable, or at ../shared/reference/vod-api-docs.json beside the repository. It cannot
/// be shipped in the repository; without it the test is skipped and says where to put it.
/// </summary>
public class PublishedVodFileTests
{
    [PublishedVodFileFact]
    public void Published_VOD_file_builds_every_operation_and_compiles_with_zero_warnings()
    {
        var text = File.ReadAllText(PublishedVodFileFactAttribute.Find()!);
        var operations = JsonNode.Parse(text)!["apis"]!.AsObject().Count;

        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/vod.json", text) });

        // Official files carry data problems the user cannot fix: those are warnings (VODGEN028/029), never errors.
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.DoesNotContain(diagnostics, d => d.Id == "VODGEN032"); // the official format's own keys are never typos
        Assert.Null(run.Exception);
        Assert.Equal(operations, run.GeneratedSources.Count(s => s.SourceText.ToString().Contains("Operation : global::VodGen.GeneratedCode.VodOperation<", StringComparison.Ordinal)));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(20).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(d => d.ToString())));

        // Descriptions are Markdown with links into the documentation site as ~~id~~ placeholders: the docs keep the
        // words, as XML doc markup, and drop the placeholders.
        var docs = run.GeneratedSources.SelectMany(s => s.SourceText.Lines).Select(l => l.ToString().TrimStart()).Where(l => l.StartsWith("///", StringComparison.Ordinal)).ToList();
        var raw = docs.Where(l => !l.StartsWith("/// <example>", StringComparison.Ordinal) && (l.Contains("~~", StringComparison.Ordinal) || l.Contains("](", StringComparison.Ordinal))).Take(10).ToList();
        Assert.True(raw.Count == 0, string.Join("\n", raw));
        Assert.Contains(docs, l => l.StartsWith("/// <item><description>", StringComparison.Ordinal));
        Assert.Contains(docs, l => l.Contains("<c>", StringComparison.Ordinal));
    }
}

/// <summary>A fact that runs when the published VOD file is available and is skipped, saying where to put it, when not.</summary>
public sealed class PublishedVodFileFactAttribute : FactAttribute
{
    public const string Variable = VodGen.Testing.PublishedVodFile.Variable;

    public PublishedVodFileFactAttribute()
    {
        if (Find() is null)
        {
            Skip = $"The published VOD api-docs.json is not available here: put it at ../shared/reference/vod-api-docs.json or name it in {Variable}.";
        }
    }

    /// <summary>The file's path, or null when there is none.</summary>
    public static string? Find() => VodGen.Testing.PublishedVodFile.Find();
}
