using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using VodGen.Generator.Model;

namespace VodGen.Generator.Parsing;

/// <summary>Reads what the build hands the generator: which additional files are specs, and MSBuild settings.</summary>
internal static class BuildInputs
{
    /// <summary>Item metadata that marks an AdditionalFiles item as a spec file.</summary>
    public const string SpecMetadata = "build_metadata.AdditionalFiles.VodGenSpec";

    /// <summary>MSBuild property naming the namespace of generated code.</summary>
    public const string NamespaceProperty = "build_property.VodGenNamespace";

    /// <summary>MSBuild property: <c>internal</c> makes the generated types internal (a library that wraps VOD); <c>public</c> by default.</summary>
    public const string AccessibilityProperty = "build_property.VodGenAccessibility";

    /// <summary>MSBuild property listing the operations to generate (all when empty).</summary>
    public const string OperationsProperty = "build_property.VodGenOperations";

    /// <summary>
    /// MSBuild property that, set to false, stops VodGen adding what it knows about a product (secrets, Base64 JSON
    /// payloads, rate limits, paging) to official metadata entries.
    /// </summary>
    public const string KnownAnnotationsProperty = "build_property.VodGenKnownAnnotations";

    /// <summary>Item metadata listing the operations to generate from one spec file (all when empty).</summary>
    public const string OperationsMetadata = "build_metadata.AdditionalFiles.VodGenOperations";

    // A file the compiler could not read is parsed as an empty one (VODGEN001 says so).
    private static readonly SourceText EmptyText = SourceText.From(string.Empty);

    /// <summary>The file's path and text when it is marked as a spec; null otherwise.</summary>
    public static SpecFileText? ReadSpecFile(AdditionalText file, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        if (!options.TryGetValue(SpecMetadata, out var flag) || !string.Equals(flag.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        options.TryGetValue(OperationsMetadata, out var selection);
        return new SpecFileText(file.Path, file.GetText(cancellationToken) ?? EmptyText, Names(selection));
    }

    /// <summary>
    /// What the compilation references that generated code needs: the runtime's contract version (0 when the runtime is
    /// missing) and whether the upload package is there. Found by type, through the compilation, whatever the assembly
    /// files are called; the answer is two values, so the steps after it stay cached while the user types.
    /// </summary>
    public static ReferencedRuntime ReadReferences(Compilation compilation)
    {
        var contract = compilation.GetTypeByMetadataName(GeneratorInfo.RuntimeContractType)?
            .GetMembers("Version").OfType<IFieldSymbol>().FirstOrDefault() is { HasConstantValue: true, ConstantValue: int version } ? version : 0;
        return new ReferencedRuntime(contract, compilation.GetTypeByMetadataName(GeneratorInfo.UploadType) is not null);
    }

    public static GeneratorOptions ReadOptions(AnalyzerConfigOptions globalOptions, ParseOptions parseOptions)
    {
        globalOptions.TryGetValue(NamespaceProperty, out var ns);
        var supportsRequired = parseOptions is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp11;
        globalOptions.TryGetValue(OperationsProperty, out var selection);
        var knowledge = !(globalOptions.TryGetValue(KnownAnnotationsProperty, out var flag) && string.Equals(flag.Trim(), "false", StringComparison.OrdinalIgnoreCase));
        globalOptions.TryGetValue(AccessibilityProperty, out var accessibility);
        return new GeneratorOptions(ns?.Trim() ?? string.Empty, supportsRequired, Names(selection), knowledge, accessibility?.Trim().ToLowerInvariant() ?? string.Empty);
    }

    /// <summary>Splits "A; B,C" into distinct names.</summary>
    public static EquatableArray<string> Names(string? list)
        => (list ?? string.Empty).Split(new[] { ';', ',', ' ', '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .ToEquatableArray();
}
