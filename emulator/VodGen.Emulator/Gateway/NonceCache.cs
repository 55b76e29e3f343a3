using System.Collections.Concurrent;

namespace VodGen.Emulator.Gateway;

/// <summary>Remembers nonces per key for the timestamp window, so a replayed request is refused.</summary>
internal sealed class NonceCache
{
    private readonly ConcurrentDictionary<(string Key, string Nonce), DateTimeOffset> _seen = new();
    private long _uses;

    /// <summary>True the first time a nonce is used with a key within the window.</summary>
    /// <remarks>
    /// A request is accepted while its timestamp is within <see cref="SignatureChecker.AllowedSkew"/> of the clock, and
    /// its timestamp may be that far ahead: so a nonce is remembered for twice the skew, or a replay sent just before
    /// the request's own timestamp runs out would find it forgotten.
    /// </remarks>
    public bool TryUse(string accessKeyId, string nonce, DateTimeOffset now)
    {
        if (Interlocked.Increment(ref _uses) % 1024 == 0)
        {
            Purge(now);
        }

        var expires = now + Window;
        var key = (accessKeyId, nonce);
        while (true)
        {
            if (_seen.TryAdd(key, expires))
            {
                return true;
            }

            // Seen before: refused inside the window (at the same instant too); after it the nonce may be used again.
            if (!_seen.TryGetValue(key, out var stored) || stored >= now)
            {
                return stored < now && _seen.TryAdd(key, expires);
            }

            if (_seen.TryUpdate(key, expires, stored))
            {
                return true;
            }
        }
    }

    /// <summary>How long a nonce is remembered.</summary>
    public static TimeSpan Window => SignatureChecker.AllowedSkew * 2;

    private void Purge(DateTimeOffset now)
    {
        foreach (var entry in _seen)
        {
            if (entry.Value < now)
            {
                _seen.TryRemove(entry.Key, out _);
            }
        }
    }
}
