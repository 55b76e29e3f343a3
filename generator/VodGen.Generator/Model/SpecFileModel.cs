using System;
using Microsoft.CodeAnalysis.Text;

namespace VodGen.Generator.Model;

/// <summary>What the parser read from one spec file, with the locations needed to report merge conflicts.</summary>
internal sealed record SpecFileModel(
    string Path,
    string Product,
    string Version,
    EquatableArray<EndpointModel> Endpoints,
    EquatableArray<LocatedOperation> Operations,
    LocationInfo InfoLocation,
    EquatableArray<ComponentModel> Components);

/// <summary>An operation together with where its name stands in the spec file.</summary>
internal sealed record LocatedOperation(OperationModel Operation, LocationInfo Location);

/// <summary>The parser's answer for one file: a model (absent when the file is unusable) and diagnostics.</summary>
internal sealed record SpecParseResult(SpecFileModel? File, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// A spec file as the parser reads it: path, the compiler's text (no string copy: an official file is megabytes), and
/// the operations its item selects (empty: all of them). Not a pipeline value: the first step parses it at once.
/// </summary>
internal sealed record SpecFileText(string Path, SourceText Text, EquatableArray<string> Selection)
{
    /// <summary>A spec file from a string (tests, embedded knowledge).</summary>
    public SpecFileText(string path, string text, EquatableArray<string> selection)
        : this(path, SourceText.From(text ?? throw new ArgumentNullException(nameof(text))), selection)
    {
    }
}

/// <summary>
/// Build-wide settings read from MSBuild properties; <see cref="Selection"/> empty selects every operation, and
/// <see cref="KnownAnnotations"/> adds what VodGen knows about a product to its official metadata entries.
/// </summary>
internal sealed record GeneratorOptions(string Namespace, bool SupportsRequiredMembers, EquatableArray<string> Selection, bool KnownAnnotations = true, string Accessibility = "public");

/// <summary>The runtime contract version the compilation references (0: none) and whether VodGen.Upload is referenced.</summary>
internal readonly record struct ReferencedRuntime(int Contract, bool Upload)
{
    /// <summary>Whether generated code compiles against what is referenced.</summary>
    public bool Compatible => Contract == GeneratorInfo.RuntimeContract;
}
