using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace VodGen.Generator.Tests;

/// <summary>The VodGenAccessibility property: internal generated types for libraries that wrap VOD.</summary>
public class AccessibilityTests
{
    [Fact]
    public void Internal_makes_every_top_level_type_internal_and_the_output_still_compiles()
    {
        var (run, output, diagnostics) = GeneratorHarness.Run(SpecSets.Shipped(), properties: new Dictionary<string, string> { ["build_property.VodGenAccessibility"] = " Internal " }, referenceUpload: true);

        Assert.Empty(diagnostics);
        Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var topLevel = run.GeneratedSources
            .SelectMany(s => s.SyntaxTree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            .Where(d => d.Parent is BaseNamespaceDeclarationSyntax)
            .ToList();
        Assert.Contains(topLevel, d => d.Identifier.Text == "VodUploadExtensions");
        Assert.Contains(topLevel, d => d.Identifier.Text == "UploadCredential");
        Assert.All(topLevel, d => Assert.DoesNotContain(d.Modifiers, m => m.IsKind(SyntaxKind.PublicKeyword)));
        Assert.Equal(Accessibility.Internal, output.GetTypeByMetadataName("VodGen.Vod.RefreshUploadVideoRequest")!.DeclaredAccessibility);
        Assert.Equal(Accessibility.Internal, output.GetTypeByMetadataName("VodGen.Vod.VodUploadExtensions")!.DeclaredAccessibility);
    }

    [Fact]
    public void VODGEN034_an_unknown_accessibility_is_reported_and_the_types_stay_public()
    {
        var (_, output, diagnostics) = GeneratorHarness.Run(SpecSets.RefreshUploadVideo(), properties: new Dictionary<string, string> { ["build_property.VodGenAccessibility"] = "private" });

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("VODGEN034", diagnostic.Id);
        Assert.Contains("'private'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal(Accessibility.Public, output.GetTypeByMetadataName("VodGen.Vod.RefreshUploadVideoRequest")!.DeclaredAccessibility);
    }
}
