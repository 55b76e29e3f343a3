using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VodGen.AspNetCore.Uploads;

/// <summary>Registers and maps the upload-credential endpoints that browser and mobile upload SDKs call.</summary>
public static class VodUploadEndpointExtensions
{
    /// <summary>
    /// Registers the endpoints' services (Data Protection for the tickets, authorization); the options are validated when
    /// the host starts. The endpoints call VOD with the container's <c>VodClient</c> (AddVodClient).
    /// </summary>
    public static OptionsBuilder<VodUploadEndpointOptions> AddVodUploadEndpoints(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddDataProtection();
        services.AddAuthorization();
        services.AddProblemDetails();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<UploadTicket>();
        services.TryAddSingleton<UploadEndpoints>();
        var options = services.AddOptions<VodUploadEndpointOptions>();
        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VodUploadEndpointOptions>, OptionsCheck>());
        return options;
    }

    /// <summary>As <see cref="AddVodUploadEndpoints(IServiceCollection)"/>, with <typeparamref name="TPolicy"/> (scoped) deciding what each user may create.</summary>
    public static OptionsBuilder<VodUploadEndpointOptions> AddVodUploadEndpoints<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TPolicy>(this IServiceCollection services)
        where TPolicy : class, IVodUploadPolicy
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<IVodUploadPolicy, TPolicy>();
        return services.AddVodUploadEndpoints();
    }

    /// <summary>
    /// Maps, under <paramref name="prefix"/>: <c>POST video</c> (CreateUploadVideo), <c>POST video/refresh</c>
    /// (RefreshUploadVideo, for uploads the same user started there, while recent), <c>POST image</c>
    /// (CreateUploadImage) and <c>POST attached-media</c> (CreateUploadAttachedMedia). JSON in and out; refusals are
    /// problem details. The group takes more conventions (CORS, a host filter).
    /// </summary>
    /// <exception cref="InvalidOperationException">AddVodUploadEndpoints or AddVodClient was not called.</exception>
    public static RouteGroupBuilder MapVodUploadEndpoints(this IEndpointRouteBuilder endpoints, string prefix = "/vod/uploads")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<UploadTicket>() is null)
        {
            throw new InvalidOperationException("MapVodUploadEndpoints needs its services: call builder.Services.AddVodUploadEndpoints() before building the app.");
        }

        if (endpoints.ServiceProvider.GetService<VodClient>() is null)
        {
            throw new InvalidOperationException("MapVodUploadEndpoints calls VOD with the container's VodClient: call builder.Services.AddVodClient(...) too.");
        }

        var group = endpoints.MapGroup(prefix);
        group.MapPost("video", static context => Endpoints(context).CreateVideoAsync(context)).WithName("VodCreateUploadVideo");
        group.MapPost("video/refresh", static context => Endpoints(context).RefreshVideoAsync(context)).WithName("VodRefreshUploadVideo");
        group.MapPost("image", static context => Endpoints(context).CreateImageAsync(context)).WithName("VodCreateUploadImage");
        group.MapPost("attached-media", static context => Endpoints(context).CreateAttachedMediaAsync(context)).WithName("VodCreateUploadAttachedMedia");
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<VodUploadEndpointOptions>>().Value.RateLimiterPolicy is { } limiter)
        {
            group.RequireRateLimiting(limiter);
        }

        return group;
    }

    private static UploadEndpoints Endpoints(HttpContext context) => context.RequestServices.GetRequiredService<UploadEndpoints>();

    private sealed class OptionsCheck : IValidateOptions<VodUploadEndpointOptions>
    {
        public ValidateOptionsResult Validate(string? name, VodUploadEndpointOptions options)
            => options.Problem() is { } problem ? ValidateOptionsResult.Fail("VodUploadEndpointOptions: " + problem + ".") : ValidateOptionsResult.Success;
    }
}
