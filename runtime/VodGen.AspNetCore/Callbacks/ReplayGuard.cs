using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace VodGen.AspNetCore.Callbacks;

/// <summary>
/// Remembers the bodies accepted within the window, so that a repeat (VOD's own retries, or a replayed request whose
/// headers are still within the window) is answered but handed on only once. Keyed by the body's SHA-256.
/// </summary>
internal sealed class ReplayGuard(TimeProvider clock, TimeSpan window)
{
    private const int PurgeAbove = 1024;
    private readonly ConcurrentDictionary<string, long> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time a body is seen within the window.</summary>
    public bool FirstTime(ReadOnlySpan<byte> body)
    {
        var now = clock.GetUtcNow().UtcTicks;
        if (_seen.Count > PurgeAbove)
        {
            foreach (var (seen, until) in _seen)
            {
                if (until <= now)
                {
                    _seen.TryRemove(seen, out _);
                }
            }
        }

        var key = Convert.ToHexString(SHA256.HashData(body));
        var added = false;
        _seen.AddOrUpdate(key, _ => { added = true; return now + window.Ticks; }, (_, until) => { added = until <= now; return added ? now + window.Ticks : until; });
        return added;
    }
}
