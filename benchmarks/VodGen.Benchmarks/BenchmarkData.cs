using System.Net;
using System.Text;
using VodGen.Signing;
using VodGen.Vod;

namespace VodGen.Benchmarks;

/// <summary>The fixed inputs every suite shares: one typical RefreshUploadVideo call.</summary>
internal static class BenchmarkData
{
    public const string Endpoint = "https://vod.cn-shanghai.aliyuncs.com/";

    public static readonly VodCredentials Credentials = new("testid", "testsecret");

    public static readonly RefreshUploadVideoRequest Request = new() { VideoId = "c6a23a870c8c4ffcd40cbd381333****" };

    public static readonly VodRequestStamp Stamp = new(Credentials, "RefreshUploadVideo", "2017-03-21", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "2016-02-23T12:46:24Z");

    /// <summary>The documented sample answer of RefreshUploadVideo.</summary>
    public static readonly byte[] SampleBody = Encoding.UTF8.GetBytes(
        "{\"RequestId\":\"25818875-5F78-4A43-7DF6-D7393642****\",\"UploadAddress\":\"eyJTZWN1cml0eVRiQ0FJU3p3TjFxNkZ0NUIyeW****\"," +
        "\"VideoId\":\"c6a23a870c8c4ffcd40cbd381333****\",\"UploadAuth\":\"FJU3p3TZ0NUIyeW****\"}");

    /// <summary>A GetPlayInfo answer with 60 streams (about 36 KB).</summary>
    public static readonly byte[] LargePlayInfoBody = ReadResource("large-getplayinfo.json");

    public static HttpResponseMessage SampleResponse() => new(HttpStatusCode.OK) { Content = new ByteArrayContent(SampleBody) };

    private static byte[] ReadResource(string name)
    {
        using var stream = typeof(BenchmarkData).Assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

/// <summary>Answers every request at once with the sample body, without a network.</summary>
internal sealed class SampleAnswerHandler : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        => Task.FromResult(BenchmarkData.SampleResponse());
}
