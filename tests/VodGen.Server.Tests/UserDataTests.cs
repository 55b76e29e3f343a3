using System.Text;
using VodGen.Server.Events;

namespace VodGen.Server.Tests;

public sealed class UserDataTests
{
    [Fact]
    public void The_callback_URL_and_Extend_are_written_as_the_service_reads_them()
    {
        var userData = new VodUserData { CallbackUrl = "https://app.example.com/vod/callback?upload=7" };
        userData.Extend["uploadId"] = "7";
        userData.Extend["owner"] = "ünïcode \"quoted\"";

        Assert.Equal(
            "{\"MessageCallback\":{\"CallbackURL\":\"https://app.example.com/vod/callback?upload=7\"},\"Extend\":{\"uploadId\":\"7\",\"owner\":\"\\u00FCn\\u00EFcode \\u0022quoted\\u0022\"}}",
            userData.ToJson());
        Assert.Equal("{}", new VodUserData().ToJson());
    }

    [Fact]
    public void Extend_comes_back_from_an_event_as_the_values_written()
    {
        var userData = new VodUserData();
        userData.Extend["uploadId"] = "7";
        userData.Extend["owner"] = "ünïcode";
        using var written = System.Text.Json.JsonDocument.Parse(userData.ToJson());
        var extend = written.RootElement.GetProperty("Extend").GetRawText();

        // The service sends Extend back as a string of JSON, or as the object itself.
        var asString = VodEventReader.Read(Encoding.UTF8.GetBytes($"{{\"EventType\":\"FileUploadComplete\",\"Extend\":{System.Text.Json.JsonSerializer.Serialize(extend)}}}"));
        var asObject = VodEventReader.Read(Encoding.UTF8.GetBytes($"{{\"EventType\":\"FileUploadComplete\",\"Extend\":{extend}}}"));

        Assert.Equal("ünïcode", VodUserData.ReadExtend(asString.Extend)["owner"]);
        Assert.Equal("7", VodUserData.ReadExtend(asObject.Extend)["uploadId"]);
        Assert.Empty(VodUserData.ReadExtend(null));
    }

    [Fact]
    public void An_Extend_over_512_bytes_or_a_bad_callback_URL_is_refused_before_sending()
    {
        var large = new VodUserData();
        large.Extend["blob"] = new string('x', 600);
        var badUrl = new VodUserData { CallbackUrl = "/relative/callback" };

        Assert.Contains("at most 512", Assert.Throws<ArgumentException>(() => large.ToJson()).Message, StringComparison.Ordinal);
        Assert.Contains("not an absolute http(s) URL", Assert.Throws<ArgumentException>(() => badUrl.ToJson()).Message, StringComparison.Ordinal);
        Assert.Throws<VodEventFormatException>(() => VodUserData.ReadExtend("[1]"));
    }
}
