using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using Microsoft.CodeAnalysis;
using VodGen.GeneratedCode;

namespace VodGen.Generator.Tests;

/// <summary>
/// The constructs official metadata uses that VodGen once refused (shared schemas with <c>$ref</c>, also
/// self-referencing; <c>type: any</c>; flattened lists holding lists and objects; flat objects; error codes under
/// numbers that are not HTTP statuses) and its small data problems, in one product file
/// (<c>Fixtures/official-constructs.json</c>, shapes as published, prose left out). The file must build without an
/// error, the generated code must compile without a warning, and the generated code, run, must send and read what
/// the service expects.
/// </summary>
public class OfficialConstructsTests
{
    private const string Probe = """
        #pragma warning disable CS0618, CS1591 // OldId is deprecated by the spec (setting it is the point); the probe is not documented.
        using System;
        using System.Collections.Generic;
        using System.Text;
        using System.Text.Json;
        using VodGen.Constructs;
        using VodGen.GeneratedCode;

        public static class Probe
        {
            private delegate void Writer(ref VodQueryWriter writer);

            private static string Query(Writer write)
            {
                var writer = new VodQueryWriter(512);
                try
                {
                    write(ref writer);
                    return Encoding.ASCII.GetString(writer.Written);
                }
                finally
                {
                    writer.Dispose();
                }
            }

            public static string Rules()
            {
                var request = new CreateRulesRequest
                {
                    Rule = new[]
                    {
                        new CreateRulesRequest.RuleItem
                        {
                            Name = "a",
                            Condition = new[]
                            {
                                new CreateRulesRequest.RuleItem.ConditionItem { Field = "f", Value = new[] { "x", "y" }, Range = new() { Start = 1, End = 2 } },
                                new CreateRulesRequest.RuleItem.ConditionItem { Field = "g" },
                            },
                            Grid = new[] { new long[] { 1, 2 }, new long[] { 3 } },
                        },
                        new CreateRulesRequest.RuleItem { Name = "b c" },
                    },
                };
                CreateRulesOperation.Instance.Validate(request);
                return Query((ref VodQueryWriter w) => CreateRulesOperation.Instance.WriteParameters(request, ref w));
            }

            public static string Config()
            {
                var request = new SetConfigRequest
                {
                    Config = new() { Mode = "m", Limits = new() { Max = 5 }, Ports = new long[] { 80, 443 }, Owner = new Tag { Key = "k" } },
                    RegionId = "r",
                };
                return Query((ref VodQueryWriter w) => SetConfigOperation.Instance.WriteParameters(request, ref w));
            }

            public static string Tree()
            {
                var request = new DescribeTreeRequest
                {
                    Root = new Node { Name = "root", Children = new[] { new Node { Name = "leaf" } } },
                    Tag = new[] { new Tag { Key = "k", Value = "v" } },
                    SourceCidr = "10.0.0.0/8",
                };
                DescribeTreeOperation.Instance.Validate(request);
                return Query((ref VodQueryWriter w) => DescribeTreeOperation.Instance.WriteParameters(request, ref w));
            }

            public static string ReadTree(string json)
            {
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
                reader.Read();
                var response = DescribeTreeOperation.Instance.ReadResponse(ref reader);
                return response.Tree!.Children![0].Children![0].Name + "|" + response.Tree.Tag!.Key + "|" + response.Tags!.Count;
            }

            public static string Anything()
            {
                using var extra = JsonDocument.Parse("{\"a\": [1, true]}");
                using var batch = JsonDocument.Parse("[1, \"x\"]");
                var request = new PutAnythingRequest { Extra = extra.RootElement.Clone(), Batch = new[] { batch.RootElement[0].Clone(), batch.RootElement[1].Clone() } };
                return Query((ref VodQueryWriter w) => PutAnythingOperation.Instance.WriteParameters(request, ref w));
            }

            public static string ReadAnything(string json)
            {
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
                reader.Read();
                var response = PutAnythingOperation.Instance.ReadResponse(ref reader);
                return response.Payload!.Value.GetProperty("deep").GetArrayLength() + "|" + response.Values![1].GetString() + "|" + response.Loose![0].ValueKind;
            }

            public static string Odd()
            {
                var problems = new List<string>();
                try
                {
                    OddErrorsOperation.Instance.Validate(new OddErrorsRequest { Level = 7, Note = "" });
                }
                catch (ArgumentException e)
                {
                    problems.Add(e.ParamName ?? e.Message);
                }

                OddErrorsOperation.Instance.Validate(new OddErrorsRequest { OldId = "x", Level = 7 });
                return string.Join(",", problems) + "|" + OddErrorsErrors.QuotaExceeded.HttpStatus + "|" + OddErrorsErrors.InvalidParameter.HttpStatus + "|" + OddErrorsErrors.All.Count;
            }

            public static string MissingKeys()
            {
                var names = new List<string>();
                foreach (var request in new[]
                {
                    new DescribeTreeRequest { SourceCidr = "10.0.0.0/8", Tag = new[] { new Tag { Key = "k" }, new Tag { Value = "v" } } },
                    new DescribeTreeRequest { SourceCidr = "10.0.0.0/8", Root = new Node { Children = new[] { new Node { Tag = new Tag() } } } },
                    new DescribeTreeRequest { SourceCidr = "not a cidr" },
                })
                {
                    try
                    {
                        DescribeTreeOperation.Instance.Validate(request);
                        names.Add("accepted");
                    }
                    catch (ArgumentException e)
                    {
                        names.Add(e.ParamName ?? e.Message);
                    }
                }

                return string.Join(",", names);
            }

            public static string ReadSummary(string json)
            {
                var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
                reader.Read();
                GetSummaryResponse response = GetSummaryOperation.Instance.ReadResponse(ref reader);
                SetConfigRequestSchema config = response.Config!;
                return response.RequestId + "|" + response.Counts!.Value.GetProperty("b").GetInt32() + "|" + config.Mode;
            }

            public static string Endpoints() => "cn-hangzhou=" + ConstructsService.Endpoints.GetHost("cn-hangzhou");
        }
        """;

    [Fact]
    public void The_file_builds_with_warnings_only_and_its_code_compiles_clean()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(new[] { ("/p/specs/constructs.json", GeneratorHarness.Fixture("official-constructs.json")) }, new[] { Probe });

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);

        // One type per shared schema that something refers to, whatever the number of references; none for the rest.
        Assert.Equal(new[] { "Node", "Tag" }, output.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == "VodGen.Constructs" && t.ContainingType is null && t.Name is "Node" or "Tag" or "Unused" or "Cidr" or "Summary")
            .Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(
            new[] { "VODGEN028", "VODGEN028", "VODGEN029", "VODGEN029", "VODGEN029", "VODGEN029", "VODGEN029", "VODGEN029", "VODGEN030" },
            diagnostics.Select(d => d.Id).OrderBy(id => id, StringComparer.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void The_same_file_on_one_line_gives_the_same_sources_and_diagnostics_at_the_same_members()
    {
        var pretty = GeneratorHarness.Fixture("official-constructs.json");
        var oneLine = JsonSerializer.Serialize(JsonDocument.Parse(pretty).RootElement);
        Assert.DoesNotContain('\n', oneLine);

        var a = GeneratorHarness.Run(new[] { ("/p/specs/constructs.json", pretty) });
        var b = GeneratorHarness.Run(new[] { ("/p/specs/constructs.json", oneLine) });

        Assert.Equal(a.Run.GeneratedSources.Select(s => s.SourceText.ToString()), b.Run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.Equal(a.Diagnostics.Select(d => d.Id), b.Diagnostics.Select(d => d.Id));
        foreach (var diagnostic in b.Diagnostics)
        {
            var span = diagnostic.Location.SourceSpan;
            var line = diagnostic.Location.GetLineSpan();
            Assert.Equal(0, line.StartLinePosition.Line);
            Assert.Equal(span.Start, line.StartLinePosition.Character);
            Assert.InRange(span.End, span.Start, oneLine.Length);
        }
    }

    [Fact]
    public void Nested_lists_are_flattened_at_every_depth_in_canonical_order()
        => Assert.Equal(
            Sorted(
                "Rule.1.Name=a", "Rule.1.Condition.1.Field=f", "Rule.1.Condition.1.Value.1=x", "Rule.1.Condition.1.Value.2=y",
                "Rule.1.Condition.1.Range.Start=1", "Rule.1.Condition.1.Range.End=2", "Rule.1.Condition.2.Field=g",
                "Rule.1.Grid.1.1=1", "Rule.1.Grid.1.2=2", "Rule.1.Grid.2.1=3", "Rule.2.Name=b%20c"),
            Call("Rules"));

    [Fact]
    public void A_flat_object_is_sent_member_by_member_and_a_parameter_listed_twice_once()
        => Assert.Equal(
            Sorted("Config.Mode=m", "Config.Limits.Max=5", "Config.Ports.1=80", "Config.Ports.2=443", "Config.Owner.Key=k", "RegionId=r"),
            Call("Config"));

    [Fact]
    public void Shared_schemas_are_sent_as_json_and_flattened_and_a_scalar_reference_keeps_its_checks()
        => Assert.Equal(
            Sorted("Root=" + Uri.EscapeDataString("{\"Name\":\"root\",\"Children\":[{\"Name\":\"leaf\"}]}"), "SourceCidr=10.0.0.0%2F8", "Tag.1.Key=k", "Tag.1.Value=v"),
            Call("Tree"));

    [Fact]
    public void Required_members_of_shared_schemas_are_checked_before_sending_at_any_depth()
        => Assert.Equal("Tag.2.Key,Root.Children.1.Tag.Key,SourceCidr", Call("MissingKeys"));

    [Fact]
    public void A_self_referencing_schema_reads_to_any_depth()
        => Assert.Equal(
            "deep|k|2",
            Call("ReadTree", "{\"RequestId\":\"r\",\"Tree\":{\"Name\":\"root\",\"Tag\":{\"Key\":\"k\"},\"Children\":[{\"Name\":\"a\",\"Children\":[{\"Name\":\"deep\"}]}]},\"Tags\":[{\"Key\":\"1\"},{\"Key\":\"2\"}]}"));

    [Fact]
    public void Raw_json_values_are_sent_as_their_text_and_read_as_they_arrive()
    {
        Assert.Equal(Sorted("Batch=" + Uri.EscapeDataString("[1,\"x\"]"), "Extra=" + Uri.EscapeDataString("{\"a\": [1, true]}")), Call("Anything"));
        Assert.Equal("3|two|Object", Call("ReadAnything", "{\"RequestId\":\"r\",\"Payload\":{\"deep\":[1,{},[]]},\"Values\":[1,\"two\"],\"Loose\":[{\"x\":1}]}"));
    }

    [Fact]
    public void An_answer_given_as_a_shared_schema_is_the_operation_response_and_a_schema_named_like_a_generated_type_is_renamed()
        => Assert.Equal("r|2|m", Call("ReadSummary", "{\"RequestId\":\"r\",\"Counts\":{\"a\":1,\"b\":2},\"Config\":{\"Mode\":\"m\"}}"));

    [Fact]
    public void Small_data_problems_fall_back_to_what_the_service_accepts()
        => Assert.Equal("OldId|0|400|3", Call("Odd"));

    [Fact]
    public void An_endpoint_host_with_a_trailing_tab_is_used_trimmed()
        => Assert.Contains("cn-hangzhou=constructs.cn-hangzhou.aliyuncs.com", Call("Endpoints"));

    private static string Sorted(params string[] pairs)
        => string.Join("&", pairs.OrderBy(p => p.Substring(0, p.IndexOf('=')), StringComparer.Ordinal));

    private static readonly Lazy<Type> ProbeType = new(() =>
    {
        var (_, output, _) = GeneratorHarness.Run(new[] { ("/p/specs/constructs.json", GeneratorHarness.Fixture("official-constructs.json")) }, new[] { Probe });
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return new AssemblyLoadContext("constructs", isCollectible: true).LoadFromStream(image).GetType("Probe")!;
    });

    private static string Call(string method, params object[] arguments)
    {
        try
        {
            return (string)ProbeType.Value.GetMethod(method, BindingFlags.Public | BindingFlags.Static)!.Invoke(null, arguments)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException(method + " failed: " + e.InnerException, e.InnerException);
        }
    }
}
