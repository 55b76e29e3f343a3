using Microsoft.CodeAnalysis;
using VodGen.GeneratedCode;

namespace VodGen.Generator.Tests;

/// <summary>Spec text that once broke generated code or every call at run time.</summary>
public class HardeningTests
{
    private static string Spec(string parameters, string description = "A call.")
        => $$"""
            {
              "info": { "style": "RPC", "product": "vod", "version": "2017-03-21" },
              "apis": {
                "DoThing": {
                  "summary": {{System.Text.Json.JsonSerializer.Serialize(description)}},
                  "methods": ["post"],
                  "parameters": [{{parameters}}],
                  "responses": { "200": { "schema": { "type": "object", "properties": { "RequestId": { "type": "string" } } } } }
                }
              }
            }
            """;

    [Fact]
    public void Line_and_paragraph_separators_and_NEL_in_spec_text_never_break_the_generated_code()
    {
        const string hostile = "first\u2028// not code\u2029second\u0085*/ third";
        var parameter = $$"""
            { "name": "Title", "in": "query", "schema": { "type": "string", "description": {{System.Text.Json.JsonSerializer.Serialize(hostile)}},
              "example": {{System.Text.Json.JsonSerializer.Serialize(hostile)}}, "enum": [{{System.Text.Json.JsonSerializer.Serialize("a\u2028b")}}, "plain"] } }
            """;

        var (run, output, generatorDiagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/a.json", Spec(parameter, hostile)) });

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var text = string.Concat(run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.DoesNotContain('\u2028', text);
        Assert.DoesNotContain('\u2029', text);
        Assert.DoesNotContain('\u0085', text);
        Assert.Contains("\\u2028", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[a-")]
    [InlineData("a++")]
    [InlineData("(?<n>x)\\k<m>")]
    public void A_pattern_dotnet_cannot_compile_is_VODGEN026_at_the_pattern_and_is_not_emitted(string pattern)
    {
        var patternJson = System.Text.Json.JsonSerializer.Serialize(pattern);
        var text = Spec($$"""{ "name": "Code", "in": "query", "schema": { "type": "string", "pattern": {{patternJson}} } }""");

        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/a.json", text) });

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "VODGEN026");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(text.IndexOf(patternJson, StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
        Assert.Contains("DoThing", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var generated = string.Concat(run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.DoesNotContain("Regex", generated, StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("\"minimum\": 10, \"maximum\": 5", "integer", "minimum", "")]
    [InlineData("\"minLength\": 8, \"maxLength\": 2", "string", "minLength", "")]
    [InlineData("\"minItems\": 3, \"maxItems\": 1, \"items\": { \"type\": \"string\" }", "array", "minItems", ", \"style\": \"repeatList\"")]
    public void A_lower_bound_above_the_upper_bound_is_VODGEN027_and_neither_is_checked(string bounds, string type, string low, string style)
    {
        var text = Spec($$"""{ "name": "Value", "in": "query"{{style}}, "schema": { "type": "{{type}}", {{bounds}} } }""");

        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/a.json", text) });

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "VODGEN027");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal(text.IndexOf("\"" + low + "\": ", StringComparison.Ordinal) + low.Length + 4, diagnostic.Location.SourceSpan.Start);
        var operation = run.GeneratedSources.Single(s => s.HintName.EndsWith("DoThing.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.DoesNotContain("VodRequestValidation.Bounds", operation, StringComparison.Ordinal);
        Assert.DoesNotContain("VodRequestValidation.Length", operation, StringComparison.Ordinal);
        Assert.DoesNotContain("VodRequestValidation.Count", operation, StringComparison.Ordinal);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }
}
