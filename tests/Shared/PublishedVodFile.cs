namespace VodGen.Testing;

/// <summary>
/// Alibaba's VOD api-docs.json as published, which cannot ship with this repository: named by VODGEN_PUBLISHED_VOD_FILE,
/// or at ../shared/reference/vod-api-docs.json beside the repository.
/// </summary>
public static class PublishedVodFile
{
    public const string Variable = "VODGEN_PUBLISHED_VOD_FILE";

    /// <summary>The file's path, or null when there is none; a path the variable names is used as it is (so a wrong one fails, naming it).</summary>
    public static string? Find([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var named = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(named))
        {
            return named.Trim();
        }

        // From the source path (tests build without CI path mapping), else from where the assembly runs: a build with
        // mapped paths (CI=true) has "/_/" where the repository was.
        var beside = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "shared", "reference", "vod-api-docs.json"));
        if (File.Exists(beside))
        {
            return beside;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "reference", "vod-api-docs.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
