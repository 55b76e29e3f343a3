using System;
using System.Net.Http;
using System.Threading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VodGen;

/// <summary>Registers <see cref="VodClient"/> in a service collection.</summary>
public static class VodServiceCollectionExtensions
{
    /// <summary>The configuration section read by default.</summary>
    public const string DefaultSection = "Vod";

    /// <summary>The name of the HttpClient the client gets from <see cref="IHttpClientFactory"/>.</summary>
    public const string HttpClientName = "VodGen";

    /// <summary>
    /// Adds a singleton <see cref="VodClient"/> configured from <paramref name="configuration"/>'s <c>Vod</c> section,
    /// then <paramref name="configure"/>. Settings are validated when the host starts. Credentials default to the
    /// <see cref="DefaultCredentialsChain"/>, logging to the container's <see cref="ILoggerFactory"/>.
    /// </summary>
    public static IServiceCollection AddVodClient(this IServiceCollection services, IConfiguration configuration, Action<VodClientOptions>? configure = null, string sectionName = DefaultSection)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddVodClientCore(options =>
        {
            var settings = new VodClientSettings();
            configuration.GetSection(sectionName).Bind(settings);
            settings.ApplyTo(options);
            configure?.Invoke(options);
        });
    }

    /// <summary>Adds a singleton <see cref="VodClient"/> configured in code.</summary>
    public static IServiceCollection AddVodClient(this IServiceCollection services, Action<VodClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddVodClientCore(configure);
    }

    private static IServiceCollection AddVodClientCore(this IServiceCollection services, Action<VodClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<VodClientOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VodClientOptions>, VodClientOptionsValidator>();
        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan)
            // The client's own handler: redirects are never followed (they would carry the signed request elsewhere).
            .ConfigurePrimaryHttpMessageHandler(static () => VodClient.CreateHandler())

            // The client is a singleton holding its HttpClient; connection lifetime, not handler rotation, refreshes DNS.
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<VodClientOptions>>().Value;
            options.Logger ??= provider.GetService<ILoggerFactory>()?.CreateLogger("VodGen");
            return new VodClient(options, provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName));
        });
        return services;
    }

    private sealed class VodClientOptionsValidator : IValidateOptions<VodClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, VodClientOptions options)
        {
            try
            {
                options.Validate();
                return ValidateOptionsResult.Success;
            }
            catch (ArgumentException exception)
            {
                return ValidateOptionsResult.Fail(exception.Message);
            }
        }
    }
}
