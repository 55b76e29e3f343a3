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

        var beside = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "shared", "reference", "vod-api-docs.json"));
        return File.Exists(beside) ? beside : null;
    }
}
