namespace VodGen.Emulator.Tests;

/// <summary>Counts over the emulator's request log.</summary>
internal static class RateAnalysis
{
    /// <summary>The most records that fall into any one-second interval.</summary>
    public static int MaxInAnySecond(IEnumerable<EmulatorRequestRecord> records)
    {
        var times = records.Select(r => r.Time).Order().ToArray();
        var best = 0;
        for (int start = 0, end = 0; end < times.Length; end++)
        {
            while (times[end] - times[start] >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }

        return best;
    }

    /// <summary>Calls per second between the first and the last record.</summary>
    public static double Rate(IReadOnlyList<EmulatorRequestRecord> records)
        => records.Count < 2 ? 0 : (records.Count - 1) / (records.Max(r => r.Time) - records.Min(r => r.Time)).TotalSeconds;
}
