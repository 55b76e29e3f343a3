using System;
using System.Diagnostics.CodeAnalysis;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VodGen.AspNetCore.Callbacks;
using VodGen.Server.Events;
using VodGen.Server.Queues;

namespace VodGen.AspNetCore.Queues;

/// <summary>Registers the hosted service that reads VOD's events from an MNS queue.</summary>
public static class VodMnsConsumerExtensions
{
    /// <summary>
    /// Registers the MNS consumer with <typeparamref name="THandler"/> (scoped) as the event handler, the same handler
    /// the callback endpoint uses; the options are validated when the host starts. Set them on the builder returned:
    /// <c>.BindConfiguration("Vod:Mns")</c> or <c>.Configure(o => ...)</c>.
    /// </summary>
    public static OptionsBuilder<VodMnsConsumerOptions> AddVodMnsConsumer<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services)
        where THandler : class, IVodEventHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<IVodEventHandler, THandler>();
        var options = services.AddOptions<VodMnsConsumerOptions>();
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VodMnsConsumerOptions>, OptionsCheck>());
        services.AddHostedService(static provider =>
        {
            var settings = provider.GetRequiredService<IOptions<VodMnsConsumerOptions>>().Value; // validated here
            var credentials = settings.Credentials ?? provider.GetService<IOptions<VodClientOptions>>()?.Value.Credentials ?? new DefaultCredentialsChain();
            var clock = provider.GetService<TimeProvider>() ?? TimeProvider.System;
            var queue = new VodMnsQueue(settings.Endpoint!, settings.QueueName!, credentials, null, clock);
            return new MnsConsumer(queue, settings, provider.GetRequiredService<IServiceScopeFactory>(), clock, provider.GetRequiredService<ILogger<MnsConsumer>>());
        });
        return options;
    }

    /// <summary>Registers the MNS consumer with <paramref name="handle"/> as the event handler; configure the options on the builder returned.</summary>
    public static OptionsBuilder<VodMnsConsumerOptions> AddVodMnsConsumer(this IServiceCollection services, Func<VodEvent, CancellationToken, Task> handle)
    {
        ArgumentNullException.ThrowIfNull(handle);
        services.TryAddSingleton<IVodEventHandler>(new DelegateEventHandler(handle));
        return services.AddVodMnsConsumer<DelegateEventHandler>();
    }

    private sealed class OptionsCheck : IValidateOptions<VodMnsConsumerOptions>
    {
        public ValidateOptionsResult Validate(string? name, VodMnsConsumerOptions options)
            => options.Problem() is { } problem ? ValidateOptionsResult.Fail("VodMnsConsumerOptions: " + problem + ".") : ValidateOptionsResult.Success;
    }
}
