namespace VodGen.Emulator;

/// <summary>Rates over the emulator's request log, to check what a client did to the "service".</summary>
public static class EmulatorRates
{
    /// <summary>The most records that fall into any one-second interval (wherever it starts).</summary>
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

    /// <summary>Records per second between the first and the last one.</summary>
    public static double PerSecond(IReadOnlyCollection<EmulatorRequestRecord> records)
        => records.Count < 2 ? 0 : (records.Count - 1) / (records.Max(r => r.Time) - records.Min(r => r.Time)).TotalSeconds;
}
