using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace VodGen.Server.Events;

/// <summary>
/// Verifies the headers of an HTTP callback: <c>X-VOD-SIGNATURE</c> must be the lower-case hex MD5 of
/// <c>CallbackURL|X-VOD-TIMESTAMP|AuthKey</c> for the current or the previous key, compared in constant time, and the
/// timestamp within the window. The body is not signed by the service: a verified callback proves who sent the
/// headers and when, not what the body says. Thread-safe.
/// </summary>
public sealed class VodCallbackVerifier
{
    private const int Md5HexLength = 32;
    private readonly byte[] _prefix;
    private readonly byte[] _key;
    private readonly byte[]? _previousKey;
    private readonly long _windowSeconds;
    private readonly TimeProvider _clock;

    /// <summary>Checks the options once; verification allocates nothing after that.</summary>
    /// <exception cref="ArgumentException">The callback URL or the key is missing, or the window is not positive.</exception>
    public VodCallbackVerifier(VodCallbackVerifierOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.CallbackUrl) || !Uri.TryCreate(options.CallbackUrl, UriKind.Absolute, out _))
        {
            throw new ArgumentException("VodCallbackVerifierOptions.CallbackUrl must be the absolute callback URL configured in VOD.", nameof(options));
        }

        if (string.IsNullOrEmpty(options.AuthKey))
        {
            throw new ArgumentException("VodCallbackVerifierOptions.AuthKey is required: the AuthKey set with SetMessageCallback.", nameof(options));
        }

        if (options.Window <= TimeSpan.Zero)
        {
            throw new ArgumentException("VodCallbackVerifierOptions.Window must be positive.", nameof(options));
        }

        _prefix = Encoding.UTF8.GetBytes(options.CallbackUrl + "|");
        _key = Encoding.UTF8.GetBytes("|" + options.AuthKey);
        _previousKey = string.IsNullOrEmpty(options.PreviousAuthKey) ? null : Encoding.UTF8.GetBytes("|" + options.PreviousAuthKey);
        _windowSeconds = (long)options.Window.TotalSeconds;
        _clock = options.TimeProvider;
    }

    /// <summary>Checks the two headers' values.</summary>
    public VodCallbackVerification Verify(ReadOnlySpan<char> timestamp, ReadOnlySpan<char> signature)
    {
        if (timestamp.IsEmpty || signature.IsEmpty)
        {
            return VodCallbackVerification.Unsigned;
        }

        if (timestamp.Length > 12 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || signature.Length != Md5HexLength)
        {
            return VodCallbackVerification.Malformed;
        }

        Span<byte> presented = stackalloc byte[Md5HexLength];
        for (var i = 0; i < Md5HexLength; i++)
        {
            var c = char.ToLowerInvariant(signature[i]);
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return VodCallbackVerification.Malformed;
            }

            presented[i] = (byte)c;
        }

        if (Math.Abs(_clock.GetUtcNow().ToUnixTimeSeconds() - seconds) > _windowSeconds)
        {
            return VodCallbackVerification.OutsideWindow;
        }

        // Both keys are always computed, so the time taken does not tell which one matched.
        var current = Matches(timestamp, _key, presented);
        var previous = _previousKey is not null && Matches(timestamp, _previousKey, presented);
        return current | previous ? VodCallbackVerification.Valid : VodCallbackVerification.BadSignature;
    }

    /// <summary>The signature the service sends for <paramref name="timestamp"/> with <paramref name="authKey"/> (for tests and emulators).</summary>
    public static string Sign(string callbackUrl, long timestamp, string authKey)
        => Playback.VodUrlAuthentication.Md5Hex($"{callbackUrl}|{timestamp.ToString(CultureInfo.InvariantCulture)}|{authKey}");

    private bool Matches(ReadOnlySpan<char> timestamp, byte[] key, ReadOnlySpan<byte> presented)
    {
        var length = _prefix.Length + timestamp.Length + key.Length;
        Span<byte> text = length <= 1024 ? stackalloc byte[length] : new byte[length];
        _prefix.CopyTo(text);
        var at = _prefix.Length + Encoding.ASCII.GetBytes(timestamp, text[_prefix.Length..]);
        key.CopyTo(text[at..]);
        Span<byte> hash = stackalloc byte[MD5.HashSizeInBytes];
        MD5.HashData(text[..(at + key.Length)], hash);
        Span<byte> hex = stackalloc byte[Md5HexLength];
        for (var i = 0; i < hash.Length; i++)
        {
            hex[2 * i] = (byte)"0123456789abcdef"[hash[i] >> 4];
            hex[(2 * i) + 1] = (byte)"0123456789abcdef"[hash[i] & 0xF];
        }

        return CryptographicOperations.FixedTimeEquals(hex, presented);
    }

    /// <inheritdoc/>
    public override string ToString() => $"VodCallbackVerifier {{ Window = {_windowSeconds} s, keys = {(_previousKey is null ? 1 : 2)} }}";
}
