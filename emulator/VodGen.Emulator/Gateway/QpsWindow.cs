using System.Collections.Concurrent;

namespace VodGen.Emulator.Gateway;

/// <summary>
/// Counts calls per (account, operation) over a sliding one-second window, as the service's per-account
/// flow control does, and tells a refused caller how long until a place frees up.
/// </summary>
internal sealed class QpsWindow
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<(string Account, string Action), Queue<DateTimeOffset>> _calls = new();

    /// <summary>Admits the call, or returns how many milliseconds to wait.</summary>
    public int? TryAdmit(string accountId, string action, int limit, DateTimeOffset now)
    {
        var calls = _calls.GetOrAdd((accountId, action), static _ => new Queue<DateTimeOffset>());
        lock (calls)
        {
            while (calls.Count > 0 && now - calls.Peek() >= Window)
            {
                calls.Dequeue();
            }

            if (calls.Count >= limit)
            {
                var wait = calls.Peek() + Window - now;
                return Math.Max(1, (int)Math.Ceiling(wait.TotalMilliseconds));
            }

            calls.Enqueue(now);
            return null;
        }
    }
}
