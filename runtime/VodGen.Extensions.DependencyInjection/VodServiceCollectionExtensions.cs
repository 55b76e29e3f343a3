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
    /// <remarks>
    /// At host start (<c>ValidateOnStart</c>) every problem is reported in the terms of the configuration as written:
    /// a key the section does not know (<c>Vod:Regoin</c>, with the key meant), an enum value (with the allowed ones),
    /// an invalid setting (<c>Vod:RegionId: ...</c>), and credentials that cannot be found.
    /// </remarks>
    public static IServiceCollection AddVodClient(this IServiceCollection services, IConfiguration configuration, Action<VodClientOptions>? configure = null, string sectionName = DefaultSection)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(sectionName);
        services.AddSingleton<IValidateOptions<VodClientOptions>>(new ConfigurationValidator(section));
        return services.AddVodClientCore(
            options =>
            {
                var settings = new VodClientSettings();
                try
                {
                    section.Bind(settings);
                }
                catch (InvalidOperationException)
                {
                    // A value that does not convert: ConfigurationValidator reports it with its path and what is allowed.
                    return;
                }

                settings.ApplyTo(options);
                configure?.Invoke(options);
            },
            section.Path);
    }

    /// <summary>Adds a singleton <see cref="VodClient"/> configured in code.</summary>
    public static IServiceCollection AddVodClient(this IServiceCollection services, Action<VodClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddVodClientCore(configure, null);
    }

    private static IServiceCollection AddVodClientCore(this IServiceCollection services, Action<VodClientOptions> configure, string? sectionPath)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<VodClientOptions>().Configure(configure).ValidateOnStart();
        services.AddSingleton<IValidateOptions<VodClientOptions>>(new VodClientOptionsValidator(sectionPath));

        // Credentials are found (not used) when the host starts, so a host without them fails then, not at its first
        // request. A check of its own, run only by start-time validation: resolving the options elsewhere never calls out.
        services.AddOptions<CredentialsAtStart>().ValidateOnStart();
        services.AddSingleton<IValidateOptions<CredentialsAtStart>, CredentialsAtStart.Validator>();
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

    // Options.Validate's message, led by the configuration path of the setting when it came from configuration.
    private sealed class VodClientOptionsValidator(string? sectionPath) : IValidateOptions<VodClientOptions>
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
                var setting = exception.ParamName is { Length: > 0 } parameter && sectionPath is not null ? sectionPath + ":" + parameter + ": " : string.Empty;
                return ValidateOptionsResult.Fail(setting + exception.Message.Replace(" (Parameter '" + exception.ParamName + "')", string.Empty, StringComparison.Ordinal));
            }
        }
    }

    private sealed class ConfigurationValidator(IConfigurationSection section) : IValidateOptions<VodClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, VodClientOptions options)
            => VodConfigurationCheck.Problems(section) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }

    /// <summary>The start-time check that the client's credentials can be found.</summary>
    internal sealed class CredentialsAtStart
    {
        public sealed class Validator(IOptions<VodClientOptions> client) : IValidateOptions<CredentialsAtStart>
        {
            public ValidateOptionsResult Validate(string? name, CredentialsAtStart options)
            {
                var provider = client.Value.Credentials ?? new DefaultCredentialsChain();
                try
                {
                    _ = provider.GetCredentialsAsync().AsTask().GetAwaiter().GetResult();
                    return ValidateOptionsResult.Success;
                }
                catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or System.IO.IOException or UnauthorizedAccessException or VodException)
                {
                    return ValidateOptionsResult.Fail($"The VOD client has no usable credentials ({provider.GetType().Name}): {exception.Message}");
                }
            }
        }
    }
}
