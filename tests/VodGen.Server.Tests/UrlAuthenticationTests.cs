using Microsoft.Extensions.Time.Testing;
using VodGen.Server.Playback;

namespace VodGen.Server.Tests;

/// <summary>URL authentication types A, B and C against the published vectors (key aliyuncdnexp1234).</summary>
public sealed class UrlAuthenticationTests
{
    private const string Key = "aliyuncdnexp1234";

    [Fact]
    public void Type_A_matches_the_published_vector()
    {
        var signed = VodUrlAuthentication.SignTypeA("http://cdn.example.com/video/standard/1K.html", Key, DateTimeOffset.FromUnixTimeSeconds(1444435200), rand: "0", uid: "0");

        Assert.Equal("http://cdn.example.com/video/standard/1K.html?auth_key=1444435200-0-0-80cd3862d699b7118eed99103f2a3a4f", signed);
    }

    [Fact]
    public void Type_A_keeps_an_existing_query_and_signs_the_path_without_it()
    {
        var signed = VodUrlAuthentication.SignTypeA("https://cdn.example.com/video/standard/1K.html?a=1", Key, DateTimeOffset.FromUnixTimeSeconds(1444435200), rand: "0", uid: "0");

        Assert.Equal("https://cdn.example.com/video/standard/1K.html?a=1&auth_key=1444435200-0-0-80cd3862d699b7118eed99103f2a3a4f", signed);
    }

    [Fact]
    public void Type_B_matches_the_published_vector_on_the_UTC_plus_8_wall_clock()
    {
        // 2015-08-15 08:00 at UTC+8 is 00:00 UTC.
        var signed = VodUrlAuthentication.SignTypeB("http://cdn.example.com/4/44/44c0909bcfc20a01afaf256ca99a8b8b.mp3", Key, new DateTimeOffset(2015, 8, 15, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("http://cdn.example.com/201508150800/9044548ef1527deadafa49a890a377f0/4/44/44c0909bcfc20a01afaf256ca99a8b8b.mp3", signed);
    }

    [Fact]
    public void Type_C_matches_the_published_vector()
    {
        var signed = VodUrlAuthentication.SignTypeC("http://cdn.example.com/test.flv", Key, DateTimeOffset.FromUnixTimeSeconds(0x55CE8100));

        Assert.Equal("http://cdn.example.com/a37fa50a5fb8f71214b1e7c95ec7a1bd/55CE8100/test.flv", signed);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://cdn.example.com/a.mp4")]
    [InlineData("https://cdn.example.com/a.mp4?auth_key=1-0-0-abc")]
    public void What_cannot_be_signed_is_refused_without_the_key_in_the_message(string url)
    {
        var error = Assert.Throws<ArgumentException>(() => VodUrlAuthentication.SignTypeA(url, "secret-key-123", DateTimeOffset.UtcNow));

        Assert.DoesNotContain("secret-key-123", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_playback_signer_gives_each_URL_a_fresh_rand_and_the_lifetime_as_its_expiry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
        var signer = new VodPlaybackUrlSigner(Key, TimeSpan.FromMinutes(30), clock);

        var first = signer.Sign("https://cdn.example.com/a/b.m3u8");
        var second = signer.Sign("https://cdn.example.com/a/b.m3u8");

        var parts = first.Split("auth_key=")[1].Split('-');
        Assert.Equal("1800001800", parts[0]);
        Assert.Equal(32, parts[1].Length);
        Assert.Equal("0", parts[2]);
        Assert.Equal(VodUrlAuthentication.Md5Hex($"/a/b.m3u8-{parts[0]}-{parts[1]}-0-{Key}"), parts[3]);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain(Key, signer.ToString(), StringComparison.Ordinal);
    }
}
