namespace VodGen.Runtime.Tests;

public class ClientOptionsTests
{
    [Theory]
    [InlineData("", "RegionId")]
    [InlineData("cn shanghai", "RegionId")]
    [InlineData("evil.example/", "RegionId")]
    public void Invalid_region_is_rejected_at_construction(string region, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => new VodClient(new VodClientOptions { RegionId = region }));

        Assert.Equal(parameter, error.ParamName);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("http://127.0.0.1:5080/api")]
    [InlineData("http://127.0.0.1:5080/?x=1")]
    public void Endpoint_must_be_an_http_root(string endpoint)
    {
        var error = Assert.Throws<ArgumentException>(() => new VodClient(new VodClientOptions { Endpoint = new Uri(endpoint) }));

        Assert.Equal("Endpoint", error.ParamName);
    }

    [Fact]
    public void Non_positive_timeout_is_rejected()
        => Assert.Equal("Timeout", Assert.Throws<ArgumentException>(() => new VodClient(new VodClientOptions { Timeout = TimeSpan.Zero })).ParamName);

    [Fact]
    public void A_given_HttpClient_is_not_disposed_by_the_client()
    {
        using var http = new HttpClient();
        var client = new VodClient(new VodClientOptions { Endpoint = new Uri("http://127.0.0.1:1") }, http);

        client.Dispose();

        // A disposed HttpClient throws here.
        http.CancelPendingRequests();
    }
}
