using System.Reflection;

namespace VodGen.PackageTests;

/// <summary>
/// Packs VodGen, VodGen.Runtime, VodGen.Upload, the DI and Redis packages and the emulator's two packages once, from a private copy of the sources and with a version of its own, so that
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

        foreach (var folder in new[] { "generator", "runtime", "emulator", "specs", "artifacts/packages" })
        {
            Copy(Path.Combine(RepoRoot, folder), Path.Combine(source, folder));
        }

        foreach (var project in new[] { "runtime/VodGen.Runtime/VodGen.Runtime.csproj", "runtime/VodGen.Upload/VodGen.Upload.csproj", "runtime/VodGen.Extensions.DependencyInjection/VodGen.Extensions.DependencyInjection.csproj", "runtime/VodGen.Runtime.Redis/VodGen.Runtime.Redis.csproj", "runtime/VodGen.Server/VodGen.Server.csproj", "runtime/VodGen.AspNetCore/VodGen.AspNetCore.csproj", "generator/VodGen.Package/VodGen.Package.csproj", "emulator/VodGen.Emulator/VodGen.Emulator.csproj", "emulator/VodGen.Emulator.Tool/VodGen.Emulator.Tool.csproj" })
        {
            var (exitCode, output) = await DotNet.RunAsync($"pack \"{project}\" -c Release -o \"{Feed}\" -p:Version={Version}", source, TimeSpan.FromMinutes(5));
            Assert.True(exitCode == 0, output);
        }
    }

    /// <summary>
    /// A console app (or, with <paramref name="sdk"/>, a web app) in a folder of its own that references the packed VodGen package (and <paramref name="items"/>)
    /// from the test feed only, with the named shipped specs copied into its specs folder.
    /// </summary>
    public string CreateConsumer(string name, string program, bool aot = false, string[]? specs = null, string properties = "", string items = "", string sdk = "Microsoft.NET.Sdk")
    {
        var folder = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.Combine(folder, "specs"));
        foreach (var spec in specs ?? ["RefreshUploadVideo.json", "GetVideoList.json"])
        {
            File.Copy(Path.Combine(PackageFixture.RepoRoot, "specs", spec), Path.Combine(folder, "specs", spec));
        }

        File.WriteAllText(Path.Combine(folder, "Program.cs"), program);
        File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="vodgen-test-feed" value="{Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(folder, name + ".csproj"), $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <PublishAot>{(aot ? "true" : "false")}</PublishAot>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="VodGen" Version="{Version}" />
                {items}
              </ItemGroup>
            </Project>
            """);
        return folder;
    }

    public Task DisposeAsync()
    {
        // Restoring the consumers extracted this run's packages into the machine's packages folder; every run has a
        // version of its own, so they would pile up there (one copy of every package per run) if left.
        foreach (var package in Directory.Exists(Feed) ? Directory.EnumerateFiles(Feed, "*.nupkg") : [])
        {
            var id = Path.GetFileName(package)[..^($".{Version}.nupkg".Length)];
            DeleteIfPresent(Path.Combine(GlobalPackagesFolder(), id.ToLowerInvariant(), Version.ToLowerInvariant()));
        }

        Directory.Delete(Root, recursive: true);
        return Task.CompletedTask;
    }

    // Where restore extracts packages: NUGET_PACKAGES when set, else the user's .nuget/packages.
    private static string GlobalPackagesFolder()
        => Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static void DeleteIfPresent(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A compiler server may still hold a file of it open (on Windows); the next cleanup is not ours to retry.
        }
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
