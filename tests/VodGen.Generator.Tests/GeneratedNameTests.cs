using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.CodeAnalysis;

namespace VodGen.Generator.Tests;

/// <summary>
/// Every generated name, file names included, comes from one scope: names that meet (an operation and a shared schema
/// called alike, an operation named like the client, the serializers or the upload helpers, a schema named like an
/// operation's generated types) never fail the generator (CS8785) and the output compiles.
/// </summary>
public class GeneratedNameTests
{
    private const string Namespace = "Names.Test";

    // An official-format file: a product X, operations and shared schemas by the given names; each operation answers
    // with the schema it names (or a plain object), so every schema is reached and generated.
    private static string Spec(IReadOnlyList<string> operations, IReadOnlyList<string> schemas)
    {
        var components = new JsonObject();
        foreach (var schema in schemas.Distinct(StringComparer.Ordinal))
        {
            components[schema] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["Value"] = new JsonObject { ["type"] = "string" } } };
        }

        var apis = new JsonObject();
        for (var i = 0; i < operations.Count; i++)
        {
            if (apis.ContainsKey(operations[i]))
            {
                continue;
            }

            var answer = schemas.Count == 0
                ? new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["RequestId"] = new JsonObject { ["type"] = "string" } } }
                : new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject
                    {
                        ["RequestId"] = new JsonObject { ["type"] = "string" },
                        ["Item"] = new JsonObject { ["$ref"] = "#/components/schemas/" + schemas[i % schemas.Count] },
                    },
                };
            apis[operations[i]] = new JsonObject
            {
                ["methods"] = new JsonArray("post"),
                ["parameters"] = new JsonArray(new JsonObject { ["name"] = "Id", ["in"] = "query", ["schema"] = new JsonObject { ["type"] = "string" } }),
                ["responses"] = new JsonObject { ["200"] = new JsonObject { ["schema"] = answer } },
            };
        }

        return new JsonObject
        {
            ["version"] = "1.0",
            ["info"] = new JsonObject { ["style"] = "RPC", ["product"] = "X", ["version"] = "2020-01-01" },
            ["components"] = new JsonObject { ["schemas"] = components },
            ["apis"] = apis,
            ["endpoints"] = new JsonArray(new JsonObject { ["regionId"] = "cn-shanghai", ["endpoint"] = "x.cn-shanghai.aliyuncs.com" }),
        }.ToJsonString();
    }

    private static GeneratorRunResult Generate(string spec)
    {
        var driver = GeneratorHarness.Driver(new[] { ("/specs/x.json", spec) }, new Dictionary<string, string> { ["build_property.VodGenNamespace"] = Namespace });
        return driver.RunGenerators(GeneratorHarness.Compilation(Array.Empty<string>())).GetRunResult().Results.Single();
    }

    [Fact]
    public void An_operation_and_a_shared_schema_of_one_name_both_generate_in_files_of_their_own()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(
            new[] { ("/specs/x.json", Spec(new[] { "SimpleQuery", "Other" }, new[] { "SimpleQuery" })) },
            properties: new Dictionary<string, string> { ["build_property.VodGenNamespace"] = Namespace });

        Assert.Null(run.Exception);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var files = run.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains($"{Namespace}.SimpleQuery.g.cs", files);
        Assert.Contains($"{Namespace}.SimpleQuery.Schema.g.cs", files);
        Assert.Contains($"{Namespace}.Other.g.cs", files);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.NotNull(output.GetTypeByMetadataName($"{Namespace}.SimpleQuery"));
        Assert.NotNull(output.GetTypeByMetadataName($"{Namespace}.SimpleQueryResponse"));
    }

    [Fact]
    public void Operations_named_like_the_client_the_serializers_or_the_upload_helpers_keep_every_file()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(
            new[] { ("/specs/x.json", Spec(new[] { "XService", "VodGenJson", "VodUploadExtensions", "Query" }, new[] { "QueryErrors", "QueryOperation", "QueryRequest", "QueryResponse", "XService", "VodGenJson" })) },
            properties: new Dictionary<string, string> { ["build_property.VodGenNamespace"] = Namespace });

        Assert.Null(run.Exception);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var files = run.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Equal(files.Count, files.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Contains($"{Namespace}.XService.g.cs", files);        // the operation
        Assert.Contains($"{Namespace}.XService.Client.g.cs", files); // the product's client
        Assert.Contains($"{Namespace}.VodGenJson.g.cs", files);
        Assert.Contains($"{Namespace}.VodGenJson.Serializers.g.cs", files);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void Ten_thousand_specs_with_colliding_names_never_fail_the_generator_and_compile()
    {
        // A small pool, so that names meet often: operations, their generated types, the client, the serializers.
        string[] pool = ["A", "B", "AErrors", "AOperation", "ARequest", "AResponse", "ASchema", "BRequest", "XService", "VodGenJson", "VodUploadExtensions", "XClientExtensions", "Value", "Item"];
        var gen = Gen.Select(Gen.Int[0, pool.Length - 1].Array[1, 4], Gen.Int[0, pool.Length - 1].Array[0, 4]);
        var pcg = new PCG(11, 20260101UL);
        var compiled = new List<SyntaxTree>();
        for (var n = 0; n < 10_000; n++)
        {
            var (operations, schemas) = gen.Generate(pcg, null, out _);
            var spec = Spec(operations.Select(i => pool[i]).ToList(), schemas.Select(i => pool[i]).ToList());
            var context = $"case {n}: operations {string.Join(",", operations.Select(i => pool[i]))}; schemas {string.Join(",", schemas.Select(i => pool[i]))}";

            var result = Generate(spec);

            Assert.True(result.Exception is null, context + ": " + result.Exception);
            Assert.False(result.Diagnostics.Any(d => d.Id == "VODGEN015"), context + ": " + string.Join("; ", result.Diagnostics));
            if (n % 50 == 0 && !result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                // Every 50th case compiled on its own (namespaces would collide across cases).
                var errors = GeneratorHarness.Compilation(Array.Empty<string>()).AddSyntaxTrees(result.GeneratedSources.Select(s => s.SyntaxTree))
                    .GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(3).ToList();
                Assert.True(errors.Count == 0, context + ": " + string.Join("\n", errors));
                compiled.AddRange(result.GeneratedSources.Select(s => s.SyntaxTree));
            }
        }

        Assert.NotEmpty(compiled);
    }
}
