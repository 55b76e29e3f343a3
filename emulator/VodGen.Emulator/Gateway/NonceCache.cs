using System.Collections.Concurrent;

namespace VodGen.Emulator.Gateway;

/// <summary>Remembers nonces per key for the timestamp window, so a replayed request is refused.</summary>
internal sealed class NonceCache
{
    private readonly ConcurrentDictionary<(string Key, string Nonce), DateTimeOffset> _seen = new();
    private long _uses;

    /// <summary>True the first time a nonce is used with a key within the window.</summary>
    public bool TryUse(string accessKeyId, string nonce, DateTimeOffset now)
    {
        if (Interlocked.Increment(ref _uses) % 1024 == 0)
        {
            Purge(now);
        }

        var expires = now + SignatureChecker.AllowedSkew;
        var stored = _seen.GetOrAdd((accessKeyId, nonce), expires);
        if (stored == expires)
        {
            return true;
        }

        // Seen before: still refused inside the window; after it the nonce may be used again.
        if (stored < now && _seen.TryUpdate((accessKeyId, nonce), expires, stored))
        {
            return true;
        }

        return false;
    }

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
