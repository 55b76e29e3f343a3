using System.Text;
using VodGen.Signing;
using VodGen.Transport;
using VodGen.Vod;
using VodGen.GeneratedCode;

namespace VodGen.EndToEnd.Tests;

/// <summary>The derived RefreshUploadVideo vectors, produced through the generated parameter writer.</summary>
public class DerivedVectorTests
{
    private const string Nonce = "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf";
    private const string Timestamp = "2016-02-23T12:46:24Z";
    private static readonly RefreshUploadVideoRequest Request = new() { VideoId = "c6a23a870c8c4ffcd40cbd381333****" };

    private static VodRequestStamp Stamp(string? token = null, string nonce = Nonce, string timestamp = Timestamp)
        => new(new VodCredentials("testid", "testsecret", token), "RefreshUploadVideo", "2017-03-21", nonce, timestamp);

    [Fact]
    public async Task V1_post_body_carries_the_derived_signature()
    {
        using var message = VodRequestFactory.Create(RefreshUploadVideoOperation.Instance, Request, Stamp(), VodSignatureVersion.V1, "https://vod.cn-shanghai.aliyuncs.com/");

        var body = await message.Content!.ReadAsStringAsync();

        Assert.Equal(HttpMethod.Post, message.Method);
        Assert.EndsWith("&Signature=" + Uri.EscapeDataString("x8n8yrUVZCAiZhoZgO3frL2UcvM="), body);
        Assert.StartsWith("AccessKeyId=testid&Action=RefreshUploadVideo&Format=JSON&SignatureMethod=HMAC-SHA1", body);
    }

    [Theory]
    [InlineData(null, "lXrkPyY8aeFHWf6Lkh+/1XIsO6c=")]
    [InlineData("CAIS+token/x==", "aBig0Dk5JGrXRwfn+l4FaAYC+Fs=")]
    public void V1_get_query_carries_the_derived_signature(string? token, string expected)
    {
        using var message = VodRequestFactory.Create(new GetVariant(), Request, Stamp(token), VodSignatureVersion.V1, "https://vod.cn-shanghai.aliyuncs.com/");

        Assert.Equal(HttpMethod.Get, message.Method);
        Assert.EndsWith("&Signature=" + Uri.EscapeDataString(expected), message.RequestUri!.OriginalString);
    }

    [Fact]
    public void V3_authorization_carries_the_derived_signature()
    {
        using var message = VodRequestFactory.Create(
            RefreshUploadVideoOperation.Instance,
            Request,
            Stamp(nonce: "3156853299f313e23d1673dc12e1703d", timestamp: "2023-10-26T10:22:32Z"),
            VodSignatureVersion.V3,
            "https://vod.cn-shanghai.aliyuncs.com/");

        Assert.Equal("https://vod.cn-shanghai.aliyuncs.com/?VideoId=c6a23a870c8c4ffcd40cbd381333%2A%2A%2A%2A", message.RequestUri!.OriginalString);
        Assert.Equal(
            "ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
            + "Signature=306209ba6c89f4291c8e0a44a37bb72f0ff3a91f7dac03a34f7ceb2cffa54141",
            message.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public void Generated_order_equals_a_runtime_sort_of_the_same_parameters()
    {
        var writer = new VodQueryWriter(Stamp("tok"));
        try
        {
            RefreshUploadVideoOperation.Instance.WriteParameters(new RefreshUploadVideoRequest { VideoId = Request.VideoId, ReferenceId = "ref-123456" }, ref writer);
            var written = Encoding.ASCII.GetString(writer.Written);
            var pairs = written.Split('&').Select(p => p.Split('=')[0]).ToList();

            Assert.Equal(pairs.OrderBy(p => p, StringComparer.Ordinal), pairs);
            Assert.Contains("SecurityToken=tok", written);
            Assert.Contains("ReferenceId=ref-123456", written);
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>RefreshUploadVideo sent with GET, which the spec also allows.</summary>
    private sealed class GetVariant() : VodOperation<RefreshUploadVideoRequest, RefreshUploadVideoResponse>(
        new VodOperationInfo("RefreshUploadVideo", VodService.Version, VodHttpMethod.Get, VodService.Endpoints, null))
    {
        public override void Validate(RefreshUploadVideoRequest request) => RefreshUploadVideoOperation.Instance.Validate(request);

        public override void WriteParameters(RefreshUploadVideoRequest request, ref VodQueryWriter writer)
            => RefreshUploadVideoOperation.Instance.WriteParameters(request, ref writer);

        public override RefreshUploadVideoResponse ReadResponse(ref System.Text.Json.Utf8JsonReader reader)
            => RefreshUploadVideoOperation.Instance.ReadResponse(ref reader);
    }
}
