using VodGen.Vod;

namespace VodGen.EndToEnd.Tests;

public class CompileSmokeTests
{
    [Fact]
    public void Generated_types_exist()
    {
        var request = new RefreshUploadVideoRequest { VideoId = "abc" };
        Assert.Equal("abc", request.VideoId);
    }
}
