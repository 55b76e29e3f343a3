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
    private DateTime _from;
    private DateTime _to;
    private DateTime _lastTick;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (data.EventId != AllocationTickEventId || data.Payload is null)
        {
            return;
        }

        var type = data.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? data.Payload[t] as string ?? "?" : "?";
        var large = data.PayloadNames.IndexOf("AllocationKind") is var k and >= 0 && Convert.ToInt32(data.Payload[k]) == 1;
        var amount = data.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(data.Payload[a]) : 100_000;
        var at = data.TimeStamp.ToUniversalTime();
        lock (_gate)
        {
            _lastTick = at;
            if (_recording && at >= _from && at <= _to)
            {
                _bytes[(type, large)] = _bytes.GetValueOrDefault((type, large)) + amount;
            }
        }
    }

    /// <summary>Records the ticks of <paramref name="action"/> run <paramref name="runs"/> times.</summary>
    public void Record(Action action, int runs)
    {
        lock (_gate)
        {
            _bytes.Clear();
            (_from, _to, _recording) = (DateTime.UtcNow, DateTime.MaxValue, true);
        }

        for (var i = 0; i < runs; i++)
        {
            action();
        }

        DateTime end;
        lock (_gate)
        {
            _to = end = DateTime.UtcNow;
        }

        // The runtime hands events over on a thread of its own, a little later: allocate past one more tick and wait
        // until it arrives, so that every tick of the action has been counted (the wait's bound only guards a runtime
        // that never sends one).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (LastTick() <= end && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            GC.KeepAlive(new byte[128 * 1024]);
            Thread.Sleep(5);
        }

        lock (_gate)
        {
            _recording = false;
        }
    }

    private DateTime LastTick()
    {
        lock (_gate)
        {
            return _lastTick;
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
