using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace VodGen.Generator.Tests;

/// <summary>MSBuild-style options: global properties, and per-file metadata for spec files.</summary>
internal sealed class TestAnalyzerConfigOptionsProvider(ImmutableDictionary<string, string> global, ImmutableHashSet<string> specPaths) : AnalyzerConfigOptionsProvider
{
    private static readonly Options SpecOptions = new(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.VodGenSpec", "true"));
    private static readonly Options NoOptions = new(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => NoOptions;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => specPaths.Contains(textFile.Path) ? SpecOptions : NoOptions;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
