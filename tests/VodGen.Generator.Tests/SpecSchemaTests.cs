using System.Text.Json;
using Json.Schema;

namespace VodGen.Generator.Tests;

/// <summary>
/// specs/vodgen-spec.schema.json (what editors validate spec files with) accepts every shipped spec, the official
/// sample entries and the official constructs, and refuses what the generator refuses outright.
/// </summary>
public class SpecSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoRoot(), "specs", "vodgen-spec.schema.json"))));

    public static TheoryData<string> Accepted()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoRoot(), "specs"), "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetRelativePath(RepoRoot(), file));
        }

        files.Add("tests/VodGen.Generator.Tests/Fixtures/official-sample.json");
        files.Add("tests/VodGen.Generator.Tests/Fixtures/official-constructs.json");
        return files;
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void The_schema_accepts(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot(), file)));
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? new List<EvaluationResults>()).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value))));
    }

    [Theory]
    [InlineData("{ \"info\": { \"product\": \"vod\", \"version\": \"1\" } }")]
    [InlineData("{ \"info\": { \"style\": \"ROA\", \"product\": \"vod\", \"version\": \"1\" }, \"apis\": {} }")]
    [InlineData("{ \"info\": { \"product\": \"vod\", \"version\": \"1\" }, \"apis\": { \"Op\": { \"parameters\": [ { \"name\": \"A\", \"schema\": { \"type\": \"text\" } } ] } } }")]
    public void The_schema_refuses(string text)
    {
        using var document = JsonDocument.Parse(text);
        Assert.False(Schema.Value.Evaluate(document.RootElement).IsValid);
    }

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
