using System.Net;
using VodGen.Vod;

namespace VodGen.EndToEnd.Tests;

public sealed class RefreshUploadVideoEndToEndTests : IAsyncLifetime
{
    private TestVodServer _server = null!;

    public async Task InitializeAsync() => _server = await TestVodServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private VodClient Client(VodSignatureVersion version, string? token = null, TimeSpan? timeout = null) => new(new VodClientOptions
    {
        Endpoint = _server.Endpoint,
        SignatureVersion = version,
        Credentials = new StaticCredentialsProvider(TestVodServer.AccessKeyId, TestVodServer.AccessKeySecret, token),
        Timeout = timeout ?? TimeSpan.FromSeconds(30),
    });

    [Theory]
    [InlineData(VodSignatureVersion.V1)]
    [InlineData(VodSignatureVersion.V3)]
    public async Task Signed_call_returns_typed_response_with_decodable_upload_fields(VodSignatureVersion version)
    {
        using var client = Client(version);

        var response = await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = TestVodServer.KnownVideo });

        var received = Assert.Single(_server.Requests);
        Assert.True(received.SignatureValid);
        Assert.Equal(version.ToString(), received.SignatureVersion);
        Assert.Equal("POST", received.Method);
        Assert.Equal("25818875-5F78-4A43-7DF6-D7393642****", response.RequestId);
        Assert.Equal(TestVodServer.KnownVideo, response.VideoId);

        var address = response.DecodeUploadAddress();
        Assert.Equal("https://oss-cn-shanghai.aliyuncs.com", address.Endpoint);
        Assert.Equal("in-201703232118266-5sejdln9o", address.Bucket);
        Assert.Equal("sv/5a6b2c5b-1792/5a6b2c5b-1792.mp4", address.FileName);

        var auth = response.DecodeUploadAuth();
        Assert.Equal("STS.upload-key", auth.AccessKeyId);
        Assert.Equal(TestVodServer.UploadSecret, auth.AccessKeySecret);
        Assert.Equal(TestVodServer.UploadToken, auth.SecurityToken);
        Assert.Equal(TimeSpan.FromHours(1), auth.Expiration);
        Assert.Equal("cn-shanghai", auth.Region);
    }

    [Fact]
    public async Task Secrets_of_the_decoded_credential_never_appear_in_ToString()
    {
        using var client = Client(VodSignatureVersion.V3);

        var response = await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = TestVodServer.KnownVideo });
        var texts = new[] { response.ToString(), response.DecodeUploadAuth().ToString(), response.DecodeUploadAddress().ToString() };

        foreach (var text in texts)
        {
            Assert.DoesNotContain(TestVodServer.UploadSecret, text);
            Assert.DoesNotContain(TestVodServer.UploadToken, text);
            Assert.DoesNotContain(response.UploadAuth!, text);
        }

        Assert.Contains("AccessKeySecret = ***", texts[1]);
        Assert.Contains("Bucket = in-201703232118266-5sejdln9o", texts[2]);
    }

    [Theory]
    [InlineData(VodSignatureVersion.V1)]
    [InlineData(VodSignatureVersion.V3)]
    public async Task Sts_token_is_sent_and_signed(VodSignatureVersion version)
    {
        using var client = Client(version, token: "CAIS+token/x==");

        await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = TestVodServer.KnownVideo });

        var received = Assert.Single(_server.Requests);
        Assert.True(received.SignatureValid);
        Assert.Equal("CAIS+token/x==", received.SecurityToken);
    }

    [Theory]
    [InlineData(VodSignatureVersion.V1)]
    [InlineData(VodSignatureVersion.V3)]
    public async Task Unknown_video_is_the_typed_not_found_error(VodSignatureVersion version)
    {
        using var client = Client(version);

        var error = await Assert.ThrowsAsync<VodServiceException>(() => client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = "no-such-video" }));

        Assert.True(error.Code == RefreshUploadVideoErrors.InvalidVideoNotFound);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(404, RefreshUploadVideoErrors.InvalidVideoNotFound.HttpStatus);
        Assert.NotNull(error.RequestId);
        Assert.Equal("vod.cn-shanghai.aliyuncs.com", error.HostId);
    }

    [Fact]
    public async Task Damaged_video_can_be_caught_with_an_exception_filter()
    {
        using var client = Client(VodSignatureVersion.V3);
        var caught = false;

        try
        {
            await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = TestVodServer.DamagedVideo });
        }
        catch (VodServiceException e) when (e.Code == RefreshUploadVideoErrors.InvalidVideoDamaged)
        {
            caught = e.StatusCode == HttpStatusCode.BadRequest;
        }

        Assert.True(caught);
        Assert.Equal(2, RefreshUploadVideoErrors.All.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task Missing_required_parameter_throws_before_anything_is_sent(string? videoId)
    {
        using var client = Client(VodSignatureVersion.V3);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = videoId! }));

        Assert.Equal("VideoId", error.ParamName);
        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("abc", "between 6 and 64 characters")]
    [InlineData("has spaces in it", "does not match the pattern")]
    public async Task Constraint_violations_throw_before_anything_is_sent(string referenceId, string expected)
    {
        using var client = Client(VodSignatureVersion.V1);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => client.RefreshUploadVideoAsync(
            new RefreshUploadVideoRequest { VideoId = TestVodServer.KnownVideo, ReferenceId = referenceId }));

        Assert.Equal("ReferenceId", error.ParamName);
        Assert.Contains(expected, error.Message);
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Optional_parameter_with_reserved_characters_is_signed_correctly()
    {
        using var v1 = Client(VodSignatureVersion.V1);
        using var v3 = Client(VodSignatureVersion.V3);
        var request = new RefreshUploadVideoRequest { VideoId = TestVodServer.KnownVideo, ReferenceId = "ref_123-ABC" };

        await v1.RefreshUploadVideoAsync(request);
        await v3.RefreshUploadVideoAsync(request);

        Assert.All(_server.Requests, r => Assert.True(r.SignatureValid));
        Assert.All(_server.Requests, r => Assert.Equal("ref_123-ABC", r.Parameters["ReferenceId"]));
    }

    [Fact]
    public async Task Every_request_has_a_new_nonce()
    {
        using var client = Client(VodSignatureVersion.V1);

        for (var i = 0; i < 5; i++)
        {
            await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = TestVodServer.KnownVideo });
        }

        Assert.Equal(5, _server.Requests.Select(r => r.Nonce).Distinct().Count());
    }

    [Fact]
    public async Task Gateway_page_becomes_a_protocol_exception_with_status_and_excerpt()
    {
        using var client = Client(VodSignatureVersion.V3);

        var error = await Assert.ThrowsAsync<VodProtocolException>(() => client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = TestVodServer.GatewayPageVideo }));

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Contains("502", error.Message);
        Assert.Contains("upstream unavailable", error.Message);
    }

    [Fact]
    public async Task Json_type_that_contradicts_the_spec_names_the_path()
    {
        using var client = Client(VodSignatureVersion.V3);

        var error = await Assert.ThrowsAsync<VodProtocolException>(() => client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = TestVodServer.WrongTypeVideo }));

        Assert.Equal("$.UploadAddress", error.JsonPath);
    }

    [Fact]
    public async Task Slow_answer_is_a_timeout_and_cancellation_is_honoured()
    {
        using var client = Client(VodSignatureVersion.V3, timeout: TimeSpan.FromMilliseconds(300));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var timedOut = await Assert.ThrowsAsync<VodUnreachableException>(() => client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = TestVodServer.SlowVideo }));
        Assert.IsType<TimeoutException>(timedOut.InnerException);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = TestVodServer.SlowVideo }, cancel.Token));
    }

    [Fact]
    public async Task Wrong_secret_is_rejected_by_the_server_and_the_message_is_redacted()
    {
        using var client = new VodClient(new VodClientOptions
        {
            Endpoint = _server.Endpoint,
            Credentials = new StaticCredentialsProvider(TestVodServer.AccessKeyId, "wrong-secret", "token-that-must-not-leak"),
        });

        var error = await Assert.ThrowsAsync<VodServiceException>(() => client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = TestVodServer.KnownVideo }));

        Assert.True(error.Is(VodGatewayErrors.SignatureDoesNotMatch));
        Assert.DoesNotContain("token-that-must-not-leak", error.ToString());
    }
}
