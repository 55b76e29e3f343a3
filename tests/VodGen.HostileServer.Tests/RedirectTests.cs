using VodGen.Vod;

namespace VodGen.HostileServer.Tests;

/// <summary>Item 2: a redirect would carry the STS token (V3 header) or the whole signed form (V1) to another host.</summary>
public sealed class RedirectTests
{
    [Theory]
    [InlineData(301, VodSignatureVersion.V3)]
    [InlineData(302, VodSignatureVersion.V1)]
    [InlineData(307, VodSignatureVersion.V3)]
    [InlineData(308, VodSignatureVersion.V1)]
    public async Task A_redirect_is_not_followed_and_is_a_clear_error_that_is_not_retried(int status, VodSignatureVersion version)
    {
        await using var elsewhere = new HostileServer(async (request, stream) =>
        {
            await HostileServer.WriteAsync(stream, 200, Hostile.RefreshAnswer);
            return true;
        });
        await using var server = new HostileServer(async (request, stream) =>
        {
            await HostileServer.WriteAsync(stream, status, string.Empty, "Moved", "text/plain", "Location: " + elsewhere.Endpoint + "steal");
            return true;
        });
        using var client = Hostile.Client(server.Endpoint, version);

        var exception = await Assert.ThrowsAsync<VodProtocolException>(() => client.RefreshUploadVideoAsync(Hostile.Refresh));

        Assert.Equal(status, (int)exception.StatusCode!);
        Assert.Contains("never follows redirects", exception.Message, StringComparison.Ordinal);
        Assert.Empty(elsewhere.Requests);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_answer_reached_through_a_redirect_by_a_caller_supplied_HttpClient_is_not_trusted()
    {
        await using var elsewhere = new HostileServer(async (request, stream) =>
        {
            await HostileServer.WriteAsync(stream, 200, Hostile.RefreshAnswer);
            return true;
        });
        await using var server = new HostileServer(async (request, stream) =>
        {
            await HostileServer.WriteAsync(stream, 307, string.Empty, "Moved", "text/plain", "Location: " + elsewhere.Endpoint);
            return true;
        });
        using var followsRedirects = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        using var client = Hostile.Client(server.Endpoint, http: followsRedirects);

        var exception = await Assert.ThrowsAsync<VodProtocolException>(() => client.RefreshUploadVideoAsync(Hostile.Refresh));

        Assert.Contains("never follows redirects", exception.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public void The_handler_VodClient_creates_does_not_follow_redirects()
    {
        using var handler = VodClient.CreateHandler();

        Assert.False(handler.AllowAutoRedirect);
    }
}
