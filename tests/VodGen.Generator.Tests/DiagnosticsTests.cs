using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace VodGen.Generator.Tests;

public class DiagnosticsTests
{
    private const string Info = "\"info\": { \"style\": \"RPC\", \"product\": \"vod\", \"version\": \"2017-03-21\" }";

    private static string Spec(string apis, string info = Info, string extra = "")
        => "{\n  " + info + ",\n" + extra + "  \"apis\": {\n" + apis + "\n  }\n}\n";

    private static string Operation(string name, string parameters = "", string more = "")
        => $"    \"{name}\": {{ \"methods\": [\"post\"], \"parameters\": [{parameters}]{more} }}";

    private static string Parameter(string name, string schema, string style = "")
        => $"{{ \"name\": \"{name}\", \"in\": \"query\"{style}, \"schema\": {schema} }}";

    private static Diagnostic[] Diagnose(params (string Path, string Text)[] specs)
        => GeneratorHarness.Run(specs).Diagnostics.ToArray();

    private static Diagnostic Single(string id, string text, string? at = null)
    {
        var diagnostic = Assert.Single(Diagnose(("/p/specs/a.json", text)), d => d.Id == id);
        if (at is not null)
        {
            AssertAt(diagnostic, text, at);
        }

        return diagnostic;
    }

    // The diagnostic starts where the first occurrence of 'at' stands in the text.
    private static void AssertAt(Diagnostic diagnostic, string text, string at)
    {
        var offset = text.IndexOf(at, StringComparison.Ordinal);
        Assert.True(offset >= 0, $"'{at}' is not in the spec");
        var line = text[..offset].Count(c => c == '\n');
        var column = offset - (text.LastIndexOf('\n', Math.Max(offset - 1, 0)) + 1);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal("/p/specs/a.json", span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line, span.StartLinePosition.Character));
        Assert.Equal(offset, diagnostic.Location.SourceSpan.Start);
    }

    [Fact]
    public void VODGEN001_invalid_json_points_at_the_broken_token()
    {
        var text = "{\n  \"info\": { \"product\": \"vod\",, \"version\": \"1\" }\n}";
        var diagnostic = Single("VODGEN001", text);

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(text.IndexOf(",,", StringComparison.Ordinal) + 1 - text.IndexOf('\n') - 1, diagnostic.Location.GetLineSpan().StartLinePosition.Character);
    }

    [Theory]
    [InlineData("summary", "bad \\uD888 escape")]
    [InlineData("summary", "bad \\n then \\udfff")]
    [InlineData("responseDemo", "bad \\\\ and \\uDA00")] // a field VodGen never reads is checked as well
    public void VODGEN001_escape_of_an_unpaired_surrogate_is_invalid_json_at_the_string(string key, string value)
    {
        var text = "{ " + Info + ", \"apis\": { \"Op\": { \"" + key + "\": \"" + value + "\" } } }";

        Single("VODGEN001", text, at: "\"bad");
    }

    [Fact]
    public void Escapes_that_decode_are_read_when_used_and_checked_only_as_json()
    {
        // An escaped backslash before "uD888" is text, not an escape; paired surrogates decode.
        var text = "{ " + Info + ", \"apis\": { \"Op\": { \"summary\": \"a \\\\uD888 \\ud83d\\ude00 \\\"q\\\"\", \"responseDemo\": \"{\\\"x\\\": 1}\" } } }";

        var parsed = Parsing.SpecReader.Read(new Model.SpecFileText("/p/specs/escapes.json", text, default), CancellationToken.None);

        Assert.DoesNotContain(parsed.Diagnostics, d => d.Id == "VODGEN001");
        Assert.Equal("a \\uD888 \ud83d\ude00 \"q\"", Assert.Single(parsed.File!.Operations).Operation.Summary);
    }

    [Fact]
    public void VODGEN001_empty_and_truncated_files()
    {
        Single("VODGEN001", string.Empty);
        Single("VODGEN001", "{ \"info\": {");
    }

    [Fact]
    public void VODGEN001_after_a_larger_file_sees_only_its_own_bytes()
    {
        // The parser reads from a pooled buffer: what a larger file left in it must not be read as this file's end.
        // Both sizes fall in the pool's 1024-byte bucket, so the second file gets the first one's buffer.
        var text = "{ \"info\": {" + new string(' ', 1000 - 12);
        var larger = "{ \"x\": \"" + new string('x', 1024 - 12) + "\" }";
        var alone = Single("VODGEN001", text);
        Parsing.SpecReader.Read(new Model.SpecFileText("/p/specs/large.json", larger, default), CancellationToken.None);

        var after = Single("VODGEN001", text);

        Assert.Equal(text.Length, after.Location.SourceSpan.Start);
        Assert.Equal(alone.Location, after.Location);
        Assert.Equal(alone.GetMessage(System.Globalization.CultureInfo.InvariantCulture), after.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void VODGEN002_missing_apis()
        => Assert.Contains("'apis'", Single("VODGEN002", "{ " + Info + " }", at: "{ ").GetMessage(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void VODGEN002_parameter_without_a_name()
    {
        var text = Spec(Operation("Op", "{ \"in\": \"query\", \"schema\": { \"type\": \"string\" } }"));
        Single("VODGEN002", text, at: "{ \"in\"");
    }

    [Fact]
    public void VODGEN003_wrong_json_kind()
        => Single("VODGEN003", "{ " + Info + ", \"apis\": [] }", at: "[]");

    [Fact]
    public void VODGEN004_unknown_type()
    {
        var text = Spec(Operation("Op", Parameter("A", "{ \"type\": \"str\" }")));
        Assert.Equal(DiagnosticSeverity.Warning, Single("VODGEN004", text, at: "\"str\"").Severity);
    }

    [Fact]
    public void VODGEN005_unsupported_style()
    {
        var text = Spec(Operation("Op", Parameter("A", "{ \"type\": \"array\", \"items\": { \"type\": \"string\" } }", ", \"style\": \"spaceDelimited\"")));
        Assert.Equal(DiagnosticSeverity.Warning, Single("VODGEN005", text, at: "\"spaceDelimited\"").Severity);
    }

    [Fact]
    public void VODGEN006_duplicate_operation_across_files_is_reported_in_the_later_file()
    {
        var first = Spec(Operation("Op"));
        var second = Spec(Operation("Other") + ",\n" + Operation("Op"));

        var diagnostic = Assert.Single(Diagnose(("/p/specs/a.json", first), ("/p/specs/b.json", second)), d => d.Id == "VODGEN006");

        Assert.Equal("/p/specs/b.json", diagnostic.Location.GetLineSpan().Path);
        Assert.Contains("/p/specs/a.json", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void VODGEN007_schema_without_type()
    {
        var text = Spec(Operation("Op", Parameter("A", "{ \"description\": \"no type\", \"required\": true }")));
        Assert.Equal(DiagnosticSeverity.Warning, Single("VODGEN007", text, at: "{ \"description\"").Severity);
    }

    [Fact]
    public void VODGEN008_reserved_parameter_name()
    {
        var text = Spec(Operation("Op", Parameter("Timestamp", "{ \"type\": \"string\" }")));
        Single("VODGEN008", text, at: "\"Timestamp\"");
    }

    [Theory]
    [InlineData(", \"x-vodgen-qps\": { \"perAccount\": 0 }", "{ \"perAccount\": 0 }")]
    [InlineData(", \"x-vodgen-qps\": { \"perAccount\": 5, \"regions\": { \"cn-beijing\": \"fast\" } }", "\"fast\"")]
    public void VODGEN009_invalid_qps_extension(string more, string at)
    {
        var text = Spec(Operation("Op", more: more));
        Single("VODGEN009", text, at: at);
    }

    [Fact]
    public void VODGEN009_invalid_encoding_extension()
    {
        var response = ", \"responses\": { \"200\": { \"schema\": { \"type\": \"object\", \"properties\": { \"A\": { \"type\": \"string\", \"x-vodgen-encoding\": \"base64-xml\" } } } } }";
        var text = Spec(Operation("Op", more: response));
        Single("VODGEN009", text, at: "\"base64-xml\"");
    }

    [Fact]
    public void VODGEN009_playback_url_format_on_a_number()
    {
        var response = ", \"responses\": { \"200\": { \"schema\": { \"type\": \"object\", \"properties\": { \"A\": { \"type\": \"integer\", \"x-vodgen-format\": \"playback-url\" } } } } }";
        var text = Spec(Operation("Op", more: response));
        Assert.Contains("\"playback-url\" (on a string)", Single("VODGEN009", text, at: "\"playback-url\"").GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Playback_urls_in_nested_lists_give_each_class_on_the_way_WithPlaybackUrls_and_it_compiles()
    {
        var response = ", \"responses\": { \"200\": { \"schema\": { \"type\": \"object\", \"properties\": {"
            + " \"Title\": { \"type\": \"string\" },"
            + " \"Mirrors\": { \"type\": \"array\", \"items\": { \"type\": \"string\", \"x-vodgen-format\": \"playback-url\" } },"
            + " \"List\": { \"type\": \"object\", \"properties\": { \"Item\": { \"type\": \"array\", \"items\": { \"type\": \"object\", \"properties\": {"
            + " \"Url\": { \"type\": \"string\", \"x-vodgen-format\": \"playback-url\" }, \"Old\": { \"type\": \"string\", \"deprecated\": true }, \"Size\": { \"type\": \"integer\" } } } } } },"
            + " \"Other\": { \"type\": \"object\", \"properties\": { \"Name\": { \"type\": \"string\" } } } } } } }";
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/a.json", Spec(Operation("Op", more: response))) });

        Assert.Empty(diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var source = string.Concat(run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Contains("public OpResponse WithPlaybackUrls(global::System.Func<string, string> sign)", source, StringComparison.Ordinal);
        Assert.Contains("public ListData WithPlaybackUrls(", source, StringComparison.Ordinal);
        Assert.Contains("public ItemItem WithPlaybackUrls(", source, StringComparison.Ordinal);
        Assert.Contains("Url = Url is null ? null : sign(Url),", source, StringComparison.Ordinal);
        Assert.DoesNotContain("public OtherData WithPlaybackUrls(", source, StringComparison.Ordinal);
        Assert.DoesNotContain("OpRequest WithPlaybackUrls", source, StringComparison.Ordinal);
    }

    [Fact]
    public void VODGEN010_shared_type_with_two_shapes()
    {
        static string Response(string field) => ", \"responses\": { \"200\": { \"schema\": { \"type\": \"object\", \"properties\": { \"A\": { \"type\": \"string\", \"x-vodgen-encoding\": \"base64-json\", "
            + "\"x-vodgen-schema\": { \"x-vodgen-typeName\": \"Shared\", \"type\": \"object\", \"properties\": { \"" + field + "\": { \"type\": \"string\" } } } } } } } }";
        var text = Spec(Operation("One", more: Response("X")) + ",\n" + Operation("Two", more: Response("Y")));

        Single("VODGEN010", text, at: "\"Two\"");
    }

    [Fact]
    public void Shared_type_declared_twice_with_the_same_shape_is_emitted_once()
    {
        static string Response(string description) => ", \"responses\": { \"200\": { \"schema\": { \"type\": \"object\", \"properties\": { \"A\": { \"type\": \"string\", \"x-vodgen-encoding\": \"base64-json\", "
            + "\"x-vodgen-schema\": { \"x-vodgen-typeName\": \"Shared\", \"type\": \"object\", \"properties\": { \"X\": { \"type\": \"string\", \"description\": \"" + description + "\" } } } } } } } }";
        var text = Spec(Operation("One", more: Response("first words")) + ",\n" + Operation("Two", more: Response("other words")));

        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/a.json", text) });

        Assert.Empty(diagnostics);
        Assert.Single(run.GeneratedSources, s => s.HintName == "VodGen.Vod.Shared.g.cs");
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void VODGEN011_unsupported_api_style()
        => Single("VODGEN011", Spec(Operation("Op"), info: "\"info\": { \"style\": \"ROA\", \"product\": \"vod\", \"version\": \"1\" }"), at: "\"ROA\"");

    [Fact]
    public void VODGEN012_duplicate_key()
    {
        var text = Spec(Operation("Op", Parameter("A", "{ \"type\": \"string\", \"type\": \"integer\" }")));
        Single("VODGEN012", text, at: "\"type\": \"integer\"");
    }

    [Fact]
    public void VODGEN013_conflicting_endpoints_warn()
    {
        var a = Spec(Operation("One"), extra: "  \"endpoints\": [ { \"regionId\": \"cn-beijing\", \"endpoint\": \"vod.cn-beijing.aliyuncs.com\" } ],\n");
        var b = Spec(Operation("Two"), extra: "  \"endpoints\": [ { \"regionId\": \"cn-beijing\", \"endpoint\": \"vod-other.cn-beijing.aliyuncs.com\" } ],\n");

        var diagnostic = Assert.Single(Diagnose(("/p/specs/a.json", a), ("/p/specs/b.json", b)), d => d.Id == "VODGEN013");

        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("/p/specs/b.json", diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void VODGEN014_names_the_property_a_third_collision_really_gets()
    {
        var text = Spec(Operation("Op", Parameter("VideoId", "{ \"type\": \"string\" }") + ", " + Parameter("video-id", "{ \"type\": \"string\" }") + ", " + Parameter("videoId", "{ \"type\": \"string\" }")));
        var (_, output, diagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/a.json", text) });

        var messages = diagnostics.Where(d => d.Id == "VODGEN014").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, messages.Count);
        Assert.EndsWith("the later one is named 'VideoId2'", messages[0], StringComparison.Ordinal);
        Assert.EndsWith("the later one is named 'VideoId3'", messages[1], StringComparison.Ordinal);
        var request = output.GetTypeByMetadataName("VodGen.Vod.OpRequest")!;
        Assert.NotEmpty(request.GetMembers("VideoId3"));
    }

    [Fact]
    public void VODGEN014_parameter_names_that_collide_in_csharp_are_both_kept()
    {
        var text = Spec(Operation("Op", Parameter("VideoId", "{ \"type\": \"string\" }") + ", " + Parameter("video-id", "{ \"type\": \"string\" }")));
        Assert.Equal(DiagnosticSeverity.Warning, Single("VODGEN014", text, at: "\"video-id\"").Severity);

        var (_, output, _) = GeneratorHarness.Run(new[] { ("/p/specs/a.json", text) });
        var request = output.GetTypeByMetadataName("VodGen.Vod.OpRequest")!;
        Assert.NotEmpty(request.GetMembers("VideoId"));
        Assert.NotEmpty(request.GetMembers("VideoId2"));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void VODGEN015_an_unexpected_failure_is_reported_not_thrown()
    {
        var result = Parsing.SpecReader.Read(new Model.SpecFileText("/p/specs/a.json", new UnreadableText(), default), CancellationToken.None);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("VODGEN015", diagnostic.Id);
        Assert.Contains("IOException: the disk went away", diagnostic.ToDiagnostic(string.Empty).GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Null(result.File);
    }

    // A text whose characters cannot be read (as a file on a failing disk would be).
    private sealed class UnreadableText : Microsoft.CodeAnalysis.Text.SourceText
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public override int Length => 100;

        public override char this[int position] => throw new System.IO.IOException("the disk went away");

        public override void CopyTo(int sourceIndex, char[] destination, int destinationIndex, int count) => throw new System.IO.IOException("the disk went away");
    }

    [Fact]
    public void VODGEN016_language_version_below_11()
    {
        var (_, _, diagnostics) = GeneratorHarness.Run(SpecSets.RefreshUploadVideo(), version: LanguageVersion.CSharp10);

        Assert.Contains(diagnostics, d => d.Id == "VODGEN016");
    }

    [Fact]
    public void VODGEN017_unreadable_error_table_row()
    {
        var table = "## Common errors\\n\\n| Error code | Error message | HTTP status code |\\n| --- | --- | --- |\\n| Good.Code | fine | 404 |\\n| Bad.Code | broken | four hundred |";
        var text = Spec(Operation("Op", more: ", \"extraInfo\": \"" + table + "\""));

        var (run, _, diagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/a.json", text) });

        var diagnostic = Assert.Single(diagnostics, d => d.Id == "VODGEN017");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("'four hundred'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("\"Good.Code\", 404", run.GeneratedSources.Single(s => s.SourceText.ToString().Contains("Errors", StringComparison.Ordinal) && s.HintName.EndsWith(".g.cs", StringComparison.Ordinal) && !s.HintName.EndsWith("Service.g.cs", StringComparison.Ordinal)).SourceText.ToString());
    }

    [Fact]
    public void VODGEN018_two_versions_of_a_product_in_one_namespace()
    {
        var a = Spec(Operation("One"));
        var b = Spec(Operation("Two"), info: "\"info\": { \"style\": \"RPC\", \"product\": \"vod\", \"version\": \"2099-01-01\" }");

        Assert.Single(Diagnose(("/p/specs/a.json", a), ("/p/specs/b.json", b)), d => d.Id == "VODGEN018");
    }

    [Fact]
    public void A_broken_spec_file_does_not_stop_the_others()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/broken.json", "{ not json"), SpecSets.RefreshUploadVideo()[0] });

        Assert.Contains(diagnostics, d => d.Id == "VODGEN001");
        Assert.Contains(run.GeneratedSources, s => s.HintName == "VodGen.Vod.RefreshUploadVideo.g.cs");
        Assert.NotNull(output.GetTypeByMetadataName("VodGen.Vod.RefreshUploadVideoRequest"));
    }

    [Fact]
    public void A_broken_operation_does_not_stop_the_others_in_the_same_file()
    {
        var text = Spec(Operation("Broken", Parameter("A", "{ \"type\": \"str\" }")) + ",\n" + Operation("Fine", Parameter("B", "{ \"type\": \"string\", \"required\": true }")));

        var (run, _, diagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/a.json", text) });

        Assert.Contains(diagnostics, d => d.Id == "VODGEN004");
        Assert.Contains(run.GeneratedSources, s => s.HintName == "VodGen.Vod.Fine.g.cs");
    }

    [Fact]
    public void Namespace_property_overrides_the_default()
    {
        var (_, output, _) = GeneratorHarness.Run(SpecSets.RefreshUploadVideo(), properties: new Dictionary<string, string> { ["build_property.VodGenNamespace"] = "Contoso.Media" });

        Assert.NotNull(output.GetTypeByMetadataName("Contoso.Media.RefreshUploadVideoRequest"));
        Assert.Null(output.GetTypeByMetadataName("VodGen.Vod.RefreshUploadVideoRequest"));
    }

    [Theory]
    [InlineData("\"pageNumber\": \"Missing\", \"pageSize\": \"PageSize\", \"items\": \"List\"", "\"Missing\"", "must name an integer parameter")]
    [InlineData("\"pageNumber\": \"PageNo\", \"pageSize\": \"Name\", \"items\": \"List\"", "\"Name\"", "must name an integer parameter")]
    [InlineData("\"pageNumber\": \"PageNo\", \"pageSize\": \"PageSize\", \"items\": \"Total\"", "\"Total\"", "to an array field")]
    [InlineData("\"pageNumber\": \"PageNo\", \"pageSize\": \"PageSize\", \"items\": \"List\", \"total\": \"Nope.Total\"", "\"Nope.Total\"", "to an integer field")]
    [InlineData("\"pageNumber\": \"PageNo\", \"pageSize\": \"PageSize\", \"items\": \"List\", \"token\": \"PageNo\"", "\"PageNo\" }", "a string parameter and a string field")]
    public void VODGEN009_paging_extension_must_match_the_operation(string paging, string at, string reason)
    {
        var parameters = Parameter("PageNo", "{ \"type\": \"integer\" }") + ", " + Parameter("PageSize", "{ \"type\": \"integer\" }") + ", " + Parameter("Name", "{ \"type\": \"string\" }");
        var response = ", \"responses\": { \"200\": { \"schema\": { \"type\": \"object\", \"properties\": { \"Total\": { \"type\": \"integer\" }, \"List\": { \"type\": \"array\", \"items\": { \"type\": \"string\" } } } } } }";
        var text = Spec(Operation("ListThings", parameters, response + ", \"x-vodgen-paging\": { " + paging + " }"));
        var marker = text.IndexOf("x-vodgen-paging", StringComparison.Ordinal);
        var diagnostic = Assert.Single(Diagnose(("/p/specs/a.json", text)), d => d.Id == "VODGEN009");
        Assert.Contains(reason, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(text.IndexOf(at, marker, StringComparison.Ordinal), diagnostic.Location.SourceSpan.Start);
    }

    [Fact]
    public void VODGEN029_a_listed_value_of_a_number_that_is_not_a_number_drops_the_list_with_a_warning()
    {
        var text = Spec(Operation("Op", Parameter("Level", "{ \"type\": \"integer\", \"enum\": [1, \"two\"] }")));
        var diagnostic = Single("VODGEN029", text, "\"two\"");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains("enum[1]", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("{ \"type\": \"string\", \"maxLength\": -1 }", "-1", "maxLength")]
    [InlineData("{ \"type\": \"string\", \"maxLength\": 99999999999 }", "99999999999", "maxLength")]
    [InlineData("{ \"type\": \"array\", \"items\": { \"type\": \"string\" }, \"minItems\": 1.5 }", "1.5", "minItems")]
    [InlineData("{ \"type\": \"integer\", \"maximum\": \"lots\" }", "\"lots\"", "maximum")]
    [InlineData("{ \"type\": \"string\", \"required\": \"yes\" }", "\"yes\"", "required")]
    [InlineData("{ \"type\": \"array\" }", "{ \"type\": \"array\" }", "items")]
    public void VODGEN029_small_data_problems_are_warnings_at_the_value(string schema, string at, string named)
    {
        var text = Spec(Operation("Op", Parameter("A", schema)));
        var diagnostic = Single("VODGEN029", text, at);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Contains(named, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(Diagnose(("/p/specs/a.json", text)), d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void VODGEN029_an_endpoint_host_with_a_trailing_tab_is_trimmed()
    {
        var text = Spec(Operation("Op"), extra: "  \"endpoints\": [ { \"regionId\": \"cn-x\", \"endpoint\": \"vod.cn-x.aliyuncs.com\\t\" } ],\n");
        var diagnostic = Single("VODGEN029", text, "\"vod.cn-x");
        Assert.Contains("'vod.cn-x.aliyuncs.com' is used", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void VODGEN029_a_response_that_is_not_an_object_is_read_for_its_request_id()
    {
        var text = Spec(Operation("Op", more: ", \"responses\": { \"200\": { \"schema\": { \"type\": \"string\", \"format\": \"binary\" } } }"));
        Single("VODGEN029", text, "{ \"type\": \"string\", \"format\"");
    }

    [Fact]
    public void VODGEN028_error_codes_under_a_number_that_is_not_an_http_status_are_kept()
    {
        var text = Spec(Operation("Op", more: ", \"errorCodes\": { \"600\": [ { \"errorCode\": \"Quota.Exceeded\", \"errorMessage\": \"m\" } ] }"));
        var diagnostic = Single("VODGEN028", text, "\"600\"");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        var result = GeneratorHarness.Run(new[] { ("/p/specs/a.json", text) });
        Assert.Contains(result.Run.GeneratedSources, s => s.SourceText.ToString().Contains("new(\"Quota.Exceeded\", 0, \"m\")", StringComparison.Ordinal));
    }

    [Fact]
    public void VODGEN030_unresolved_reference_is_a_warning_at_the_reference()
    {
        var text = Spec(Operation("Op", Parameter("A", "{ \"$ref\": \"#/components/schemas/Nowhere\" }")));
        var diagnostic = Single("VODGEN030", text, "\"#/components");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
    }

    [Fact]
    public void VODGEN031_a_parameter_listed_again_differently_keeps_the_first()
    {
        var parameters = Parameter("A", "{ \"type\": \"string\" }") + ", " + Parameter("A", "{ \"type\": \"integer\" }");
        var text = Spec(Operation("Op", parameters));
        var second = text.LastIndexOf("\"A\"", StringComparison.Ordinal);
        var diagnostic = Assert.Single(Diagnose(("/p/specs/a.json", text)), d => d.Id == "VODGEN031");
        Assert.Equal(second, diagnostic.Location.SourceSpan.Start);
    }

    [Fact]
    public void A_parameter_listed_twice_identically_is_one_member_without_a_diagnostic()
    {
        var parameters = Parameter("RegionId", "{ \"type\": \"string\" }") + ", " + Parameter("RegionId", "{ \"type\": \"string\" }");
        var text = Spec(Operation("Op", parameters));
        Assert.Empty(Diagnose(("/p/specs/a.json", text)));
        var sources = GeneratorHarness.Run(new[] { ("/p/specs/a.json", text) }).Run.GeneratedSources;
        Assert.All(sources, s => Assert.DoesNotContain("RegionId2", s.SourceText.ToString(), StringComparison.Ordinal));
        var operation = Assert.Single(sources, s => s.SourceText.ToString().Contains("WriteParameters(", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(operation, "\"RegionId\"u8"));
    }

    [Fact]
    public void Every_catalogue_entry_is_documented()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "diagnostics.md"));
        foreach (var descriptor in Diagnostics.DiagnosticDescriptors.All)
        {
            Assert.Contains("## " + descriptor.Id, doc);

            // An absolute URI the IDE can open: the page beside the generator assembly, at the diagnostic's section.
            Assert.True(Uri.TryCreate(descriptor.HelpLinkUri, UriKind.Absolute, out var link), descriptor.HelpLinkUri);
            Assert.Equal("file", link!.Scheme);
            Assert.Equal(descriptor.Id.ToLowerInvariant(), link.Fragment.TrimStart('#'));
            var page = File.ReadAllText(link.LocalPath);
            Assert.Equal(doc, page);
        }
    }

    [Fact]
    public void Help_links_open_the_page_the_build_names()
    {
        // The package's props name its own copy of the page: the generator may run from a shadow copy or from memory.
        var page = Path.Combine(Path.GetTempPath(), "vodgen help", "diagnostics.md");
        var specs = new[] { ("/p/specs/broken.json", "{ not json"), ("/p/specs/vod.json", Spec(Operation("Op", Parameter("A", "{ \"type\": \"str\" }")))) };

        var (_, _, diagnostics) = GeneratorHarness.Run(specs, properties: new Dictionary<string, string> { ["build_property.VodGenHelpPage"] = " " + page + " " });

        Assert.Contains(diagnostics, d => d.Id == "VODGEN001");
        Assert.Contains(diagnostics, d => d.Id == "VODGEN004");
        foreach (var diagnostic in diagnostics)
        {
            Assert.Equal(new Uri(page).AbsoluteUri + "#" + diagnostic.Id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri);
            var catalogued = Diagnostics.DiagnosticDescriptors.Find(diagnostic.Id);
            Assert.Equal((catalogued.Title.ToString(), catalogued.MessageFormat.ToString(), catalogued.DefaultSeverity), (diagnostic.Descriptor.Title.ToString(), diagnostic.Descriptor.MessageFormat.ToString(), diagnostic.Descriptor.DefaultSeverity));
        }

        Assert.Contains("vodgen%20help/diagnostics.md#vodgen001", diagnostics.First(d => d.Id == "VODGEN001").Descriptor.HelpLinkUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("docs/diagnostics.md")]
    public void Help_links_without_a_usable_page_from_the_build_open_the_page_beside_the_generator(string named)
    {
        var (_, _, diagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/broken.json", "{ not json") }, properties: new Dictionary<string, string> { ["build_property.VodGenHelpPage"] = named });

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(Diagnostics.DiagnosticDescriptors.InvalidJson.HelpLinkUri, diagnostic.Descriptor.HelpLinkUri);
    }

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));
}
