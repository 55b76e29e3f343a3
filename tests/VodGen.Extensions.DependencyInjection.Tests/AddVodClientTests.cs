using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VodGen.Emulator;

namespace VodGen.Extensions.DependencyInjection.Tests;

public class AddVodClientTests
{
    private static IConfiguration Configuration(params (string Key, string Value)[] values)
        => new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Vod_section_is_bound_onto_the_options()
    {
        var services = new ServiceCollection().AddVodClient(Configuration(
            ("Vod:RegionId", "eu-central-1"),
            ("Vod:Endpoint", "http://127.0.0.1:5080"),
            ("Vod:SignatureVersion", "V1"),
            ("Vod:Timeout", "00:00:05"),
            ("Vod:MaxResponseBytes", "1048576"),
            ("Vod:Throttling:Mode", "Reject"),
            ("Vod:Throttling:Limits:RefreshUploadVideo", "50"),
            ("Vod:Retry:MaxRetryAttempts", "7")));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<VodClientOptions>>().Value;
        var client = provider.GetRequiredService<VodClient>();

        Assert.Equal(("eu-central-1", VodSignatureVersion.V1, TimeSpan.FromSeconds(5)), (options.RegionId, options.SignatureVersion, options.Timeout));
        Assert.Equal(new Uri("http://127.0.0.1:5080"), options.Endpoint);
        Assert.Equal((VodThrottlingMode.Reject, 50), (options.Throttling.Mode, options.Throttling.Limits["RefreshUploadVideo"]));
        Assert.Equal(7, options.Retry.MaxRetryAttempts);
        Assert.Equal(1048576, options.MaxResponseBytes);
        Assert.Same(client, provider.GetRequiredService<VodClient>());
        Assert.Equal("eu-central-1", client.RegionId);
    }

    [Fact]
    public void Invalid_settings_fail_at_start_with_a_message_that_names_them()
    {
        var services = new ServiceCollection().AddVodClient(Configuration(("Vod:RegionId", "not a region")));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("RegionId", error.Message);
    }

    [Fact]
    public async Task Client_uses_the_factory_pipeline_and_the_container_logger()
    {
        await using var emulator = await VodEmulator.StartAsync();
        var seen = new ConcurrentQueue<HttpRequestMessage>();
        var logged = new ConcurrentQueue<string>();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(logged)))
            .AddVodClient(Configuration(("Vod:Endpoint", emulator.Endpoint.ToString())), options =>
                options.Credentials = new StaticCredentialsProvider(EmulatorCredential.Default.AccessKeyId, EmulatorCredential.Default.AccessKeySecret));
        services.AddHttpClient(VodServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new Recording(seen));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<VodClient>();

        var error = await Assert.ThrowsAsync<VodServiceException>(() => client.SendAsync(new NotFoundProbe(), "no-such-video"));

        Assert.Equal("InvalidVideo.NotFound", error.Code);
        Assert.Single(seen);
        Assert.Contains(logged, line => line.Contains("RefreshUploadVideo", StringComparison.Ordinal));
    }

    [Fact]
    public void The_primary_handler_does_not_follow_redirects()
    {
        var services = new ServiceCollection().AddVodClient(Configuration(("Vod:RegionId", "cn-shanghai")));
        using var provider = services.BuildServiceProvider();

        HttpMessageHandler? handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(VodServiceCollectionExtensions.HttpClientName);
        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler;
        }

        Assert.False(Assert.IsType<SocketsHttpHandler>(handler).AllowAutoRedirect);
    }

    private sealed class Recording(ConcurrentQueue<HttpRequestMessage> seen) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            seen.Enqueue(request);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class ListLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new ListLogger(lines);

        public void Dispose()
        {
        }

        private sealed class ListLogger(ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => lines.Enqueue(formatter(state, exception));
        }
    }

    /// <summary>RefreshUploadVideo written by hand (this project has no spec files).</summary>
    private sealed class NotFoundProbe() : VodOperation<string, string>(
        new VodOperationInfo("RefreshUploadVideo", "2017-03-21", VodHttpMethod.Post, new VodEndpointTable("vod", []), null))
    {
        public override void Validate(string request)
        {
        }

        public override void WriteParameters(string request, ref Signing.VodQueryWriter writer)
        {
            writer.WriteCommon(Signing.VodCommonParameter.AccessKeyId);
            writer.WriteCommon(Signing.VodCommonParameter.Action);
            writer.WriteCommon(Signing.VodCommonParameter.Format);
            writer.WriteCommon(Signing.VodCommonParameter.SecurityToken);
            writer.WriteCommon(Signing.VodCommonParameter.SignatureMethod);
            writer.WriteCommon(Signing.VodCommonParameter.SignatureNonce);
            writer.WriteCommon(Signing.VodCommonParameter.SignatureVersion);
            writer.WriteCommon(Signing.VodCommonParameter.Timestamp);
            writer.WriteCommon(Signing.VodCommonParameter.Version);
            writer.Write("VideoId"u8, request);
        }

        public override string ReadResponse(ref System.Text.Json.Utf8JsonReader reader)
        {
            reader.Skip();
            return "ok";
        }
    }
}
