using System.Reflection;

namespace VodGen.Generator;

/// <summary>Facts about this generator that appear in generated code or decide whether it can be generated.</summary>
internal static class GeneratorInfo
{
    /// <summary>Written in <c>[GeneratedCode]</c> attributes: the generator assembly's own version, as packed.</summary>
    public static readonly string Version = ReadVersion();

    /// <summary>
    /// The version of the contract between generated code and VodGen.Runtime (<c>VodGen.VodGeneratedCodeContract.Version</c>):
    /// the generated code compiles against a runtime with this version, and no other.
    /// </summary>
    public const int RuntimeContract = 2;

    /// <summary>The runtime's contract marker type.</summary>
    public const string RuntimeContractType = "VodGen.GeneratedCode.VodGeneratedCodeContract";

    /// <summary>The upload package's entry point, which the generated upload helpers call.</summary>
    public const string UploadType = "VodGen.Upload.VodUploader";

    private static string ReadVersion()
    {
        var assembly = typeof(GeneratorInfo).Assembly;
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

        // "1.2.3+commit" → "1.2.3": the build metadata would change every generated file on every commit.
        var version = informational?.Split('+')[0];
        return string.IsNullOrEmpty(version) ? assembly.GetName().Version?.ToString(3) ?? "0.0.0" : version!;
    }
}
