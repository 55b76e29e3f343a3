using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VodGen.Emulator;
using VodGen.GeneratedCode;
using VodGen.Throttling;

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

    private static readonly StaticCredentialsProvider Credentials = new("LTAI5tStartTests", "start-secret");

    // The start-time failures of a host configured so, as one text (one exception or several).
    private static string StartFailures(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        var error = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        return error is AggregateException all ? string.Join("\n", all.InnerExceptions.Select(e => e.Message)) : error.Message;
    }

    [Fact]
    public void Invalid_settings_fail_at_start_naming_the_configuration_path()
    {
        var failures = StartFailures(new ServiceCollection().AddVodClient(Configuration(("Vod:RegionId", "not a region")), o => o.Credentials = Credentials));

        Assert.Contains("Vod:RegionId: VodClientOptions.RegionId must name a region", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_keys_are_reported_with_the_key_meant()
    {
        var failures = StartFailures(new ServiceCollection().AddVodClient(
            Configuration(("Vod:Regoin", "cn-shanghai"), ("Vod:Retry:MaxRetryAtempts", "2"), ("Vod:Throttling:Limits:RefreshUploadVideo", "10")),
            o => o.Credentials = Credentials));

        Assert.Contains("Vod:Regoin is not a VodGen setting; did you mean Vod:RegionId?", failures, StringComparison.Ordinal);
        Assert.Contains("Vod:Retry:MaxRetryAtempts is not a VodGen setting; did you mean Vod:Retry:MaxRetryAttempts?", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("RefreshUploadVideo", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_for_an_operation_a_typo_away_from_one_the_application_has_is_reported()
    {
        // What the generated code's module initializer does when the application's assembly loads.
        VodOperationCatalog.Register(["RefreshUploadVideo", "GetVideoList"]);

        var failures = StartFailures(new ServiceCollection().AddVodClient(
            Configuration(
                ("Vod:Throttling:Limits:RefreshUploadVdeo", "10"),
                ("Vod:Throttling:Limits:getvideolist", "10"),
                ("Vod:Throttling:Limits:RefreshUploadVideo", "10"),
                ("Vod:Throttling:Limits:SomeOperationOfAnotherLibrary", "10")),
            o => o.Credentials = Credentials));

        Assert.Contains("Vod:Throttling:Limits:RefreshUploadVdeo names no operation of this application; did you mean Vod:Throttling:Limits:RefreshUploadVideo?", failures, StringComparison.Ordinal);
        Assert.Contains("Vod:Throttling:Limits:getvideolist names no operation of this application; did you mean Vod:Throttling:Limits:GetVideoList?", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("Limits:RefreshUploadVideo names", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("SomeOperationOfAnotherLibrary", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void An_enum_value_that_does_not_exist_lists_the_allowed_ones()
    {
        var failures = StartFailures(new ServiceCollection().AddVodClient(Configuration(("Vod:SignatureVersion", "V2"), ("Vod:Throttling:Mode", "Queue")), o => o.Credentials = Credentials));

        Assert.Contains("Vod:SignatureVersion is 'V2'; allowed: V3, V1.", failures, StringComparison.Ordinal);
        Assert.Contains("Vod:Throttling:Mode is 'Queue'; allowed:", failures, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_without_credentials_fails_at_start_not_at_its_first_request()
    {
        var failures = StartFailures(new ServiceCollection().AddVodClient(
            Configuration(("Vod:RegionId", "cn-shanghai")),
            o => o.Credentials = new DefaultCredentialsChain(n => n == "ALIBABA_CLOUD_ECS_METADATA_DISABLED" ? "true" : null)));

        Assert.Contains("The VOD client has no usable credentials (DefaultCredentialsChain)", failures, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_credential_source_named_in_configuration_signs_the_calls()
    {
        await using var emulator = await VodEmulator.StartAsync();
        using var provider = new ServiceCollection().AddVodClient(Configuration(
            ("Vod:Endpoint", emulator.Endpoint.ToString()),
            ("Vod:Credentials:Source", "CredentialsUri"),
            ("Vod:Credentials:Uri", emulator.Identity.CredentialsUri.ToString()))).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();
        var error = await Assert.ThrowsAsync<VodServiceException>(() => provider.GetRequiredService<VodClient>().SendAsync(new NotFoundProbe(), "no-such-video"));

        Assert.IsType<VodGen.Credentials.CredentialsUriProvider>(provider.GetRequiredService<IOptions<VodClientOptions>>().Value.Credentials);
        Assert.Equal(1, emulator.Identity.MintedCount);
        Assert.Equal("InvalidVideo.NotFound", error.Code); // signed well enough to reach the operation
        Assert.StartsWith("STS.emulator", emulator.Log.Records.Single().AccessKeyId, StringComparison.Ordinal);
    }

    [Fact]
    public void A_credential_source_without_what_it_needs_or_misspelt_fails_at_start_naming_the_key()
    {
        var missing = StartFailures(new ServiceCollection().AddVodClient(Configuration(("Vod:RegionId", "cn-shanghai"), ("Vod:Credentials:Source", "RamRoleArn"))));
        var typos = StartFailures(new ServiceCollection().AddVodClient(
            Configuration(("Vod:Credentials:Source", "Ecs"), ("Vod:Credentials:RoleArm", "acs:ram::1:role/r")),
            o => o.Credentials = Credentials));

        Assert.Contains("Vod:Credentials (Source RamRoleArn): Vod:Credentials:RoleArn is required.", missing, StringComparison.Ordinal);
        Assert.Contains("Vod:Credentials:Source is 'Ecs'; allowed: Default, Environment, CliProfile, CredentialsFile, EcsRamRole, OidcRole, RamRoleArn, CredentialsUri.", typos, StringComparison.Ordinal);
        Assert.Contains("Vod:Credentials:RoleArm", typos, StringComparison.Ordinal);
    }

    [Fact]
    public void A_well_configured_host_starts()
    {
        using var provider = new ServiceCollection().AddVodClient(Configuration(("Vod:RegionId", "cn-beijing"), ("Vod:AllowUnlistedRegions", "true")), o => o.Credentials = Credentials).BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.True(provider.GetRequiredService<IOptions<VodClientOptions>>().Value.AllowUnlistedRegions);
    }

    [Fact]
    public async Task Client_uses_the_factory_pipeline_and_the_container_logger()
    {
        await using var emulator = await VodEmulator.StartAsync();
        var seen = new ConcurrentQueue<HttpRequestMessage>();
        var logged = new VodGen.Testing.CapturingLogger();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new VodGen.Testing.CapturingLoggerProvider(logged)))
            .AddVodClient(Configuration(("Vod:Endpoint", emulator.Endpoint.ToString())), options =>
                options.Credentials = new StaticCredentialsProvider(EmulatorCredential.Default.AccessKeyId, EmulatorCredential.Default.AccessKeySecret));
        services.AddHttpClient(VodServiceCollectionExtensions.HttpClientName).AddHttpMessageHandler(() => new Recording(seen));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<VodClient>();

        var error = await Assert.ThrowsAsync<VodServiceException>(() => client.SendAsync(new NotFoundProbe(), "no-such-video"));

        Assert.Equal("InvalidVideo.NotFound", error.Code);
        Assert.Single(seen);
        Assert.Contains(logged.Lines, line => line.Contains("RefreshUploadVideo", StringComparison.Ordinal));
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

    /// <summary>RefreshUploadVideo written by hand (this project has no spec files).</summary>
    private sealed class NotFoundProbe() : VodOperation<string, string>(
        new VodOperationInfo("RefreshUploadVideo", "2017-03-21", VodHttpMethod.Post, new VodEndpointTable("vod", []), null))
    {
        public override void Validate(string request)
        {
        }

        public override void WriteParameters(string request, ref VodQueryWriter writer)
        {
            writer.WriteCommon(VodCommonParameter.AccessKeyId);
            writer.WriteCommon(VodCommonParameter.Action);
            writer.WriteCommon(VodCommonParameter.Format);
            writer.WriteCommon(VodCommonParameter.SecurityToken);
            writer.WriteCommon(VodCommonParameter.SignatureMethod);
            writer.WriteCommon(VodCommonParameter.SignatureNonce);
            writer.WriteCommon(VodCommonParameter.SignatureVersion);
            writer.WriteCommon(VodCommonParameter.Timestamp);
            writer.WriteCommon(VodCommonParameter.Version);
            writer.Write("VideoId"u8, request);
        }

        public override string ReadResponse(ref System.Text.Json.Utf8JsonReader reader)
        {
            reader.Skip();
            return "ok";
        }
    }
}
