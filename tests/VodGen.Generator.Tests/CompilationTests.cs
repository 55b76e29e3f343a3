using Microsoft.CodeAnalysis;

namespace VodGen.Generator.Tests;

public class CompilationTests
{
    [Theory]
    [InlineData(nameof(SpecSets.RefreshUploadVideo))]
    [InlineData(nameof(SpecSets.OfficialSample))]
    [InlineData(nameof(SpecSets.Paged))]
    [InlineData(nameof(SpecSets.Shipped))]
    public void Generated_code_and_runtime_compile_with_zero_diagnostics(string set)
    {
        var (run, output, generatorDiagnostics) = GeneratorHarness.Run(SpecSets.Named(set));
        Assert.NotEmpty(run.GeneratedSources);

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning || d.Id.StartsWith("CS15", StringComparison.Ordinal)));
    }

    [Fact]
    public void Paging_over_required_page_parameters_and_a_list_of_strings_compiles()
    {
        const string spec = """
            {
              "info": { "style": "RPC", "product": "vod", "version": "2017-03-21" },
              "apis": {
                "ListNames": {
                  "methods": ["post"],
                  "x-vodgen-paging": { "pageNumber": "Page", "pageSize": "Size", "items": "Names" },
                  "parameters": [
                    { "name": "Page", "in": "query", "schema": { "type": "integer", "required": true } },
                    { "name": "Size", "in": "query", "schema": { "type": "integer", "format": "int32", "required": true } },
                    { "name": "Old", "in": "query", "schema": { "type": "string", "deprecated": true } }
                  ],
                  "responses": { "200": { "schema": { "type": "object", "properties": { "Names": { "type": "array", "items": { "type": "string" } } } } } }
                }
              }
            }
            """;
        const string user = """
            internal static class User
            {
                public static System.Collections.Generic.IAsyncEnumerable<string> Names(VodGen.VodClient client)
                    => VodGen.Vod.VodClientExtensions.ListNamesItemsAsync(client, new VodGen.Vod.ListNamesRequest { Page = 1, Size = 50 });
            }
            """;

        var (_, output, generatorDiagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/names.json", spec) }, new[] { user });

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Option_types_inside_list_items_and_json_objects_compile_where_text_is_written()
    {
        const string spec = """
            {
              "info": { "style": "RPC", "product": "vod", "version": "2017-03-21" },
              "apis": {
                "TagThings": {
                  "methods": ["post"],
                  "parameters": [
                    { "name": "Items", "in": "query", "style": "repeatList", "schema": { "type": "array", "items": { "type": "object", "properties": { "Kind": { "type": "string", "enum": ["a", "b"] } } } } },
                    { "name": "Kinds", "in": "query", "style": "repeatList", "schema": { "type": "array", "items": { "type": "string", "enum": ["x", "y"], "x-vodgen-typeName": "ThingKind" } } },
                    { "name": "Filter", "in": "query", "style": "json", "schema": { "type": "object", "properties": { "Kind": { "type": "string", "enum": ["a", "b"] }, "Kinds": { "type": "array", "items": { "type": "string", "enum": ["x"] } } } } }
                  ]
                }
              }
            }
            """;

        var (run, output, generatorDiagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/things.json", spec) });

        Assert.Empty(generatorDiagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        Assert.Equal(4, run.GeneratedSources.Single(s => s.HintName.EndsWith("TagThings.g.cs", StringComparison.Ordinal)).SourceText.ToString()
            .Split("public sealed class ").Count(part => part.Contains(" : global::System.IEquatable<", StringComparison.Ordinal)));
        Assert.NotNull(output.GetTypeByMetadataName("VodGen.Vod.TagThingsRequest+ThingKind"));
    }

    [Fact]
    public void The_documented_call_compiles()
    {
        const string user = """
            using System.Threading.Tasks;
            using VodGen;
            using VodGen.Vod;

            internal static class Caller
            {
                public static async Task<string?> Run(VodClient client, string id)
                {
                    try
                    {
                        var response = await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = id });
                        return response.DecodeUploadAuth().SecurityToken;
                    }
                    catch (VodServiceException e) when (e.Code == RefreshUploadVideoErrors.InvalidVideoNotFound)
                    {
                        return null;
                    }
                }
            }
            """;

        var (_, output, _) = GeneratorHarness.Run(SpecSets.RefreshUploadVideo(), new[] { user });

        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Omitting_a_required_parameter_is_a_compile_error()
    {
        const string user = "public static class Caller { public static object Make() => new VodGen.Vod.RefreshUploadVideoRequest { ReferenceId = \"abcdef\" }; }";

        var (_, output, _) = GeneratorHarness.Run(SpecSets.RefreshUploadVideo(), new[] { user });

        var error = Assert.Single(output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS9035", error.Id);
        Assert.Contains("VideoId", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Official_entry_without_extensions_generates_a_working_client_with_errors_from_the_table()
    {
        var (run, output, _) = GeneratorHarness.Run(SpecSets.OfficialSample());

        var errors = run.GeneratedSources.Single(s => s.HintName == "VodGen.Vod.RefreshUploadVideo.g.cs").SourceText.ToString();
        Assert.Contains("new(\"InvalidVideo.NotFound\", 404, \"The video not exist.\")", errors);
        Assert.Contains("new(\"InvalidVideo.Damaged\", 400, \"The video has been Damaged.\")", errors);
        Assert.NotNull(output.GetTypeByMetadataName("VodGen.Vod.GetPlayInfoResponse+PlayInfoListData+PlayInfoItem"));
        Assert.NotNull(output.GetTypeByMetadataName("VodGen.Vod.DescribeVodUserDomainsRequest+TagItem"));
    }
}
