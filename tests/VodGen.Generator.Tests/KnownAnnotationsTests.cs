using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using VodGen.Generator.Knowledge;
using VodGen.GeneratedCode;

namespace VodGen.Generator.Tests;

/// <summary>
/// Official metadata keeps VodGen's guarantees: what VodGen knows about VOD (secrets, Base64 JSON payloads, rate
/// limits, paging, calls unsafe to repeat) is added to official entries, a VodGen spec overlays the official entry of
/// its operation, and operations a build does not select never conflict.
/// </summary>
public class KnownAnnotationsTests
{
    // Values that must never be printed whole; every property of these names in the output is checked.
    private static readonly string[] SecretNames = { "UploadAuth", "PlayAuth", "AuthKey", "SSLPri", "PlayKey", "AppDecryptKey", "AppEncryptKey", "Plaintext", "AccessKeySecret", "SecurityToken" };

    [Fact]
    public void The_built_in_knowledge_reads_without_any_diagnostic()
    {
        var files = KnownOperations.ReadAll().ToList();
        Assert.True(files.Count >= 19, "the shipped specs and the facts file are built in");
        foreach (var (name, result) in files)
        {
            Assert.NotNull(result.File);
            Assert.True(result.Diagnostics.Count == 0, name + ": " + string.Join("; ", result.Diagnostics.Select(d => d.Id + " " + string.Join(",", d.Arguments))));
        }
    }

    [Fact]
    public void Official_entries_of_the_shipped_operations_get_the_shipped_facts()
    {
        // The shipped specs as official metadata would carry them: no $schema and no x-vodgen key.
        var official = SpecSets.Shipped().Select(f => (f.Path, Officialize(f.Text))).ToArray();

        var fromSpecs = Load(SpecSets.Shipped(), "specs");
        var fromOfficial = Load(official, "official");

        var compared = 0;
        foreach (var type in fromSpecs.GetTypes().Where(t => t.Name.EndsWith("Operation", StringComparison.Ordinal) && t.GetProperty("Instance") is not null))
        {
            var expected = Info(type);
            var actual = Info(fromOfficial.GetType(type.FullName!)!);
            Assert.Equal(Describe(expected), Describe(actual));
            compared++;
        }

        Assert.Equal(21, compared);
        AssertSecretsRedacted(fromOfficial);
    }

    [Fact]
    public void Without_known_annotations_an_official_entry_is_taken_as_written()
    {
        var official = new[] { ("/p/specs/CreateUploadVideo.json", Officialize(GeneratorHarness.Spec("CreateUploadVideo.json"))) };

        var (run, _, _) = GeneratorHarness.Run(official, properties: new Dictionary<string, string> { ["build_property.VodGenKnownAnnotations"] = "false" });

        var text = string.Concat(run.GeneratedSources.Select(s => s.SourceText.ToString()));
        Assert.DoesNotContain("VodDisplay.Secret(UploadAuth)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("new global::VodGen.GeneratedCode.VodQpsLimit(120", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vodgen_spec_overlays_the_official_entry_of_its_operation_in_either_order()
    {
        var spec = GeneratorHarness.Spec("RefreshUploadVideo.json");
        var official = Officialize(spec).Replace("\"VideoId\"", "\"VideoId\", \"x-official\": 1", StringComparison.Ordinal)
            .Replace("renews", "OFFICIAL renews", StringComparison.Ordinal);
        foreach (var files in new[] { new[] { ("/p/a.json", official), ("/p/b.json", spec) }, new[] { ("/p/a.json", spec), ("/p/b.json", official) } })
        {
            var (run, output, diagnostics) = GeneratorHarness.Run(files);

            Assert.DoesNotContain(diagnostics, d => d.Id == "VODGEN006");
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var text = string.Concat(run.GeneratedSources.Select(s => s.SourceText.ToString()));
            Assert.DoesNotContain("OFFICIAL", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Two_official_entries_of_one_operation_still_conflict_but_not_when_the_build_does_not_select_it()
    {
        var official = Officialize(GeneratorHarness.Spec("RefreshUploadVideo.json"));
        var other = Officialize(GeneratorHarness.Spec("GetVideoInfo.json"));
        var files = new[] { ("/p/a.json", official), ("/p/b.json", official), ("/p/c.json", other) };

        var (_, _, all) = GeneratorHarness.Run(files);
        Assert.Contains(all, d => d.Id == "VODGEN006");

        var (run, output, selected) = GeneratorHarness.Run(files, properties: new Dictionary<string, string> { ["build_property.VodGenOperations"] = "GetVideoInfo" });
        Assert.DoesNotContain(selected, d => d.Severity >= DiagnosticSeverity.Warning);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName.Contains("RefreshUploadVideo", StringComparison.Ordinal));
    }

    [PublishedVodFileFact]
    public void The_published_VOD_file_alone_uploads_redacts_every_secret_and_has_the_shipped_rate_limits()
    {
        var published = new[] { ("/p/specs/vod.json", File.ReadAllText(PublishedVodFileFactAttribute.Find()!)) };
        var upload = new[]
        {
            "static class UsesUpload { static global::System.Threading.Tasks.Task<global::VodGen.Upload.VodUploadResult> Go(global::VodGen.VodClient client, global::System.IO.Stream stream)",
            "    => global::VodGen.Vod.VodUploadExtensions.UploadVideoAsync(client, new global::VodGen.Vod.CreateUploadVideoRequest { Title = \"t\", FileName = \"f.mp4\" }, stream); }",
        };

        var (run, output, diagnostics) = GeneratorHarness.Run(published, new[] { string.Join("\n", upload) }, referenceUpload: true);

        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains(run.GeneratedSources, s => s.SourceText.ToString().Contains("UploadVideoAsync(", StringComparison.Ordinal));
        var problems = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(10).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var fromOfficial = Emit(output, "published");
        AssertSecretsRedacted(fromOfficial);
        var fromSpecs = Load(SpecSets.Shipped(), "shipped");
        foreach (var type in fromSpecs.GetTypes().Where(t => t.Name.EndsWith("Operation", StringComparison.Ordinal) && t.GetProperty("Instance") is not null))
        {
            var expected = Info(type);
            var actual = Info(fromOfficial.GetType(type.FullName!)!);
            Assert.Equal(Qps(expected), Qps(actual));
            Assert.Equal(expected.IsIdempotent, actual.IsIdempotent);
        }
    }

    // The spec as official metadata carries it: VodGen's keys and its $schema removed.
    private static string Officialize(string spec)
    {
        var root = JsonNode.Parse(spec)!.AsObject();
        root.Remove("$schema");
        Strip(root);
        return root.ToJsonString();

        static void Strip(JsonNode? node)
        {
            if (node is JsonObject owner)
            {
                foreach (var key in owner.Select(p => p.Key).Where(k => k.StartsWith("x-vodgen-", StringComparison.Ordinal)).ToList())
                {
                    owner.Remove(key);
                }

                foreach (var property in owner)
                {
                    Strip(property.Value);
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    Strip(item);
                }
            }
        }
    }

    private static Assembly Load((string Path, string Text)[] specs, string name)
    {
        var (_, output, diagnostics) = GeneratorHarness.Run(specs, referenceUpload: true);
        Assert.DoesNotContain(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return Emit(output, name);
    }

    private static Assembly Emit(Compilation output, string name)
    {
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Take(10)));
        image.Position = 0;
        return new AssemblyLoadContext(name, isCollectible: true).LoadFromStream(image);
    }

    private static VodOperationInfo Info(Type operation)
    {
        var instance = operation.GetProperty("Instance")!.GetValue(null)!;
        return (VodOperationInfo)operation.GetProperty("Info")!.GetValue(instance)!;
    }

    private static string Qps(VodOperationInfo info)
        => info.Qps is null ? "none" : info.Qps.PerAccount + string.Concat(new[] { "cn-shanghai", "cn-beijing", "ap-southeast-1", "eu-central-1" }.Select(r => "," + r + "=" + info.Qps.ForRegion(r)));

    private static string Describe(VodOperationInfo info) => info.Action + " " + info.Method + " " + Qps(info) + " idempotent=" + info.IsIdempotent;

    // Every generated type with a property of a secret's name prints it redacted.
    private static void AssertSecretsRedacted(Assembly assembly)
    {
        var checkedProperties = 0;
        foreach (var type in assembly.GetTypes().Where(t => t.IsClass && !t.IsAbstract && t.GetMethod("ToString", Type.EmptyTypes)!.DeclaringType == t))
        {
            var secrets = type.GetProperties().Where(p => SecretNames.Contains(p.Name) && p.PropertyType == typeof(string) && p.CanWrite).ToList();
            if (secrets.Count == 0)
            {
                continue;
            }

            var instance = RuntimeHelpers.GetUninitializedObject(type);
            foreach (var property in secrets)
            {
                property.SetValue(instance, "s3cr3t-" + property.Name);
            }

            var printed = instance.ToString()!;
            foreach (var property in secrets)
            {
                Assert.DoesNotContain("s3cr3t-" + property.Name, printed, StringComparison.Ordinal);
                checkedProperties++;
            }
        }

        Assert.True(checkedProperties >= 4, "the output has the upload credentials' properties");
    }
}
