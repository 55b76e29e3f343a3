using System.Text;
using VodGen.Server.Events;

namespace VodGen.Server.Tests;

/// <summary>Every documented event into its record; unknown types raw; the service's quirks accepted; garbage refused clearly.</summary>
public sealed class EventReaderTests
{
    private static VodEvent Read(string json) => VodEventReader.Read(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void FileUploadComplete()
    {
        var e = Assert.IsType<VodFileUploadComplete>(Read("""{"EventTime":"2017-03-20T07:49:17Z","EventType":"FileUploadComplete","VideoId":"v1","Size":"12345","FileUrl":"https://outin.example/v1.mp4","Extend":"{\"localId\":\"42\"}"}"""));

        Assert.Equal((new DateTimeOffset(2017, 3, 20, 7, 49, 17, TimeSpan.Zero), "v1", 12345L, "https://outin.example/v1.mp4"), (e.EventTime, e.VideoId, e.Size, e.FileUrl));
        Assert.Equal("{\"localId\":\"42\"}", e.Extend);
        Assert.Null(e.Status);
    }

    [Fact]
    public void VideoAnalysisComplete_with_numbers_sent_as_strings()
    {
        var e = Assert.IsType<VodVideoAnalysisComplete>(Read("""{"EventType":"VideoAnalysisComplete","VideoId":"v1","Status":"success","Width":"1280","Height":720,"Duration":"9.52","Bitrate":"1500.5","Fps":"25","Size":"3245","ErrorCode":"","ErrorMessage":""}"""));

        Assert.Equal((1280, 720, 9.52, 1500.5, 25d, 3245L), (e.Width!.Value, e.Height!.Value, e.Duration!.Value, e.Bitrate!.Value, e.Fps!.Value, e.Size!.Value));
        Assert.True(e.Succeeded);
    }

    [Fact]
    public void StreamTranscodeComplete_and_TranscodeComplete()
    {
        var stream = Assert.IsType<VodStreamTranscodeComplete>(Read("""{"EventType":"StreamTranscodeComplete","VideoId":"v1","Status":"success","Bitrate":"873","Definition":"HD","Duration":"9.52","Encrypt":false,"FileUrl":"https://outin.example/v1-hd.mp4","Format":"mp4","Fps":"25","Height":720,"Width":1280,"Size":1039956,"JobId":"j1"}"""));
        Assert.Equal((873d, "HD", 1280, "j1", false), (stream.Stream.Bitrate!.Value, stream.Stream.Definition, stream.Stream.Width!.Value, stream.Stream.JobId, stream.Stream.Encrypt!.Value));

        var all = Assert.IsType<VodTranscodeComplete>(Read("""{"EventType":"TranscodeComplete","VideoId":"v1","Status":"success","Extend":{"a":1},"StreamInfos":[{"Status":"success","Definition":"LD","Format":"m3u8","Bitrate":"400"},{"Status":"fail","Definition":"HD","ErrorCode":"InvalidParameter","ErrorMessage":"m"}]}"""));
        Assert.Equal(["LD", "HD"], all.StreamInfos.Select(s => s.Definition));
        Assert.Equal("InvalidParameter", all.StreamInfos[1].ErrorCode);
        Assert.Equal("{\"a\":1}", all.Extend);
    }

    [Fact]
    public void SnapshotComplete()
    {
        var e = Assert.IsType<VodSnapshotComplete>(Read("""{"EventType":"SnapshotComplete","VideoId":"v1","Status":"success","SubType":"SpecifiedTime","CoverUrl":"https://outin.example/c.jpg","SnapshotInfos":[{"Status":"success","SnapshotType":"CoverSnapshot","SnapshotCount":"8","SnapshotFormat":"https://outin.example/s{SnapshotCount}.jpg","SnapshotRegular":"r","JobId":"j2"}]}"""));

        Assert.Equal(("SpecifiedTime", 8, "CoverSnapshot"), (e.SubType, e.SnapshotInfos[0].SnapshotCount!.Value, e.SnapshotInfos[0].SnapshotType));
    }

    [Fact]
    public void UploadByURLComplete_ImageUploadComplete_and_AttachedMediaUploadComplete()
    {
        var byUrl = Assert.IsType<VodUploadByUrlComplete>(Read("""{"EventType":"UploadByURLComplete","JobId":"j3","SourceURL":"https://example.com/a.mp4","Status":"fail","ErrorCode":"DownloadFailed","ErrorMessage":"m"}"""));
        var image = Assert.IsType<VodImageUploadComplete>(Read("""{"EventType":"ImageUploadComplete","ImageId":"i1","Size":"77","FileURL":"https://outin.example/i1.png","Status":"success"}"""));
        var attached = Assert.IsType<VodAttachedMediaUploadComplete>(Read("""{"EventType":"AttachedMediaUploadComplete","AttachedMediaId":"m1","Status":"success","FileURL":"https://outin.example/m1.srt"}"""));

        Assert.Equal(("https://example.com/a.mp4", "DownloadFailed", false), (byUrl.SourceUrl, byUrl.ErrorCode, byUrl.Succeeded));
        Assert.Equal(("i1", 77L, "https://outin.example/i1.png"), (image.ImageId, image.Size!.Value, image.FileUrl));
        Assert.Equal(("m1", "https://outin.example/m1.srt"), (attached.AttachedMediaId, attached.FileUrl));
    }

    [Fact]
    public void An_event_of_a_type_this_version_does_not_know_arrives_raw_and_usable()
    {
        const string json = """{"EventType":"AIMediaAuditComplete","VideoId":"v1","Status":"success","Data":{"Suggestion":"pass"}}""";

        var e = Assert.IsType<VodUnknownEvent>(Read(json));

        Assert.Equal(("AIMediaAuditComplete", "v1", json), (e.EventType, e.VideoId, e.Json));
        using var document = System.Text.Json.JsonDocument.Parse(e.Json);
        Assert.Equal("pass", document.RootElement.GetProperty("Data").GetProperty("Suggestion").GetString());
    }

    [Theory]
    [InlineData("""{"EventType":"FileUploadComplete","Size":"12""", "not valid JSON")]
    [InlineData("""[1,2]""", "is a JSON array; an event is a JSON object")]
    [InlineData("""{"VideoId":"v1"}""", "has no EventType")]
    [InlineData("""{"EventType":"FileUploadComplete","Size":{"a":1}}""", "Size of a FileUploadComplete event is a JSON object; a whole number was expected")]
    [InlineData("""{"EventType":"FileUploadComplete","Size":"twelve"}""", "Size of a FileUploadComplete event is 'twelve', not a whole number")]
    [InlineData("""{"EventType":"TranscodeComplete","StreamInfos":[{"Width":[1]}]}""", "StreamInfos[0].Width of a TranscodeComplete event is a JSON array")]
    [InlineData("""{"EventType":"TranscodeComplete","StreamInfos":"none"}""", "StreamInfos of a TranscodeComplete event is a JSON string; an array was expected")]
    [InlineData("""{"EventType":"FileUploadComplete","EventTime":"yesterday"}""", "EventTime of a FileUploadComplete event is 'yesterday', not a UTC time")]
    [InlineData("""{"EventType":"FileUploadComplete"} {"EventType":"FileUploadComplete"}""", "not valid JSON (byte 35")]
    public void Garbage_is_refused_with_what_is_wrong_and_where(string json, string expected)
    {
        var error = Assert.Throws<VodEventFormatException>(() => Read(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bodies_too_large_or_too_deep_are_refused_before_they_are_read()
    {
        var large = new byte[10 * 1024 * 1024];
        var deep = Encoding.UTF8.GetBytes("{\"EventType\":\"X\",\"a\":" + new string('[', 5000) + new string(']', 5000) + "}");

        Assert.Contains("at most 65536", Assert.Throws<VodEventFormatException>(() => VodEventReader.Read(large)).Message, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", Assert.Throws<VodEventFormatException>(() => VodEventReader.Read(deep)).Message, StringComparison.Ordinal);
    }
}
