using VodGen.Upload.Storage;

namespace VodGen.Upload.Tests;

/// <summary>The storage signatures against the vectors published with the official storage SDKs' tests.</summary>
public sealed class SignatureVectorTests
{
    private static OssSignedRequest V1Request(params (string, string?)[] query)
    {
        var request = new OssSignedRequest("examplebucket", "nelson")
            .With("content-md5", "eB5eJF1ptWaXm4bijSPyxw==")
            .With("content-type", "text/html")
            .With("date", "Wed, 28 Dec 2022 10:27:41 GMT")
            .With("x-oss-date", "Wed, 28 Dec 2022 10:27:41 GMT")
            .With("x-oss-meta-author", "alice")
            .With("x-oss-meta-magic", "abracadabra");
        request.Query.AddRange(query);
        return request;
    }

    [Fact]
    public void V1_put_object() => Assert.Equal("OSS ak:kSHKmLxlyEAKtZPkJhG9bZb5k7M=", OssSignatureV1.Authorization("PUT", V1Request(), "ak", "sk"));

    [Fact]
    public void V1_with_a_signed_sub_resource() => Assert.Equal("OSS ak:/afkugFbmWDQ967j1vr6zygBLQk=", OssSignatureV1.Authorization("PUT", V1Request(("acl", null)), "ak", "sk"));

    [Fact]
    public void V1_with_a_security_token()
        => Assert.Equal("OSS ak:H3PAlN3Vucn74tPVEqaQC4AnLwQ=", OssSignatureV1.Authorization("PUT", V1Request().With("x-oss-security-token", "token"), "ak", "sk"));

    [Fact]
    public void V1_signs_upload_sub_resources_sorted_and_leaves_paging_out()
    {
        var request = new OssSignedRequest("b", "k");
        request.Query.AddRange(new (string, string?)[] { ("uploadId", "U1"), ("max-parts", "1000"), ("partNumber", "3") });

        Assert.EndsWith("\n/b/k?partNumber=3&uploadId=U1", OssSignatureV1.StringToSign("PUT", request), StringComparison.Ordinal);
    }

    private static OssSignedRequest V4Request(DateTimeOffset time)
    {
        var request = new OssSignedRequest("bucket", "1234+-/123/1.txt")
            .With("x-oss-head1", "value")
            .With("abc", "value")
            .With("zabc", "value")
            .With("xyz", "value")
            .With("content-type", "text/plain")
            .With("x-oss-content-sha256", "UNSIGNED-PAYLOAD")
            .With("x-oss-date", OssSignatureV4.DateTime(time));
        request.Query.AddRange(new (string, string?)[] { ("param1", "value1"), ("+param1", "value3"), ("|param1", "value4"), ("+param2", null), ("|param2", null), ("param2", null) });
        return request;
    }

    [Fact]
    public void V4_canonical_path_and_query()
    {
        var canonical = OssSignatureV4.CanonicalRequest("PUT", V4Request(DateTimeOffset.Parse("2023-12-16T16:20:57Z", System.Globalization.CultureInfo.InvariantCulture)));
        var lines = canonical.Split('\n');

        Assert.Equal("/bucket/1234%2B-/123/1.txt", lines[1]);
        Assert.Equal("%2Bparam1=value3&%2Bparam2&%7Cparam1=value4&%7Cparam2&param1=value1&param2", lines[2]);
    }

    [Fact]
    public void V4_put_object()
        => Assert.Equal(
            "e21d18daa82167720f9b1047ae7e7f1ce7cb77a31e8203a7d5f4624fa0284afe",
            OssSignatureV4.Signature("PUT", V4Request(DateTimeOffset.Parse("2023-12-16T16:20:57Z", System.Globalization.CultureInfo.InvariantCulture)), "cn-hangzhou", "sk"));

    [Fact]
    public void V4_with_a_security_token()
        => Assert.Equal(
            "b94a3f999cf85bcdc00d332fbd3734ba03e48382c36fa4d5af5df817395bd9ea",
            OssSignatureV4.Signature("PUT", V4Request(DateTimeOffset.Parse("2023-12-17T03:47:36Z", System.Globalization.CultureInfo.InvariantCulture)).With("x-oss-security-token", "token"), "cn-hangzhou", "sk"));

    [Fact]
    public void V4_authorization_header_names_the_scope()
        => Assert.StartsWith(
            "OSS4-HMAC-SHA256 Credential=ak/20231216/cn-hangzhou/oss/aliyun_v4_request,Signature=",
            OssSignatureV4.Authorization("PUT", V4Request(DateTimeOffset.Parse("2023-12-16T16:20:57Z", System.Globalization.CultureInfo.InvariantCulture)), "cn-hangzhou", "ak", "sk"));
}
