using VodGen.Vod;

namespace VodGen.EndToEnd.Tests;

/// <summary>
/// Option values go out as their spec text wherever they stand: top level, list items, flattened object fields and
/// inside a JSON parameter; the independent checker confirms the signature over them.
/// </summary>
public sealed class OptionSerializationTests : IAsyncLifetime
{
    private TestVodServer _server = null!;

    public async Task InitializeAsync() => _server = await TestVodServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData(VodSignatureVersion.V1)]
    [InlineData(VodSignatureVersion.V3)]
    public async Task Options_are_sent_as_their_text_and_signed(VodSignatureVersion version)
    {
        using var client = new VodClient(new VodClientOptions
        {
            Endpoint = _server.Endpoint,
            Credentials = new StaticCredentialsProvider(TestVodServer.AccessKeyId, TestVodServer.AccessKeySecret),
            SignatureVersion = version,
            Retry = { MaxRetryAttempts = 0 },
        });
        var request = new ProbeNestedParametersRequest
        {
            Kinds = [ProbeNestedParametersRequest.KindsItemOption.Audio, ProbeNestedParametersRequest.KindsItemOption.Video],
            Items = [new() { Name = "abc", Kind = ProbeNestedParametersRequest.ItemsItem.KindOption.Cover }],
            Filter = new() { Code = "ok", Sort = ProbeNestedParametersRequest.FilterData.SortOption.CreationTimeDesc },
        };

        // The test server knows only RefreshUploadVideo; it records and checks the request before refusing the action.
        var refused = await Assert.ThrowsAsync<VodServiceException>(() => client.ProbeNestedParametersAsync(request));

        Assert.Equal("InvalidAction.NotFound", refused.Code);
        var seen = Assert.Single(_server.Requests);
        Assert.True(seen.SignatureValid);
        Assert.Equal(("audio", "video"), (seen.Parameters["Kinds.1"], seen.Parameters["Kinds.2"]));
        Assert.Equal(("abc", "cover"), (seen.Parameters["Items.1.Name"], seen.Parameters["Items.1.Kind"]));
        Assert.Equal("{\"Code\":\"ok\",\"Sort\":\"CreationTime:Desc\"}", seen.Parameters["Filter"]);
    }
}
