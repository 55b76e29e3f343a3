using System.ComponentModel;
using System.Reflection;

namespace VodGen.Runtime.Tests;

/// <summary>What users see of the runtime, and what is only for generated code.</summary>
public class PublicSurfaceTests
{
    private static readonly Type[] Exported = typeof(VodClient).Assembly.GetExportedTypes();

    [Fact]
    public void Every_type_generated_code_calls_is_hidden_from_IntelliSense()
    {
        var forGeneratedCode = Exported.Where(t => t.Namespace == "VodGen.GeneratedCode" && !t.IsNested).ToList();

        Assert.True(forGeneratedCode.Count >= 15, "the generated-code namespace holds the operation types, readers and writers");
        Assert.All(forGeneratedCode, t => Assert.True(
            t.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never,
            $"{t.FullName} is for generated code and must be [EditorBrowsable(Never)]"));
    }

    [Fact]
    public void Signing_and_request_building_are_not_public()
    {
        Assert.DoesNotContain(Exported, t => t.Namespace is "VodGen.Signing" or "VodGen.Transport" or "VodGen.Security" or "VodGen.Pipeline" or "VodGen.Pipeline.Steps");
    }
}
