using VodGen.Signing;

namespace VodGen.Runtime.Tests;

public class SignatureV3Tests
{
    private static KeyValuePair<string, string>[] Headers(string host, string action, string version, string? token = null)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("x-acs-version", version),
            new("host", host),
            new("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d"),
            new("x-acs-action", action),
            new("x-acs-date", "2023-10-26T10:22:32Z"),
            new("x-acs-content-sha256", VodSignatureV3.EmptyPayloadHash),
        };
        if (token is not null)
        {
            headers.Add(new("x-acs-security-token", token));
        }

        return headers.ToArray();
    }

    [Fact]
    public void Published_vector_for_RunInstances()
    {
        var (signature, signedHeaders, canonicalHash) = VodSignatureV3.Sign(
            "POST",
            "/",
            "ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai",
            Headers("ecs.cn-shanghai.aliyuncs.com", "RunInstances", "2014-05-26"),
            VodSignatureV3.EmptyPayloadHash,
            "YourAccessKeySecret");

        Assert.Equal("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259", canonicalHash);
        Assert.Equal("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0", signature);
        Assert.Equal("host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version", signedHeaders);
    }

    [Fact]
    public void Derived_vector_for_RefreshUploadVideo()
    {
        var (signature, _, _) = VodSignatureV3.Sign(
            "POST",
            "/",
            "VideoId=c6a23a870c8c4ffcd40cbd381333%2A%2A%2A%2A",
            Headers("vod.cn-shanghai.aliyuncs.com", "RefreshUploadVideo", "2017-03-21"),
            VodSignatureV3.EmptyPayloadHash,
            "testsecret");

        Assert.Equal("306209ba6c89f4291c8e0a44a37bb72f0ff3a91f7dac03a34f7ceb2cffa54141", signature);
    }

    [Fact]
    public void Security_token_is_a_signed_header()
    {
        var (withToken, signedHeaders, _) = VodSignatureV3.Sign("POST", "/", string.Empty, Headers("h", "A", "v", "tok"), VodSignatureV3.EmptyPayloadHash, "s");
        var (withoutToken, _, _) = VodSignatureV3.Sign("POST", "/", string.Empty, Headers("h", "A", "v"), VodSignatureV3.EmptyPayloadHash, "s");

        Assert.Contains("x-acs-security-token", signedHeaders.Split(';'));
        Assert.NotEqual(withoutToken, withToken);
    }
}
