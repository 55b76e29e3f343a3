using System.Diagnostics.Tracing;

namespace VodGen.Benchmarks;

/// <summary>
/// Which types a stage allocates, from the runtime's allocation ticks (one event about every 100 KB, naming the type
/// of the object that crossed the mark, and whether it went to the large object heap). Sampled, so small totals are
/// rough; enough to see which kinds of objects make the collections. <c>VODGEN_PROFILE_ALLOCATIONS=1</c> with
/// <c>profile-generation</c>.
/// </summary>
internal sealed class AllocationTicks : EventListener
{
    private const int AllocationTickEventId = 10;
    private readonly Dictionary<(string Type, bool Large), long> _bytes = new();
    private readonly object _gate = new();
    private bool _recording;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (data.EventId != AllocationTickEventId || !_recording || data.Payload is null)
        {
            return;
        }

        var type = data.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? data.Payload[t] as string ?? "?" : "?";
        var large = data.PayloadNames.IndexOf("AllocationKind") is var k and >= 0 && Convert.ToInt32(data.Payload[k]) == 1;
        var amount = data.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(data.Payload[a]) : 100_000;
        lock (_gate)
        {
            _bytes[(type, large)] = _bytes.GetValueOrDefault((type, large)) + amount;
        }
    }

    /// <summary>Records the ticks of <paramref name="action"/> run <paramref name="runs"/> times.</summary>
    public void Record(Action action, int runs)
    {
        lock (_gate)
        {
            _bytes.Clear();
            _recording = true;
        }

        for (var i = 0; i < runs; i++)
        {
            action();
        }

        lock (_gate)
        {
            _recording = false;
        }
    }

    /// <summary>The types that took most, per run.</summary>
    public void Report(TextWriter output, int runs, int top = 25)
    {
        List<KeyValuePair<(string Type, bool Large), long>> rows;
        lock (_gate)
        {
            rows = _bytes.OrderByDescending(p => p.Value).Take(top).ToList();
        }

        foreach (var ((type, large), bytes) in rows)
        {
            output.WriteLine($"      {bytes / runs / 1e6,6:F2} MB {(large ? "LOH " : "    ")}{type}");
        }
    }
}
