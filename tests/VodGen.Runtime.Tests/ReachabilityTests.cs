using System.Net;
using System.Net.Sockets;
using VodGen.GeneratedCode;

namespace VodGen.Runtime.Tests;

/// <summary>A wrong region fails before sending; an address that cannot be reached is one documented VodException.</summary>
public sealed class ReachabilityTests
{
    private static readonly VodEndpointTable Vod = new("vod", new Dictionary<string, string>
    {
        ["cn-shanghai"] = "vod.cn-shanghai.aliyuncs.com",
        ["cn-beijing"] = "vod.cn-beijing.aliyuncs.com",
        ["ap-southeast-1"] = "vod.ap-southeast-1.aliyuncs.com",
    });

    private static VodClient Regional(HttpMessageHandler handler, string region, bool allowUnlisted = false)
        => TestClients.Create(handler, o =>
        {
            o.Endpoint = null;
            o.RegionId = region;
            o.AllowUnlistedRegions = allowUnlisted;
            o.Retry.MaxRetryAttempts = 0;
        });

    [Fact]
    public async Task A_misspelt_region_fails_before_sending_naming_the_listed_regions_and_the_nearest()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok());
        using var client = Regional(handler, "cn-shangai");

        var error = await Assert.ThrowsAsync<VodRegionNotListedException>(() => client.SendAsync(new EchoOperation(endpoints: Vod), new EchoRequest("x")));

        Assert.Equal("cn-shanghai", error.Suggestion);
        Assert.Equal(["ap-southeast-1", "cn-beijing", "cn-shanghai"], error.KnownRegions);
        Assert.Equal(ReachabilityMessages.WrongRegion, error.Message);
        Assert.Equal(0, handler.Count);
    }

    [Fact]
    public async Task An_unlisted_region_is_called_by_the_naming_rule_when_allowed_and_an_Endpoint_is_never_checked()
    {
        var hosts = new List<string>();
        var handler = new ScriptedHandler(_ => ScriptedHandler.Ok()) { OnSend = r => hosts.Add(r.RequestUri!.Host) };
        using var allowed = Regional(handler, "me-east-1", allowUnlisted: true);
        using var overridden = TestClients.Create(handler, o => o.RegionId = "me-east-1");

        await allowed.SendAsync(new EchoOperation(endpoints: Vod), new EchoRequest("x"));
        await overridden.SendAsync(new EchoOperation(endpoints: Vod), new EchoRequest("x"));

        Assert.Equal(["vod.me-east-1.aliyuncs.com", "127.0.0.1"], hosts);
    }

    [Fact]
    public async Task A_dead_endpoint_is_VodUnreachableException_after_every_retry_with_what_was_tried()
    {
        // A port that was free a moment ago: nothing listens there, so the connection is refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var client = new VodClient(new VodClientOptions
        {
            Endpoint = new Uri($"http://127.0.0.1:{port}"),
            Credentials = new StaticCredentialsProvider("key", "secret"),
            Retry = { MaxRetryAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        });

        var error = await Assert.ThrowsAsync<VodUnreachableException>(() => client.SendAsync(new EchoOperation(endpoints: Vod), new EchoRequest("x")));

        Assert.Equal(3, error.Attempts);
        Assert.Equal($"127.0.0.1:{port}", error.Host);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(ReachabilityMessages.DeadEndpoint.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), error.Message);
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "dns", "the name does not resolve" },
        { "tls", "the TLS handshake failed" },
        { "refused", "the connection was refused or failed" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Each_kind_of_transport_failure_says_what_to_check(string kind, string what)
    {
        var failure = kind switch
        {
            "dns" => new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (vod.cn-shanghai.aliyuncs.com:443)"),
            "tls" => new HttpRequestException(HttpRequestError.SecureConnectionError, "The SSL connection could not be established."),
            _ => new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"),
        };
        using var client = TestClients.Create(new ThrowingHandler(failure), o => o.Retry.MaxRetryAttempts = 1);

        var error = await Assert.ThrowsAsync<VodUnreachableException>(() => client.SendAsync(new EchoOperation(endpoints: Vod), new EchoRequest("x")));

        Assert.Contains(what, error.Message, StringComparison.Ordinal);
        Assert.Contains("To fix:", error.Message, StringComparison.Ordinal);
        Assert.Same(failure, error.InnerException);
        Assert.Equal(2, error.Attempts);
    }

    [Fact]
    public void The_documented_messages_are_the_ones_raised()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "VodGen.sln")))
        {
            root = root.Parent!;
        }

        var docs = File.ReadAllText(Path.Combine(root.FullName, "docs", "reliability.md"));

        Assert.Contains(ReachabilityMessages.WrongRegion, docs, StringComparison.Ordinal);
        Assert.Contains(ReachabilityMessages.DeadEndpoint, docs, StringComparison.Ordinal);
    }

    private sealed class ThrowingHandler(Exception failure) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromException<HttpResponseMessage>(failure);
    }
}

/// <summary>The two messages docs/reliability.md shows, as raised (the port of the dead endpoint varies).</summary>
internal static class ReachabilityMessages
{
    public const string WrongRegion = "RegionId 'cn-shangai' is not a region the vod spec lists (ap-southeast-1, cn-beijing, cn-shanghai). Did you mean 'cn-shanghai'? Set VodClientOptions.RegionId to a listed region, VodClientOptions.Endpoint for another address, or AllowUnlistedRegions = true to call vod.cn-shangai.aliyuncs.com anyway. Nothing was sent.";

    public const string DeadEndpoint = "Echo could not reach 127.0.0.1:{port} after 3 attempts: the connection was refused or failed (Connection refused (127.0.0.1:{port})). To fix: check that the service (or emulator) runs at that address, and firewalls and proxies.";
}
