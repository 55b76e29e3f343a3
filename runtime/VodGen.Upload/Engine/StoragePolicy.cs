using System;
using VodGen.Transport;
using VodGen.Upload.Storage;

namespace VodGen.Upload.Engine;

/// <summary>What the uploader does after a storage request failed.</summary>
internal enum StorageFailure
{
    /// <summary>The credential was refused (expired or broken): renew it, then send again.</summary>
    CredentialRefused,

    /// <summary>The request's date is too far from the storage's clock: date requests by its clock, then send again.</summary>
    ClockSkew,

    /// <summary>A failure a later attempt may not meet (5xx, timeout, dropped connection): back off, then send again.</summary>
    Transient,

    /// <summary>Anything else: the upload fails with this error.</summary>
    Fatal,
}

/// <summary>
/// The uploader's one retry policy: how each failure is classified, how often each kind may be met by one request
/// before it fails the upload, and how long to wait before the next attempt. No failure is retried without a bound.
/// </summary>
internal static class StoragePolicy
{
    /// <summary>
    /// Refused credentials one request may meet. Each refusal is of a newer credential (a refused old one is replaced
    /// by the renewal it caused), so this bounds a request that the storage singles out while other parts go through;
    /// renewals that never yield an accepted credential end sooner, in <see cref="CredentialKeeper"/>.
    /// </summary>
    public const int MaxCredentialRefusals = 8;

    /// <summary>Clock corrections one request may ask for.</summary>
    public const int MaxSkewCorrections = 2;

    /// <summary>The largest clock difference believed: a storage Date further off is a broken answer, not a clock.</summary>
    public static readonly TimeSpan MaxClockOffset = TimeSpan.FromDays(1);

    /// <summary>The first back-off of a transient failure; each further one doubles it, with jitter.</summary>
    public static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest back-off.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(5);

    // What is transient, and what leaves the outcome unknown, the runtime's classifier decides for the client and
    // the uploader alike; only what storage alone does (credentials, clock) is decided here.
    public static StorageFailure Classify(Exception exception) => exception switch
    {
        SourceChangedException => StorageFailure.Fatal,
        OssStorageError error when error.IsExpiredCredential || error.IsBrokenCredential => StorageFailure.CredentialRefused,
        OssStorageError { IsClockSkew: true } => StorageFailure.ClockSkew,
        _ => Failure(exception).Retryable ? StorageFailure.Transient : StorageFailure.Fatal,
    };

    /// <summary>
    /// True when the request may have been carried out although no answer said so (a timeout, a connection lost
    /// after the request went out, a server error): a request that changes state must then be checked, not trusted to
    /// have failed.
    /// </summary>
    public static bool OutcomeUnknown(Exception exception) => Failure(exception).OutcomeUnknown;

    private static VodFailure Failure(Exception exception)
        => exception is OssStorageError error ? VodFailureClassifier.Answer((int)error.Status, error.Code) : VodFailureClassifier.Classify(exception);
}
