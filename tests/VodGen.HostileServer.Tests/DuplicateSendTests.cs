using VodGen.Vod;
using VodGen.Throttling;

namespace VodGen.HostileServer.Tests;

/// <summary>
/// Item 1: a connection that closes after the request was read. The HTTP handler must not re-send the identical
/// request (same nonce); only VodGen's own policy retries, signed anew, and never an operation that creates something.
/// </summary>
public sealed class DuplicateSendTests
{
    // The first request warms the connection pool; the second is read and its connection closed without an answer.
    private static HostileServer DropSecondRequest()
    {
        var seen = 0;
        return new HostileServer(async (request, stream) =>
        {
            if (Interlocked.Increment(ref seen) == 2)
            {
                return false;
            }

            await HostileServer.WriteAsync(stream, 200, Hostile.RefreshAnswer);
            return true;
        });
    }

    [Theory]
    [InlineData(VodSignatureVersion.V1)]
    [InlineData(VodSignatureVersion.V3)]
    public async Task An_idempotent_call_is_retried_only_by_VodGen_with_a_new_nonce(VodSignatureVersion version)
    {
        await using var server = DropSecondRequest();
        using var client = Hostile.Client(server.Endpoint, version);

        await client.RefreshUploadVideoAsync(Hostile.Refresh);
        var response = await client.RefreshUploadVideoAsync(Hostile.Refresh);

        Assert.Equal("R-1", response.RequestId);
        var requests = server.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal(3, requests.Select(r => r.Nonce).Distinct().Count());
        Assert.All(requests, r => Assert.NotEmpty(r.Nonce));
    }

    [Theory]
    [InlineData(VodSignatureVersion.V1)]
    [InlineData(VodSignatureVersion.V3)]
    public async Task A_creating_call_whose_answer_is_lost_is_sent_once_and_reported_as_may_have_run(VodSignatureVersion version)
    {
        await using var server = DropSecondRequest();
        using var client = Hostile.Client(server.Endpoint, version);
        await client.RefreshUploadVideoAsync(Hostile.Refresh);

        var exception = await Assert.ThrowsAsync<VodOutcomeUnknownException>(() => client.CreateUploadVideoAsync(Hostile.Create));

        Assert.Equal("CreateUploadVideo", exception.Action);
        Assert.Contains("may have run", exception.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests, r => r.Action == "CreateUploadVideo");
    }

    [Fact]
    public async Task A_creating_call_that_times_out_after_sending_is_reported_as_may_have_run()
    {
        // The server reads the whole request, then answers nothing until well after the client's timeout. That
        // timeout must leave the server time to read the request even on a loaded machine: a client that gives up
        // first resets the connection, the request never arrives whole, and the case under test (sent, then timed
        // out) is not the one that happened.
        await using var server = new HostileServer(async (request, stream) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(4));
            return false;
        });
        using var client = new VodClient(new VodClientOptions
        {
            Endpoint = server.Endpoint,
            Credentials = new StaticCredentialsProvider(Hostile.AccessKeyId, Hostile.Secret),
            Throttling = new VodThrottlingOptions { Mode = VodThrottlingMode.Off },
            Timeout = TimeSpan.FromSeconds(2),
        });

        var exception = await Assert.ThrowsAsync<VodOutcomeUnknownException>(() => client.CreateUploadVideoAsync(Hostile.Create));

        Assert.IsType<TimeoutException>(exception.InnerException);
        Assert.Single(server.Requests);
    }
}
