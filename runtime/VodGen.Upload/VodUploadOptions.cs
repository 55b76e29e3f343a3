using System;
using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace VodGen.Upload;

/// <summary>How an upload runs. The defaults suit most files; all are checked when the upload starts.</summary>
public sealed class VodUploadOptions
{
    /// <summary>The smallest part, in bytes: 100 KiB.</summary>
    public const long MinimumPartSize = 100 * 1024;

    /// <summary>The largest part, in bytes: 5 GiB.</summary>
    public const long MaximumPartSize = 5L * 1024 * 1024 * 1024;

    /// <summary>The most parts one upload may have: 10,000.</summary>
    public const int MaximumParts = 10_000;

    /// <summary>
    /// Bytes per part: 8 MiB by default, at least 100 KiB. A file that would need more than 10,000 parts gets larger
    /// parts (rounded up to whole MiB). Files no larger than one part are sent in a single request.
    /// </summary>
    public long PartSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>Parts sent at the same time: 4 by default, 1 to 64.</summary>
    public int Parallelism { get; set; } = 4;

    /// <summary>
    /// Where progress is recorded after every acknowledged part, so that an interrupted upload can be resumed with
    /// <c>ResumeVideoUploadAsync</c>. In memory (this process only) by default; use
    /// <see cref="FileUploadCheckpointStore"/> to survive a crash. No credential is ever written.
    /// </summary>
    public IUploadCheckpointStore Checkpoints { get; set; } = new InMemoryUploadCheckpointStore();

    /// <summary>The storage signature: <see cref="VodStorageSignatureVersion.V4"/> by default.</summary>
    public VodStorageSignatureVersion SignatureVersion { get; set; } = VodStorageSignatureVersion.V4;

    /// <summary>
    /// How long before the upload credential expires it is renewed (with <c>RefreshUploadVideo</c>), so that no
    /// part is refused: 5 minutes by default. Never more than half the credential's life, so a short-lived credential
    /// is used for at least half of it; a credential already past its stated expiry is renewed when the storage refuses it.
    /// </summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether each part and the whole object are checked against the storage's CRC-64: true by default.</summary>
    public bool VerifyCrc64 { get; set; } = true;

    /// <summary>Attempts of one part after a 5xx, a timeout or a dropped connection: 3 retries by default.</summary>
    public int MaxPartRetries { get; set; } = 3;

    /// <summary>How long one storage request may take: 5 minutes by default.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The HttpClient for the storage service; one of the uploader's own by default. Give one whose handler does not
    /// follow redirects (<c>AllowAutoRedirect = false</c>): a redirected request carries the upload's security token to
    /// the other host, and the upload fails when an answer comes from anywhere but the storage it was sent to.
    /// </summary>
    public HttpClient? HttpClient { get; set; }

    /// <summary>Where the upload logs parts, retries and refreshes (never secrets). None by default.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>The clock, for credential expiry and request dates; replace it in tests.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The part limit the uploader works to (the storage's 10,000; smaller in tests).</summary>
    internal int PartLimit { get; set; } = MaximumParts;

    internal void Validate()
    {
        if (PartSize < MinimumPartSize || PartSize > MaximumPartSize)
        {
            throw new ArgumentException($"VodUploadOptions.PartSize must be from 100 KiB to 5 GiB; {PartSize} is not.", nameof(PartSize));
        }

        if (Parallelism is < 1 or > 64)
        {
            throw new ArgumentException($"VodUploadOptions.Parallelism must be from 1 to 64; {Parallelism} is not.", nameof(Parallelism));
        }

        if (RefreshBefore < TimeSpan.Zero)
        {
            throw new ArgumentException("VodUploadOptions.RefreshBefore must not be negative.", nameof(RefreshBefore));
        }

        if (MaxPartRetries is < 0 or > 100)
        {
            throw new ArgumentException("VodUploadOptions.MaxPartRetries must be from 0 to 100.", nameof(MaxPartRetries));
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("VodUploadOptions.RequestTimeout must be positive.", nameof(RequestTimeout));
        }

        ArgumentNullException.ThrowIfNull(Checkpoints, nameof(Checkpoints));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}

/// <summary>The storage service's request signature.</summary>
public enum VodStorageSignatureVersion
{
    /// <summary>OSS4-HMAC-SHA256, the current scheme.</summary>
    V4,

    /// <summary>The older HMAC-SHA1 header signature.</summary>
    V1,
}
