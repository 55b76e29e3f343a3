using System;

namespace VodGen;

/// <summary>
/// Retries of calls that can succeed later: throttling codes, 5xx answers, timeouts and transport failures.
/// Errors about the request itself (InvalidVideo.*, MissingParameter, SignatureDoesNotMatch, ...) are never retried.
/// Every attempt is signed anew, with a new nonce and timestamp.
/// </summary>
public sealed class VodRetryOptions
{
    /// <summary>Retries after the first attempt; 0 turns retrying off. 3 by default.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff; it doubles per retry, with jitter. 200 ms by default.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest backoff, including a service's <c>x-acs-retry-after</c>. 10 s by default.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A copy that later changes to these options do not reach.</summary>
    internal VodRetryOptions Snapshot() => new() { MaxRetryAttempts = MaxRetryAttempts, BaseDelay = BaseDelay, MaxDelay = MaxDelay };

    internal void Validate()
    {
        if (MaxRetryAttempts is < 0 or > 100)
        {
            throw new ArgumentException("VodRetryOptions.MaxRetryAttempts must be between 0 and 100.", nameof(MaxRetryAttempts));
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new ArgumentException("VodRetryOptions needs 0 <= BaseDelay <= MaxDelay.", nameof(BaseDelay));
        }
    }
}
