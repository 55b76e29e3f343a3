using System;
using System.ComponentModel;
using System.Threading.Tasks;

namespace VodGen.Upload;

/// <summary>
/// An upload address with its temporary credential, as CreateUploadVideo and RefreshUploadVideo give them (decoded).
/// Generated code builds these; the secret and token never appear in <see cref="ToString"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class VodUploadTicket
{
    /// <summary>Creates a ticket; <paramref name="expiresAt"/> is when the credential stops working.</summary>
    public VodUploadTicket(string videoId, string endpoint, string bucket, string key, string accessKeyId, string accessKeySecret, string? securityToken, DateTimeOffset expiresAt, string? region)
    {
        ArgumentException.ThrowIfNullOrEmpty(videoId);
        ArgumentException.ThrowIfNullOrEmpty(endpoint);
        ArgumentException.ThrowIfNullOrEmpty(bucket);
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (!Uri.TryCreate(endpoint.Contains("://", StringComparison.Ordinal) ? endpoint : "https://" + endpoint, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"The upload address's Endpoint '{endpoint}' is not an http or https address.", nameof(endpoint));
        }

        VideoId = videoId;
        Endpoint = uri;
        Bucket = bucket;
        Key = key;
        Credentials = new VodCredentials(accessKeyId, accessKeySecret, securityToken);
        ExpiresAt = expiresAt;
        Region = string.IsNullOrEmpty(region) ? RegionOf(uri) : region;
    }

    /// <summary>The video.</summary>
    public string VideoId { get; }

    /// <summary>The storage endpoint.</summary>
    public Uri Endpoint { get; }

    /// <summary>The bucket.</summary>
    public string Bucket { get; }

    /// <summary>The object key (the address's FileName).</summary>
    public string Key { get; }

    /// <summary>The temporary credential.</summary>
    public VodCredentials Credentials { get; }

    /// <summary>When the credential expires.</summary>
    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The storage region (for signature V4).</summary>
    public string? Region { get; }

    /// <summary>Builds a ticket from the decoded fields of an answer, received at <paramref name="now"/>.</summary>
    /// <param name="videoId">The video.</param>
    /// <param name="endpoint">UploadAddress.Endpoint.</param>
    /// <param name="bucket">UploadAddress.Bucket.</param>
    /// <param name="key">UploadAddress.FileName.</param>
    /// <param name="accessKeyId">UploadAuth.AccessKeyId.</param>
    /// <param name="accessKeySecret">UploadAuth.AccessKeySecret.</param>
    /// <param name="securityToken">UploadAuth.SecurityToken.</param>
    /// <param name="lifetime">UploadAuth.Expiration: seconds from now.</param>
    /// <param name="expireUtcTime">UploadAuth.ExpireUTCTime: used only when no lifetime is given.</param>
    /// <param name="region">UploadAuth.Region, when given.</param>
    /// <param name="now">When the answer came.</param>
    /// <exception cref="VodProtocolException">A field the upload needs is missing.</exception>
    public static VodUploadTicket From(string? videoId, string? endpoint, string? bucket, string? key, string? accessKeyId, string? accessKeySecret, string? securityToken, TimeSpan? lifetime, string? expireUtcTime, string? region, DateTimeOffset now)
    {
        static string Need(string? value, string name)
            => string.IsNullOrEmpty(value) ? throw new VodProtocolException($"The upload answer has no {name}, so the file cannot be uploaded.", jsonPath: "$." + name) : value;

        // The lifetime is relative to the answer, so this machine's clock cannot skew it; ExpireUTCTime is the
        // service's clock, used only when no lifetime is given.
        var expiresAt = lifetime is { } life && life > TimeSpan.Zero
            ? now + life
            : DateTimeOffset.TryParse(expireUtcTime, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
                ? at
                : now + TimeSpan.FromSeconds(3000);
        return new VodUploadTicket(
            Need(videoId, "VideoId"),
            Need(endpoint, "UploadAddress.Endpoint"),
            Need(bucket, "UploadAddress.Bucket"),
            Need(key, "UploadAddress.FileName"),
            Need(accessKeyId, "UploadAuth.AccessKeyId"),
            Need(accessKeySecret, "UploadAuth.AccessKeySecret"),
            securityToken,
            expiresAt,
            region);
    }

    /// <inheritdoc/>
    public override string ToString() => $"VodUploadTicket {{ VideoId = {VideoId}, Endpoint = {Endpoint}, Bucket = {Bucket}, Key = {Key}, {Credentials}, ExpiresAt = {ExpiresAt:O} }}";

    // oss-cn-shanghai.aliyuncs.com → cn-shanghai
    private static string? RegionOf(Uri endpoint)
    {
        var first = endpoint.Host.Split('.')[0];
        return first.StartsWith("oss-", StringComparison.Ordinal) ? first[4..].Replace("-internal", string.Empty, StringComparison.Ordinal) : null;
    }
}

/// <summary>How the uploader obtains upload tickets: generated code implements it over the operations.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IVodUploadSession
{
    /// <summary>Creates the video (CreateUploadVideo) and returns its ticket; <paramref name="clock"/> dates its expiry.</summary>
    Task<VodUploadTicket> CreateAsync(TimeProvider clock, System.Threading.CancellationToken cancellationToken);

    /// <summary>A new credential for the video (RefreshUploadVideo).</summary>
    Task<VodUploadTicket> RefreshAsync(string videoId, TimeProvider clock, System.Threading.CancellationToken cancellationToken);
}
