using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace VodGen.Generator.Tests;

/// <summary>The upload helpers: emitted only with both upload operations and a VodGen.Upload reference, cached, compiling.</summary>
public class UploadEmissionTests
{
    private static (string Path, string Text)[] UploadSpecs()
        => new[]
        {
            ("/project/specs/CreateUploadVideo.json", GeneratorHarness.Spec("CreateUploadVideo.json")),
            ("/project/specs/RefreshUploadVideo.json", GeneratorHarness.Spec("RefreshUploadVideo.json")),
        };

    private const string Caller = """
        internal static class Caller
        {
            public static System.Threading.Tasks.Task<VodGen.Upload.VodUploadResult> Run(VodGen.VodClient client, System.IO.Stream stream)
                => VodGen.Vod.VodUploadExtensions.UploadVideoAsync(client, new VodGen.Vod.CreateUploadVideoRequest { Title = "t", FileName = "f.mp4" }, stream);

            public static System.Threading.Tasks.Task<VodGen.Upload.VodUploadResult> Resume(VodGen.VodClient client)
                => VodGen.Vod.VodUploadExtensions.ResumeVideoUploadAsync(client, "0123", "f.mp4", new VodGen.Upload.VodUploadOptions { Parallelism = 2 });
        }
        """;

    [Fact]
    public void With_a_VodGen_Upload_reference_the_helpers_are_generated_and_compile()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(UploadSpecs(), new[] { Caller }, referenceUpload: true);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var upload = Assert.Single(run.GeneratedSources, s => s.HintName == "VodGen.Vod.VodUploadExtensions.g.cs");
        Snapshot.Verify("Upload/VodGen.Vod.VodUploadExtensions.g", upload.SourceText.ToString());
    }

    [Fact]
    public void Without_the_reference_nothing_is_generated_for_uploads()
    {
        var (run, output, _) = GeneratorHarness.Run(UploadSpecs());

        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName.Contains("Upload", StringComparison.Ordinal) && s.HintName.Contains("Extensions", StringComparison.Ordinal));
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void With_only_one_upload_operation_nothing_is_generated_for_uploads()
    {
        var (run, _, _) = GeneratorHarness.Run(SpecSets.RefreshUploadVideo(), referenceUpload: true);

        Assert.DoesNotContain(run.GeneratedSources, s => s.HintName == "VodGen.Vod.VodUploadExtensions.g.cs");
    }

    [Fact]
    public void An_unrelated_edit_leaves_the_upload_steps_cached()
    {
        var compilation = GeneratorHarness.Compilation(new[] { "class A { }" }, referenceUpload: true);
        var driver = GeneratorHarness.Driver(UploadSpecs()).RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("class B { }", GeneratorHarness.ParseOptions())));

        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        foreach (var name in new[] { TrackingNames.UploadSupport, TrackingNames.RuntimeReference, TrackingNames.Uploads })
        {
            Assert.All(steps[name].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{name}: {o.Reason}"));
        }
    }
}
