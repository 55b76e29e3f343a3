using VodGen.Signing;

namespace VodGen.Runtime.Tests;

public class SignatureV1Tests
{
    [Theory]
    [InlineData("GET", "OLeaidS1JvxuMvnyHOwuJ+uX5qY=")]
    [InlineData("POST", "MxbnVAM4w6sft9xjVpe/GCKueuk=")]
    public void Published_vector_for_DescribeRegions(string method, string expected)
    {
        var query = ReferenceQuery.Build(ReferenceQuery.DescribeRegions());

        Assert.Equal(expected, VodSignatureV1.Sign(method, query, "testsecret"));
    }

    [Theory]
    [InlineData("GET", null, "lXrkPyY8aeFHWf6Lkh+/1XIsO6c=")]
    [InlineData("POST", null, "x8n8yrUVZCAiZhoZgO3frL2UcvM=")]
    [InlineData("GET", "CAIS+token/x==", "aBig0Dk5JGrXRwfn+l4FaAYC+Fs=")]
    public void Derived_vectors_for_RefreshUploadVideo(string method, string? token, string expected)
    {
        var parameters = ReferenceQuery.DescribeRegions("JSON");
        parameters["Action"] = "RefreshUploadVideo";
        parameters["Version"] = "2017-03-21";
        parameters["VideoId"] = "c6a23a870c8c4ffcd40cbd381333****";
        if (token is not null)
        {
            parameters["SecurityToken"] = token;
        }

        Assert.Equal(expected, VodSignatureV1.Sign(method, ReferenceQuery.Build(parameters), "testsecret"));
    }

    [Fact]
    public void Span_overload_matches_the_string_overload_for_long_queries()
    {
        // Longer than the stack buffer, so the pooled path is used.
        var query = ReferenceQuery.Build(Enumerable.Range(0, 200).Select(i => new KeyValuePair<string, string>("P" + i, new string('*', 10))));
        Span<byte> signature = stackalloc byte[VodSignatureV1.SignatureLength];

        VodSignatureV1.Sign("POST"u8, System.Text.Encoding.ASCII.GetBytes(query), "secret&"u8, signature);

        Assert.Equal(VodSignatureV1.Sign("POST", query, "secret"), System.Text.Encoding.ASCII.GetString(signature));
    }
}
