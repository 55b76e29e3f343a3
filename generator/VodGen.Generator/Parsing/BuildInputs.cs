using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
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

    /// <summary>MSBuild property listing the operations to generate (all when empty).</summary>
    public const string OperationsProperty = "build_property.VodGenOperations";

    /// <summary>
    /// MSBuild property that, set to false, stops VodGen adding what it knows about a product (secrets, Base64 JSON
    /// payloads, rate limits, paging) to official metadata entries.
    /// </summary>
    public const string KnownAnnotationsProperty = "build_property.VodGenKnownAnnotations";

    /// <summary>Item metadata listing the operations to generate from one spec file (all when empty).</summary>
    public const string OperationsMetadata = "build_metadata.AdditionalFiles.VodGenOperations";

    /// <summary>The file's path and text when it is marked as a spec; null otherwise.</summary>
    public static SpecFileText? ReadSpecFile(AdditionalText file, AnalyzerConfigOptions options, CancellationToken cancellationToken)
    {
        if (!options.TryGetValue(SpecMetadata, out var flag) || !string.Equals(flag.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        options.TryGetValue(OperationsMetadata, out var selection);
        return new SpecFileText(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty, Names(selection));
    }

    /// <summary>Whether a reference is the VodGen.Upload assembly (a package or project reference alike).</summary>
    public static bool IsUploadPackage(MetadataReference reference)
        => reference is PortableExecutableReference { FilePath: { } path }
            && string.Equals(System.IO.Path.GetFileName(path), "VodGen.Upload.dll", System.StringComparison.OrdinalIgnoreCase);

    public static GeneratorOptions ReadOptions(AnalyzerConfigOptions globalOptions, ParseOptions parseOptions)
    {
        globalOptions.TryGetValue(NamespaceProperty, out var ns);
        var supportsRequired = parseOptions is not CSharpParseOptions csharp || csharp.LanguageVersion >= LanguageVersion.CSharp11;
        globalOptions.TryGetValue(OperationsProperty, out var selection);
        var knowledge = !(globalOptions.TryGetValue(KnownAnnotationsProperty, out var flag) && string.Equals(flag.Trim(), "false", StringComparison.OrdinalIgnoreCase));
        return new GeneratorOptions(ns?.Trim() ?? string.Empty, supportsRequired, Names(selection), knowledge);
    }

    /// <summary>Splits "A; B,C" into distinct names.</summary>
    public static EquatableArray<string> Names(string? list)
        => (list ?? string.Empty).Split(new[] { ';', ',', ' ', '\n', '\r', '\t' }, StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal)
            .ToEquatableArray();
}
