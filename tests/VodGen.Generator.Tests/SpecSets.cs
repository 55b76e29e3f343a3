namespace VodGen.Generator.Tests;

/// <summary>The spec inputs the generator tests share.</summary>
internal static class SpecSets
{
    public static (string Path, string Text)[] RefreshUploadVideo()
        => new[] { ("/project/specs/RefreshUploadVideo.json", GeneratorHarness.Spec("RefreshUploadVideo.json")) };

    /// <summary>The RefreshUploadVideo spec under another path, renamed to a different operation so it merges cleanly.</summary>
    public static (string Path, string Text)[] RefreshUploadVideoAs(string path)
        => new[] { (path, GeneratorHarness.Spec("RefreshUploadVideo.json").Replace("\"RefreshUploadVideo\": {", "\"RefreshUploadVideoAgain\": {")) };

    public static (string Path, string Text)[] OfficialSample()
        => new[] { ("/project/specs/official-sample.json", GeneratorHarness.Fixture("official-sample.json")) };

    /// <summary>Paged list operations: option types, constraint attributes and the ItemsAsync helpers (one with a scroll token).</summary>
    public static (string Path, string Text)[] Paged()
        => new[] { "GetVideoList", "SearchMedia", "ListSnapshots" }.Select(n => ($"/project/specs/{n}.json", GeneratorHarness.Spec(n + ".json"))).ToArray();

    /// <summary>Every spec file the project ships.</summary>
    public static (string Path, string Text)[] Shipped()
        => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Specs"), "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => ("/project/specs/" + Path.GetFileName(f), File.ReadAllText(f)))
            .ToArray();

    public static (string Path, string Text)[] Named(string name)
        => name switch
        {
            nameof(RefreshUploadVideo) => RefreshUploadVideo(),
            nameof(OfficialSample) => OfficialSample(),
            nameof(Paged) => Paged(),
            nameof(Shipped) => Shipped(),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
}
