namespace VodGen.Generator;

/// <summary>Facts about this generator that appear in generated code.</summary>
internal static class GeneratorInfo
{
    /// <summary>Written in <c>[GeneratedCode]</c> attributes; kept in step with the package version.</summary>
    public const string Version = "0.1.0";
}
