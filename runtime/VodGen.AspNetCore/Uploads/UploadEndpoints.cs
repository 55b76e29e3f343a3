using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VodGen.AspNetCore.Uploads.Operations;

namespace VodGen.AspNetCore.Uploads;

/// <summary>
/// The upload-credential endpoints. Each request: the caller is identified and authorized, the body read, the
/// built-in checks and the application's policy run, and only then is VOD called; a refused request gets problem
/// details that say why and never carry a credential, a key or another user's data.
/// </summary>
internal sealed class UploadEndpoints(VodClient client, UploadTicket tickets, IOptions<VodUploadEndpointOptions> options, ILogger<UploadEndpoints> logger)
{
    private VodUploadEndpointOptions Options => options.Value;

    public Task CreateVideoAsync(HttpContext context) => RunAsync(context, VodUploadKind.Video, "created", async (userId, body, ct) =>
    {
        var proposal = new VodUploadProposal(VodUploadKind.Video, userId, context)
        {
            Title = UploadRequestReader.Text(body, "title", 128, required: true),
            FileName = UploadRequestReader.Text(body, "fileName", 128, required: true),
            FileSize = UploadRequestReader.Number(body, "fileSize", required: true),
            Description = UploadRequestReader.Text(body, "description", 1024),
            CateId = UploadRequestReader.Number(body, "cateId"),
            Tags = UploadRequestReader.Text(body, "tags", 256),
        };
        proposal.Extension = UploadRequestReader.ExtensionOf(proposal.FileName!);
        await DecideAsync(proposal, Options.VideoExtensions, ct).ConfigureAwait(false);

        var created = await client.CreateUploadVideoAsync(new CreateUploadVideoRequest
        {
            Title = proposal.Title ?? throw new UploadRefusal(400, "Invalid request", "The policy removed the title."),
            FileName = proposal.FileName ?? throw new UploadRefusal(400, "Invalid request", "The policy removed the file name."),
            FileSize = proposal.FileSize,
            Description = proposal.Description,
            CateId = proposal.CateId,
            Tags = proposal.Tags,
            TemplateGroupId = proposal.TemplateGroupId,
            WorkflowId = proposal.WorkflowId,
            StorageLocation = proposal.StorageLocation,
            AppId = proposal.AppId,
            UserData = proposal.UserData,
        }, ct).ConfigureAwait(false);
        var videoId = created.VideoId ?? throw new VodProtocolException("CreateUploadVideo answered without a VideoId.");
        var issuedAt = tickets.Now;
        await RecordAsync(context, new VodUploadRecord(VodUploadKind.Video, videoId, userId, issuedAt), ct).ConfigureAwait(false);
        UploadTelemetry.Issued(logger, VodUploadKind.Video, videoId, userId, "created");
        return new UploadGrant("videoId", videoId, created.UploadAuth!, created.UploadAddress!, created.RequestId, tickets.Issue(VodUploadKind.Video, videoId, userId, issuedAt), created.DecodeUploadAuth(), created.DecodeUploadAddress(), null);
    });

    public Task RefreshVideoAsync(HttpContext context) => RunAsync(context, VodUploadKind.Video, "refreshed", async (userId, body, ct) =>
    {
        var videoId = UploadRequestReader.Text(body, "videoId", 64, required: true)!;
        var ticket = UploadRequestReader.Text(body, "ticket", 4096);
        if (tickets.Check(ticket, videoId, userId, Options.RefreshWindow) is { } refused)
        {
            throw new UploadRefusal(refused.Status, refused.Title, refused.Detail);
        }

        if (context.RequestServices.GetService<IVodUploadRegistry>() is { } registry
            && !await registry.AllowsRefreshAsync(new VodUploadRecord(VodUploadKind.Video, videoId, userId, tickets.IssuedAt(ticket!)), ct).ConfigureAwait(false))
        {
            throw new UploadRefusal(403, "Upload closed", "This upload can no longer be renewed; start a new one.");
        }

        var refreshed = await client.RefreshUploadVideoAsync(new RefreshUploadVideoRequest { VideoId = videoId }, ct).ConfigureAwait(false);
        UploadTelemetry.Issued(logger, VodUploadKind.Video, videoId, userId, "refreshed");
        return new UploadGrant("videoId", videoId, refreshed.UploadAuth!, refreshed.UploadAddress!, refreshed.RequestId, ticket, refreshed.DecodeUploadAuth(), refreshed.DecodeUploadAddress(), null);
    });

    public Task CreateImageAsync(HttpContext context) => RunAsync(context, VodUploadKind.Image, "created", async (userId, body, ct) =>
    {
        var proposal = MediaProposal(VodUploadKind.Image, userId, context, body, "imageType", "imageExt");
        proposal.MediaType ??= "default";
        await DecideAsync(proposal, Options.ImageExtensions, ct).ConfigureAwait(false);
        if (!CreateUploadImageRequest.ImageTypeOption.TryFromValue(proposal.MediaType ?? "default", out var type) || !CreateUploadImageRequest.ImageExtOption.TryFromValue(proposal.Extension, out var extension))
        {
            throw new UploadRefusal(400, "Invalid request", "'imageType' is default or cover, and 'imageExt' one of png, jpg, jpeg, gif.");
        }

        var created = await client.CreateUploadImageAsync(new CreateUploadImageRequest
        {
            ImageType = type!, ImageExt = extension, Title = proposal.Title, OriginalFileName = proposal.FileName, Description = proposal.Description,
            CateId = proposal.CateId, Tags = proposal.Tags, StorageLocation = proposal.StorageLocation, AppId = proposal.AppId, UserData = proposal.UserData,
        }, ct).ConfigureAwait(false);
        var imageId = created.ImageId ?? throw new VodProtocolException("CreateUploadImage answered without an ImageId.");
        await RecordAsync(context, new VodUploadRecord(VodUploadKind.Image, imageId, userId, tickets.Now), ct).ConfigureAwait(false);
        UploadTelemetry.Issued(logger, VodUploadKind.Image, imageId, userId, "created");
        return new UploadGrant("imageId", imageId, created.UploadAuth!, created.UploadAddress!, created.RequestId, null, created.DecodeUploadAuth(), created.DecodeUploadAddress(), created.ImageURL);
    });

    public Task CreateAttachedMediaAsync(HttpContext context) => RunAsync(context, VodUploadKind.AttachedMedia, "created", async (userId, body, ct) =>
    {
        var proposal = MediaProposal(VodUploadKind.AttachedMedia, userId, context, body, "businessType", "mediaExt");
        if (proposal.MediaType is null)
        {
            throw new UploadRefusal(400, "Invalid request", "'businessType' is required.");
        }

        await DecideAsync(proposal, Options.AttachedMediaExtensions, ct).ConfigureAwait(false);
        if (!CreateUploadAttachedMediaRequest.BusinessTypeOption.TryFromValue(proposal.MediaType ?? string.Empty, out var business))
        {
            throw new UploadRefusal(400, "Invalid request", "'businessType' is watermark, subtitle or material.");
        }

        var created = await client.CreateUploadAttachedMediaAsync(new CreateUploadAttachedMediaRequest
        {
            BusinessType = business!, MediaExt = proposal.Extension, Title = proposal.Title, FileName = proposal.FileName,
            FileSize = proposal.FileSize?.ToString(CultureInfo.InvariantCulture), Description = proposal.Description, CateId = proposal.CateId,
            Tags = proposal.Tags, StorageLocation = proposal.StorageLocation, AppId = proposal.AppId, UserData = proposal.UserData,
        }, ct).ConfigureAwait(false);
        var mediaId = created.MediaId ?? throw new VodProtocolException("CreateUploadAttachedMedia answered without a MediaId.");
        await RecordAsync(context, new VodUploadRecord(VodUploadKind.AttachedMedia, mediaId, userId, tickets.Now), ct).ConfigureAwait(false);
        UploadTelemetry.Issued(logger, VodUploadKind.AttachedMedia, mediaId, userId, "created");
        return new UploadGrant("mediaId", mediaId, created.UploadAuth!, created.UploadAddress!, created.RequestId, null, created.DecodeUploadAuth(), created.DecodeUploadAddress(), created.MediaURL);
    });

    // Identity, authorization and the body first; every refusal and failure becomes problem details here.
    private async Task RunAsync(HttpContext context, VodUploadKind kind, string outcome, Func<string, System.Text.Json.JsonElement, CancellationToken, Task<UploadGrant>> issue)
    {
        var result = await ResultAsync(context, kind, outcome, issue).ConfigureAwait(false);
        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private async Task<IResult> ResultAsync(HttpContext context, VodUploadKind kind, string outcome, Func<string, System.Text.Json.JsonElement, CancellationToken, Task<UploadGrant>> issue)
    {
        var ct = context.RequestAborted;
        string? userId = null;
        try
        {
            userId = await AuthorizeAsync(context).ConfigureAwait(false);
            using var body = await UploadRequestReader.ReadAsync(context.Request, ct).ConfigureAwait(false);
            var grant = await issue(userId, body.RootElement, ct).ConfigureAwait(false);
            UploadTelemetry.Count(kind, outcome);
            context.Response.Headers.CacheControl = "no-store";
            return Results.Bytes(grant.ToJson(), "application/json");
        }
        catch (UploadRefusal refusal)
        {
            UploadTelemetry.Refused(logger, kind, userId, refusal.Status, refusal.Title, refusal.Message);
            UploadTelemetry.Count(kind, "refused");
            return Results.Problem(refusal.Message, statusCode: refusal.Status, title: refusal.Title);
        }
        catch (VodServiceException exception)
        {
            // VOD's code and request ID help support; its message may quote parameters, so it is logged, not answered.
            UploadTelemetry.ServiceFailed(logger, exception, kind, userId!, exception.Code, exception.RequestId);
            UploadTelemetry.Count(kind, "failed");
            var client4xx = (int)exception.StatusCode is >= 400 and < 500 && exception.StatusCode != System.Net.HttpStatusCode.TooManyRequests;
            return Results.Problem($"VOD answered {exception.Code} (request {exception.RequestId}).", statusCode: client4xx ? 400 : 502, title: "VOD refused the request");
        }
        catch (VodException exception) when (!ct.IsCancellationRequested)
        {
            UploadTelemetry.ServiceFailed(logger, exception, kind, userId ?? string.Empty, null, null);
            UploadTelemetry.Count(kind, "failed");
            return Results.Problem("VOD could not be reached, or its answer could not be read; try again.", statusCode: 503, title: "VOD unavailable");
        }
    }

    private async Task<string> AuthorizeAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var authorization = services.GetRequiredService<IAuthorizationService>();
        var policy = Options.AuthorizationPolicy is { } name
            ? await services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(name).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The authorization policy '{name}' (VodUploadEndpointOptions.AuthorizationPolicy) is not registered.")
            : await services.GetRequiredService<IAuthorizationPolicyProvider>().GetDefaultPolicyAsync().ConfigureAwait(false);
        if (context.User.Identity?.IsAuthenticated != true || Options.UserId(context.User) is not { Length: > 0 } userId)
        {
            throw new UploadRefusal(401, "Sign in first", "Upload credentials are given to signed-in users only.");
        }

        var result = await authorization.AuthorizeAsync(context.User, null, policy).ConfigureAwait(false);
        return result.Succeeded ? userId : throw new UploadRefusal(403, "Not allowed", "This user may not upload.");
    }

    // Images and attached media are asked for alike: a type, an extension and the common fields.
    private static VodUploadProposal MediaProposal(VodUploadKind kind, string userId, HttpContext context, System.Text.Json.JsonElement body, string typeField, string extensionField)
        => new(kind, userId, context)
        {
            MediaType = UploadRequestReader.Text(body, typeField, 16),
            Extension = UploadRequestReader.Text(body, extensionField, 8, required: true)!.ToLowerInvariant(),
            Title = UploadRequestReader.Text(body, "title", 128),
            FileName = UploadRequestReader.Text(body, "fileName", 128),
            FileSize = UploadRequestReader.Number(body, "fileSize", required: true),
            Description = UploadRequestReader.Text(body, "description", 1024),
            Tags = UploadRequestReader.Text(body, "tags", 256),
        };

    private static ValueTask RecordAsync(HttpContext context, VodUploadRecord upload, CancellationToken cancellationToken)
        => context.RequestServices.GetService<IVodUploadRegistry>() is { } registry ? registry.RecordAsync(upload, cancellationToken) : ValueTask.CompletedTask;

    // The built-in checks, then the application's policy; nothing reaches VOD before both allowed it.
    private async Task DecideAsync(VodUploadProposal proposal, System.Collections.Generic.ISet<string> extensions, CancellationToken cancellationToken)
    {
        if (proposal.Extension.Length == 0 || !extensions.Contains(proposal.Extension))
        {
            throw new UploadRefusal(400, "File type not accepted", $"'.{(proposal.Extension.Length <= 16 ? proposal.Extension : proposal.Extension[..16])}' files are not accepted here.");
        }

        if (proposal.FileSize is not { } size || size <= 0 || size > Options.MaxFileSize)
        {
            throw new UploadRefusal(400, "File too large", $"A file of 1 byte to {Options.MaxFileSize:N0} bytes is accepted; {proposal.FileSize:N0} was declared.");
        }

        if (proposal.HttpContext.RequestServices.GetService<IVodUploadPolicy>() is { } policy
            && await policy.DecideAsync(proposal, cancellationToken).ConfigureAwait(false) is { Refusal: { } reason })
        {
            throw new UploadRefusal(403, "Refused by the application", reason);
        }
    }
}
