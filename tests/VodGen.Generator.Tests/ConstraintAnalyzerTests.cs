using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using VodGen.Generator.Analysis;

namespace VodGen.Generator.Tests;

/// <summary>The constraint analyzer over code that uses generated requests: each constraint kind, valid constants, and values it cannot know.</summary>
public class ConstraintAnalyzerTests
{
    private const string Spec = """
        {
          "info": { "style": "RPC", "product": "vod", "version": "2017-03-21" },
          "apis": {
            "Probe": {
              "methods": ["post"],
              "parameters": [
                { "name": "VideoId", "in": "query", "schema": { "type": "string", "required": true } },
                { "name": "ReferenceId", "in": "query", "schema": { "type": "string", "minLength": 6, "maxLength": 64, "pattern": "^[A-Za-z0-9_-]{6,64}$" } },
                { "name": "Code", "in": "query", "schema": { "type": "string", "pattern": "^[a-z]+$" } },
                { "name": "PageSize", "in": "query", "schema": { "type": "integer", "format": "int32", "minimum": 1, "maximum": 100 } },
                { "name": "Ratio", "in": "query", "schema": { "type": "number", "minimum": 0.5 } },
                { "name": "Offset", "in": "query", "schema": { "type": "integer", "format": "int64", "maximum": 10 } },
                { "name": "Ids", "in": "query", "style": "repeatList", "schema": { "type": "array", "minItems": 1, "maxItems": 2, "items": { "type": "string" } } },
                { "name": "Kind", "in": "query", "schema": { "type": "string", "enum": ["video", "audio"] } },
                { "name": "Level", "in": "query", "schema": { "type": "integer", "format": "int32", "enum": [1, "2", 5] } },
                { "name": "Entries", "in": "query", "style": "repeatList", "schema": { "type": "array", "items": { "type": "object", "properties": { "Label": { "type": "string", "maxLength": 3 } } } } }
              ]
            }
          }
        }
        """;

    [Fact]
    public void Help_link_opens_the_page_the_build_names()
    {
        var page = Path.Combine(Path.GetTempPath(), "vodgen", "diagnostics.md");
        var options = new TestAnalyzerConfigOptionsProvider(ImmutableDictionary<string, string>.Empty.Add("build_property.VodGenHelpPage", page), ImmutableHashSet<string>.Empty);

        var diagnostic = Assert.Single(Analyze("new ProbeRequest { VideoId = \"v\", ReferenceId = \"abc\" }", options));

        Assert.Equal(new Uri(page).AbsoluteUri + "#vodgen020", diagnostic.Descriptor.HelpLinkUri);
        Assert.Equal(Assert.Single(new ConstraintAnalyzer().SupportedDiagnostics, d => d.Id == "VODGEN020").Title, diagnostic.Descriptor.Title);
    }

    private static ImmutableArray<Diagnostic> Analyze(string body, AnalyzerConfigOptionsProvider? options = null)
    {
        var user = "using System.Collections.Generic; using VodGen.Vod;\npublic static class User\n{\n    public static object Make(string dynamicText, int dynamicNumber) => " + body + ";\n}\n";
        var (_, output, generatorDiagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/probe.json", Spec) }, new[] { user });
        Assert.Empty(generatorDiagnostics);
        var analyzed = options is null
            ? output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConstraintAnalyzer()))
            : output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConstraintAnalyzer()), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options));
        return analyzed.GetAllDiagnosticsAsync().GetAwaiter().GetResult()
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.Id.StartsWith("VODGEN", StringComparison.Ordinal))
            .ToImmutableArray();
    }

    private static void AssertOnly(string body, string id, string at)
    {
        var diagnostics = Analyze(body);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(at, diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal("User0.cs", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void Text_shorter_than_the_minimum_length_is_reported_at_the_constant()
        => AssertOnly("new ProbeRequest { VideoId = \"v\", ReferenceId = \"abc\" }", "VODGEN020", "\"abc\"");

    [Fact]
    public void Text_longer_than_the_maximum_length_is_reported()
        => AssertOnly("new ProbeRequest { VideoId = \"v\", ReferenceId = \"" + new string('a', 65) + "\" }", "VODGEN020", "\"" + new string('a', 65) + "\"");

    [Fact]
    public void Length_message_names_the_property_and_the_limits()
    {
        var message = Assert.Single(Analyze("new ProbeRequest { VideoId = \"v\", ReferenceId = \"abc\" }")).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("ReferenceId is 3 characters long, but the spec allows 6 to 64 characters; the call would be refused before sending", message);
    }

    [Fact]
    public void Text_that_misses_the_pattern_is_reported()
        => AssertOnly("new ProbeRequest { VideoId = \"v\", Code = \"Abc\" }", "VODGEN021", "\"Abc\"");

    [Fact]
    public void Text_of_the_right_length_but_the_wrong_characters_is_reported_once()
        => AssertOnly("new ProbeRequest { VideoId = \"v\", ReferenceId = \"abc def!\" }", "VODGEN021", "\"abc def!\"");

    [Fact]
    public void Integer_above_the_maximum_is_reported()
        => AssertOnly("new ProbeRequest { VideoId = \"v\", PageSize = 500 }", "VODGEN022", "500");

    [Fact]
    public void Integer_below_the_minimum_is_reported()
        => AssertOnly("new ProbeRequest { VideoId = \"v\", PageSize = 0 }", "VODGEN022", "0");

    [Fact]
    public void Negative_constant_and_constant_expression_are_checked()
    {
        AssertOnly("new ProbeRequest { VideoId = \"v\", Offset = 5 + 6 }", "VODGEN022", "5 + 6");
        AssertOnly("new ProbeRequest { VideoId = \"v\", Ratio = -1.5 }", "VODGEN022", "-1.5");
    }

    [Fact]
    public void Too_many_items_in_a_collection_expression_are_reported()
        => AssertOnly("new ProbeRequest { VideoId = \"v\", Ids = [\"a\", \"b\", \"c\"] }", "VODGEN023", "[\"a\", \"b\", \"c\"]");

    [Fact]
    public void Too_many_items_in_an_array_or_list_initializer_are_reported()
    {
        AssertOnly("new ProbeRequest { VideoId = \"v\", Ids = new[] { \"a\", \"b\", \"c\" } }", "VODGEN023", "new[] { \"a\", \"b\", \"c\" }");
        AssertOnly("new ProbeRequest { VideoId = \"v\", Ids = new List<string> { \"a\", \"b\", \"c\" } }", "VODGEN023", "new List<string> { \"a\", \"b\", \"c\" }");
    }

    [Fact]
    public void Too_few_items_are_reported()
        => AssertOnly("new ProbeRequest { VideoId = \"v\", Ids = new string[0] { } }", "VODGEN023", "new string[0] { }");

    [Fact]
    public void Constants_inside_list_items_are_checked_too()
        => AssertOnly("new ProbeRequest { VideoId = \"v\", Entries = [new() { Label = \"abcd\" }] }", "VODGEN020", "\"abcd\"");

    [Theory]
    [InlineData("\"\"", "\"\"")]
    [InlineData("null!", "null")]
    public void Empty_required_text_is_reported(string empty, string at)
        => AssertOnly("new ProbeRequest { VideoId = " + empty + " }", "VODGEN024", at);

    [Fact]
    public void Integer_that_is_not_listed_is_reported()
    {
        AssertOnly("new ProbeRequest { VideoId = \"v\", Level = 3 }", "VODGEN025", "3");
        var message = Assert.Single(Analyze("new ProbeRequest { VideoId = \"v\", Level = 4 }")).GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Level is 4, but the spec allows only 1, 2, 5; the call would be refused before sending", message);
    }

    [Fact]
    public void Valid_constants_produce_no_diagnostic()
        => Assert.Empty(Analyze("new ProbeRequest { VideoId = \"v\", ReferenceId = \"ref-123456\", Code = \"abc\", PageSize = 100, Ratio = 0.5, Offset = -3, Ids = [\"a\", \"b\"], Kind = ProbeRequest.KindOption.Audio, Level = 2 }"));

    [Fact]
    public void Values_known_only_at_run_time_are_left_to_validation()
        => Assert.Empty(Analyze("new ProbeRequest { VideoId = \"v\", ReferenceId = dynamicText, PageSize = dynamicNumber, Ids = [dynamicText, dynamicText, dynamicText, .. new[] { dynamicText }] }"));

    [Fact]
    public void A_string_where_an_option_type_is_expected_does_not_compile()
    {
        var diagnostic = Assert.Single(Analyze("new ProbeRequest { VideoId = \"v\", Kind = \"video\" }"));
        Assert.Equal("CS0029", diagnostic.Id);
    }

    [Fact]
    public async Task Empty_text_on_a_required_member_of_a_user_type_is_not_reported()
    {
        var user = "public sealed class Mine { public required string Name { get; init; } }\npublic static class Other { public static object Make() => new Mine { Name = \"\" }; }\n";
        var (_, output, _) = GeneratorHarness.Run(new[] { ("/p/specs/probe.json", Spec) }, new[] { user });
        var diagnostics = await output.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ConstraintAnalyzer())).GetAnalyzerDiagnosticsAsync();
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Option_types_list_every_allowed_value_and_convert_to_the_sent_text()
    {
        var (_, output, _) = GeneratorHarness.Run(new[] { ("/p/specs/probe.json", Spec) });
        var option = output.GetTypeByMetadataName("VodGen.Vod.ProbeRequest+KindOption")!;
        Assert.Equal(new[] { "Audio", "Video" }, option.GetMembers().OfType<IPropertySymbol>().Where(p => p.IsStatic && p.Type.Equals(option, SymbolEqualityComparer.Default)).Select(p => p.Name).Order());
        Assert.All(option.Constructors, c => Assert.Equal(Accessibility.Private, c.DeclaredAccessibility));
    }
}
