using System.ComponentModel;

namespace VodGen.GeneratedCode;

/// <summary>
/// Marks the version of what generated code calls in this runtime. The generator checks it through the compilation
/// and generates nothing, with one diagnostic, when the runtime is missing or speaks another version. For generated
/// code; may change in any release.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VodGeneratedCodeContract
{
    /// <summary>The contract version; the generator names the one it needs.</summary>
    public const int Version = 2;
}
