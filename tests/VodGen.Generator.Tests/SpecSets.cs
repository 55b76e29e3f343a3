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

    public static (string Path, string Text)[] Named(string name)
        => name switch
        {
            nameof(RefreshUploadVideo) => RefreshUploadVideo(),
            nameof(OfficialSample) => OfficialSample(),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
}
