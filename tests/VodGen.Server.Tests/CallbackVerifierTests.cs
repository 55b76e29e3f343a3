using Microsoft.Extensions.Time.Testing;
using VodGen.Server.Events;

namespace VodGen.Server.Tests;

/// <summary>The callback headers: signature over URL, timestamp and key; the window; key rotation; constant-time compare.</summary>
public sealed class CallbackVerifierTests
{
    private const string Url = "https://www.example.com/your/callback";
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.FromUnixTimeSeconds(1519375990));

    [Fact]
    public void The_documented_example_signs_as_the_service_does()
        => Assert.Equal(Md5("https://www.example.com/your/callback|1519375990|test123"), VodCallbackVerifier.Sign(Url, 1519375990, "test123"));

    [Fact]
    public void A_signature_with_the_current_or_the_previous_key_is_valid_and_no_other()
    {
        var verifier = Verifier("new-key-2", previous: "old-key-1");

        Assert.Equal(VodCallbackVerification.Valid, verifier.Verify("1519375990", VodCallbackVerifier.Sign(Url, 1519375990, "new-key-2")));
        Assert.Equal(VodCallbackVerification.Valid, verifier.Verify("1519375990", VodCallbackVerifier.Sign(Url, 1519375990, "old-key-1").ToUpperInvariant()));
        Assert.Equal(VodCallbackVerification.BadSignature, verifier.Verify("1519375990", VodCallbackVerifier.Sign(Url, 1519375990, "other-key")));
        Assert.Equal(VodCallbackVerification.BadSignature, Verifier("new-key-2").Verify("1519375990", VodCallbackVerifier.Sign(Url, 1519375990, "old-key-1")));
    }

    [Fact]
    public void The_URL_signed_is_the_configured_one_not_whatever_the_request_says()
    {
        var verifier = Verifier("test123");

        Assert.Equal(VodCallbackVerification.BadSignature, verifier.Verify("1519375990", VodCallbackVerifier.Sign("https://attacker.example.net/your/callback", 1519375990, "test123")));
    }

    [Theory]
    [InlineData(-301, VodCallbackVerification.OutsideWindow)]
    [InlineData(-299, VodCallbackVerification.Valid)]
    [InlineData(299, VodCallbackVerification.Valid)]
    [InlineData(301, VodCallbackVerification.OutsideWindow)]
    public void Timestamps_outside_the_window_are_refused_however_well_signed(int offsetSeconds, VodCallbackVerification expected)
    {
        var timestamp = 1519375990 + offsetSeconds;

        Assert.Equal(expected, Verifier("test123").Verify(timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture), VodCallbackVerifier.Sign(Url, timestamp, "test123")));
    }

    [Theory]
    [InlineData("", "0123456789abcdef0123456789abcdef", VodCallbackVerification.Unsigned)]
    [InlineData("1519375990", "", VodCallbackVerification.Unsigned)]
    [InlineData("15193759x0", "0123456789abcdef0123456789abcdef", VodCallbackVerification.Malformed)]
    [InlineData("-1519375990", "0123456789abcdef0123456789abcdef", VodCallbackVerification.Malformed)]
    [InlineData("1519375990", "0123456789abcdef", VodCallbackVerification.Malformed)]
    [InlineData("1519375990", "0123456789abcdef0123456789abcdeg", VodCallbackVerification.Malformed)]
    [InlineData("99999999999999999999", "0123456789abcdef0123456789abcdef", VodCallbackVerification.Malformed)]
    public void Missing_and_malformed_headers_are_told_apart(string timestamp, string signature, VodCallbackVerification expected)
        => Assert.Equal(expected, Verifier("test123").Verify(timestamp, signature));

    [Fact]
    public void Options_name_what_is_missing_and_never_print_the_keys()
    {
        Assert.Contains("CallbackUrl", Assert.Throws<ArgumentException>(() => new VodCallbackVerifier(new VodCallbackVerifierOptions { AuthKey = "k" })).Message, StringComparison.Ordinal);
        Assert.Contains("AuthKey", Assert.Throws<ArgumentException>(() => new VodCallbackVerifier(new VodCallbackVerifierOptions { CallbackUrl = Url })).Message, StringComparison.Ordinal);
        var options = new VodCallbackVerifierOptions { CallbackUrl = Url, AuthKey = "secret-auth-key", PreviousAuthKey = "older-auth-key" };
        Assert.DoesNotContain("secret-auth-key", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("older-auth-key", new VodCallbackVerifier(options).ToString(), StringComparison.Ordinal);
    }

    private VodCallbackVerifier Verifier(string key, string? previous = null)
        => new(new VodCallbackVerifierOptions { CallbackUrl = Url, AuthKey = key, PreviousAuthKey = previous, TimeProvider = _clock });

    private static string Md5(string text) => Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
