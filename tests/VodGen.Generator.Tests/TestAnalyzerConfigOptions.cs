using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace VodGen.Generator.Tests;

/// <summary>MSBuild-style options: global properties, and per-file metadata for spec files.</summary>
internal sealed class TestAnalyzerConfigOptionsProvider(
    ImmutableDictionary<string, string> global,
    ImmutableHashSet<string> specPaths,
    ImmutableDictionary<string, string>? selections = null) : AnalyzerConfigOptionsProvider
{
    private static readonly ImmutableDictionary<string, string> SpecMetadata = ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.VodGenSpec", "true");
    private static readonly Options NoOptions = new(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => NoOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
    {
        if (!specPaths.Contains(textFile.Path))
        {
            return NoOptions;
        }

        return selections is not null && selections.TryGetValue(textFile.Path, out var selection)
            ? new Options(SpecMetadata.Add("build_metadata.AdditionalFiles.VodGenOperations", selection))
            : new Options(SpecMetadata);
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
