using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VodGen.Server.Events;

namespace VodGen.AspNetCore.Callbacks;

/// <summary>Registers and maps the VOD event callback endpoint.</summary>
public static class VodCallbackExtensions
{
    /// <summary>
    /// Registers the callback endpoint's services and <typeparamref name="THandler"/> (scoped) as the event handler;
    /// the options are validated when the host starts. Set them on the builder returned: <c>.BindConfiguration("Vod:Callbacks")</c>
    /// or <c>.Configure(o => ...)</c>.
    /// </summary>
    public static OptionsBuilder<VodCallbackOptions> AddVodCallbacks<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services)
        where THandler : class, IVodEventHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<IVodEventHandler, THandler>();
        var options = services.AddOptions<VodCallbackOptions>();
        options.Validate(Valid, "VodCallbackOptions: CallbackUrl (an absolute URL as configured in VOD) and AuthKey are required, Window and QueueCapacity must be positive.").ValidateOnStart();
        services.TryAddSingleton(provider => new CallbackQueue(provider.GetRequiredService<IOptions<VodCallbackOptions>>().Value.QueueCapacity));
        services.TryAddSingleton<CallbackEndpoint>();
        services.AddHostedService<CallbackDispatcher>();
        return options;
    }

    /// <summary>
    /// Registers the callback endpoint's services with <paramref name="handle"/> as the event handler (for handlers that
    /// need no services of their own); configure the options on the builder returned.
    /// </summary>
    public static OptionsBuilder<VodCallbackOptions> AddVodCallbacks(this IServiceCollection services, Func<VodEvent, CancellationToken, Task> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        services.TryAddSingleton<IVodEventHandler>(new DelegateEventHandler(handle));
        return services.AddVodCallbacks<DelegateEventHandler>();
    }

    /// <summary>
    /// Maps <c>POST</c> <paramref name="pattern"/> to the callback endpoint. The result takes the usual conventions (rate
    /// limiting, host filtering); not authorization: VOD signs its callbacks, it does not log in.
    /// </summary>
    /// <exception cref="InvalidOperationException">The callback services were not registered (AddVodCallbacks).</exception>
    public static IEndpointConventionBuilder MapVodCallbacks(this IEndpointRouteBuilder endpoints, string pattern = "/vod/callback")
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // Said when the app is built, not as a missing internal service at the first callback.
        if (endpoints.ServiceProvider.GetService<CallbackQueue>() is null)
        {
            throw new InvalidOperationException("MapVodCallbacks needs the callback services: call builder.Services.AddVodCallbacks<THandler>() (or AddVodCallbacks(handler)) before building the app.");
        }

        return endpoints.MapPost(pattern, static async context =>
        {
            var result = await context.RequestServices.GetRequiredService<CallbackEndpoint>().HandleAsync(context).ConfigureAwait(false);
            await result.ExecuteAsync(context).ConfigureAwait(false);
        }).WithName("VodCallbacks");
    }

    private static bool Valid(VodCallbackOptions options)
    {
        if (options.QueueCapacity <= 0)
        {
            return false;
        }

        try
        {
            _ = new VodCallbackVerifier(options);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
