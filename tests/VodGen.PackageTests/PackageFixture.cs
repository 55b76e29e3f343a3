using System.Reflection;

namespace VodGen.PackageTests;

/// <summary>
/// Packs VodGen and VodGen.Runtime once, from a private copy of the sources and with a version of its own, so that
/// nothing races the other test assemblies' build output and no older package in the cache is picked up.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string Root { get; } = Directory.CreateTempSubdirectory("vodgen-package-").FullName;

    public string Feed => Path.Combine(Root, "feed");

    public string Version { get; } = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture);

    public static string RepoRoot => typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public async Task InitializeAsync()
    {
        var source = Path.Combine(Root, "src");
        // docs/diagnostics.md ships in the package: the diagnostics' help links open it.
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "nuget.config", "docs/diagnostics.md" })
        {
            var target = Path.Combine(source, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(RepoRoot, file), target);
        }

        foreach (var folder in new[] { "generator", "runtime", "specs", "artifacts/packages" })
        {
            Copy(Path.Combine(RepoRoot, folder), Path.Combine(source, folder));
        }

        foreach (var project in new[] { "runtime/VodGen.Runtime/VodGen.Runtime.csproj", "runtime/VodGen.Upload/VodGen.Upload.csproj", "generator/VodGen.Package/VodGen.Package.csproj" })
        {
            var (exitCode, output) = await DotNet.RunAsync($"pack \"{project}\" -c Release -o \"{Feed}\" -p:Version={Version}", source, TimeSpan.FromMinutes(5));
            Assert.True(exitCode == 0, output);
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
        {
            Copy(folder, Path.Combine(to, Path.GetFileName(folder)));
        }
    }
}
