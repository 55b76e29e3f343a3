namespace VodGen.Generator.Tests;

public class SnapshotTests
{
    [Theory]
    [InlineData(nameof(SpecSets.RefreshUploadVideo))]
    [InlineData(nameof(SpecSets.OfficialSample))]
    [InlineData(nameof(SpecSets.Paged))]
    public void Every_generated_file_matches_its_snapshot(string set)
    {
        var (run, _, _) = GeneratorHarness.Run(SpecSets.Named(set));

        Assert.NotEmpty(run.GeneratedSources);
        foreach (var source in run.GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal))
        {
            Snapshot.Verify(set + "/" + Path.GetFileNameWithoutExtension(source.HintName), source.SourceText.ToString());
        }

        var snapshotFolder = Path.Combine(SnapshotFolder(), set);
        var expected = Directory.GetFiles(snapshotFolder, "*.verified.cs").Select(f => Path.GetFileName(f)[..^".verified.cs".Length] + ".cs").Order(StringComparer.Ordinal);
        Assert.Equal(expected, run.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    private static string SnapshotFolder([System.Runtime.CompilerServices.CallerFilePath] string file = "")
        => Path.Combine(Path.GetDirectoryName(file)!, "Snapshots");
}
