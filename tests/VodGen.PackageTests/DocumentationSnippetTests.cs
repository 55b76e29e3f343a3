namespace VodGen.PackageTests;

/// <summary>Every C# snippet in README.md and docs/*.md compiles against the packed packages, as a user's project would use them.</summary>
[Collection(PackageCollection.Name)]
public sealed class DocumentationSnippetTests(PackageFixture packages)
{
    [Fact]
    public async Task Every_csharp_snippet_of_the_readme_and_docs_compiles_against_the_packages()
    {
        var snippets = DocumentationSnippets.Find(PackageFixture.RepoRoot);
        Assert.True(snippets.Count >= 9, $"only {snippets.Count} C# snippets found; the extraction no longer matches the pages");

        var folder = packages.CreateConsumer(
            "snippets",
            "Console.WriteLine(\"The snippets compile.\");",
            specs: [],
            // The snippets use the shipped operations; statements without await are fine in a snippet.
            properties: "<VodGenIncludeShippedSpecs>true</VodGenIncludeShippedSpecs><NoWarn>$(NoWarn);CS1998</NoWarn>",
            items: $"""
                <PackageReference Include="VodGen.Upload" Version="{packages.Version}" />
                <PackageReference Include="VodGen.Extensions.DependencyInjection" Version="{packages.Version}" />
                <PackageReference Include="VodGen.Runtime.Redis" Version="{packages.Version}" />
                <PackageReference Include="VodGen.Server" Version="{packages.Version}" />
                <PackageReference Include="VodGen.AspNetCore" Version="{packages.Version}" />
                <PackageReference Include="OpenTelemetry.Extensions.Hosting" Version="1.21.0" />
                <PackageReference Include="OpenTelemetry.Exporter.OpenTelemetryProtocol" Version="1.21.0" />
                """,
            // An ASP.NET Core app, as the snippets that use a WebApplicationBuilder assume (with its implicit usings).
            sdk: "Microsoft.NET.Sdk.Web");
        for (var i = 0; i < snippets.Count; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"Snippet{i}.cs"), DocumentationSnippets.Render(snippets[i], i));
        }

        var (exitCode, output) = await DotNet.RunAsync("build -c Release", folder, TimeSpan.FromMinutes(5));

        // Errors point at the page and line of the snippet (#line), as "README.md(42,5): error CS0103".
        Assert.True(exitCode == 0, string.Join("\n", output.Split('\n').Where(l => l.Contains("error", StringComparison.Ordinal)).Distinct().Take(30)) + "\n" + output[^Math.Min(output.Length, 2000)..]);
    }
}
