using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace VodGen.AspNetCore.Uploads;

/// <summary>
/// The create request about to be sent to VOD (<c>CreateUploadVideo</c>, <c>CreateUploadImage</c> or
/// <c>CreateUploadAttachedMedia</c>), as the page asked for it. A policy reads it, may change what the server decides
/// (<see cref="TemplateGroupId"/>, <see cref="CateId"/>, <see cref="UserData"/>, <see cref="StorageLocation"/>, ...),
/// and allows or refuses it; what it holds when allowed is what is sent.
/// </summary>
public sealed class VodUploadProposal
{
    internal VodUploadProposal(VodUploadKind kind, string userId, HttpContext httpContext)
    {
        Kind = kind;
        UserId = userId;
        HttpContext = httpContext;
    }

    /// <summary>What is created.</summary>
    public VodUploadKind Kind { get; }

    /// <summary>The signed-in user asking (the endpoint options' UserId).</summary>
    public string UserId { get; }

    /// <summary>The user's claims.</summary>
    public ClaimsPrincipal User => HttpContext.User;

    /// <summary>The request, for anything else the policy needs (its services, headers).</summary>
    public HttpContext HttpContext { get; }

    /// <summary>The title (videos: required).</summary>
    public string? Title { get; set; }

    /// <summary>The file's name with its extension (videos: required).</summary>
    public string? FileName { get; set; }

    /// <summary>The file's extension, lower case, without the dot: from <see cref="FileName"/>, or the one asked for (images, attached media).</summary>
    public string Extension { get; set; } = string.Empty;

    /// <summary>The size the page declares, in bytes; null when it gave none.</summary>
    public long? FileSize { get; set; }

    /// <summary>The description.</summary>
    public string? Description { get; set; }

    /// <summary>The category.</summary>
    public long? CateId { get; set; }

    /// <summary>Comma-separated tags.</summary>
    public string? Tags { get; set; }

    /// <summary>The transcoding template group (videos); usually the server's choice, not the page's.</summary>
    public string? TemplateGroupId { get; set; }

    /// <summary>The workflow (videos).</summary>
    public string? WorkflowId { get; set; }

    /// <summary>The storage location; null: the account's default.</summary>
    public string? StorageLocation { get; set; }

    /// <summary>The application (multi-application accounts).</summary>
    public string? AppId { get; set; }

    /// <summary>The UserData JSON (a per-upload callback URL and Extend); <c>VodUserData.ToJson()</c> writes it. Pages cannot set it.</summary>
    public string? UserData { get; set; }

    /// <summary>Images: <c>default</c> or <c>cover</c>; attached media: <c>watermark</c>, <c>subtitle</c> or <c>material</c>.</summary>
    public string? MediaType { get; set; }

    /// <inheritdoc/>
    public override string ToString() => $"VodUploadProposal {{ Kind = {Kind}, UserId = {UserId}, FileName = {FileName}, Extension = {Extension}, FileSize = {FileSize} }}";
}
