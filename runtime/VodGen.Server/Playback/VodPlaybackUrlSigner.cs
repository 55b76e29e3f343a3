using System;

namespace VodGen.Server.Playback;

/// <summary>
/// Signs playback URLs of a VOD domain with URL authentication type A: the domain's key, a lifetime, a fresh random
/// value per URL. Use it on <c>GetPlayInfo</c>'s URLs when the domain signs them itself, and on the URLs that events
/// carry (<c>FileUrl</c> arrives without <c>auth_key</c>). The key never appears in <see cref="ToString"/>. Thread-safe.
/// </summary>
public sealed class VodPlaybackUrlSigner
{
    private readonly string _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _clock;

    /// <summary>Signs with <paramref name="privateKey"/> (the domain's primary or secondary key) for <paramref name="lifetime"/>.</summary>
    public VodPlaybackUrlSigner(string privateKey, TimeSpan lifetime, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(privateKey);
        if (lifetime <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lifetime), lifetime, "The lifetime of a signed URL must be positive.");
        }

        _key = privateKey;
        _lifetime = lifetime;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>The URL with an <c>auth_key</c> that expires after the lifetime.</summary>
    public string Sign(string url) => VodUrlAuthentication.SignTypeA(url, _key, _clock.GetUtcNow() + _lifetime);

    /// <inheritdoc/>
    public override string ToString() => $"VodPlaybackUrlSigner {{ Type = A, Lifetime = {_lifetime}, Key = *** }}";
}
