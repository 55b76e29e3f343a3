using System.Net;
using VodGen.Signing;
using VodGen.Transport;
using VodGen.Vod;
using VodGen.GeneratedCode;
using VodGen.Throttling;

namespace VodGen.EndToEnd.Tests;

/// <summary>
/// Bytes allocated per call on the hot paths, with generous ceilings (about 2–3 × what the benchmarks measure) so
/// that only a real regression fails. Timings are left to benchmarks/.
/// </summary>
public class AllocationTests
{
    private static readonly VodRequestStamp Stamp = new(new VodCredentials("testid", "testsecret"), "RefreshUploadVideo", "2017-03-21", "nonce", "2016-02-23T12:46:24Z");
    private static readonly RefreshUploadVideoRequest Request = new() { VideoId = "c6a23a870c8c4ffcd40cbd381333****" };

    private static long Allocated(Action action, int repeat = 50)
    {
        action(); // JIT and first-use caches
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < repeat; i++)
        {
            action();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / repeat;
    }

    [Fact]
    public void V1_canonical_query_and_signature_allocate_nothing()
    {
        var signature = new byte[VodSignatureV1.SignatureLength];
        var key = "testsecret&"u8.ToArray();

        var bytes = Allocated(() =>
        {
            var writer = new VodQueryWriter(Stamp);
            RefreshUploadVideoOperation.Instance.WriteParameters(Request, ref writer);
            VodSignatureV1.Sign("POST"u8, writer.Written, key, signature);
            writer.Dispose();
        });

        Assert.True(bytes <= 64, $"{bytes} B per signature");
    }

    [Theory]
    [InlineData(VodSignatureVersion.V1, 2_000)]
    [InlineData(VodSignatureVersion.V3, 4_000)]
    public void Signed_request_stays_small(VodSignatureVersion version, long ceiling)
    {
        var bytes = Allocated(() => VodRequestFactory.Create(RefreshUploadVideoOperation.Instance, Request, Stamp, version, "https://vod.cn-shanghai.aliyuncs.com/").Dispose());

        Assert.True(bytes <= ceiling, $"{bytes} B per signed request");
    }

    [Fact]
    public void Whole_call_through_an_in_memory_handler_stays_small()
    {
        using var client = new VodClient(
            new VodClientOptions
            {
                Endpoint = new Uri("https://vod.cn-shanghai.aliyuncs.com"),
                SignatureVersion = VodSignatureVersion.V1,
                Credentials = new StaticCredentialsProvider("testid", "testsecret"),
                Throttling = { Mode = VodThrottlingMode.Off },
            },
            new HttpClient(new SampleHandler()));

        var bytes = Allocated(() =>
        {
            var call = client.RefreshUploadVideoAsync(Request);
            Assert.True(call.IsCompleted, "the in-memory call should complete synchronously, on this thread");
            call.GetAwaiter().GetResult();
        });

        Assert.True(bytes <= 8_000, $"{bytes} B per call");
    }

    private sealed class SampleHandler : HttpMessageHandler
    {
        private static readonly byte[] Body = """{"RequestId":"r","UploadAddress":"a","VideoId":"v","UploadAuth":"u"}"""u8.ToArray();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Body) });
    }
}
