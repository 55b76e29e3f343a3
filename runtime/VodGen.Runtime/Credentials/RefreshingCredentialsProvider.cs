using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VodGen.Credentials;

/// <summary>
/// The one cache every temporary credential goes through. A derived class only fetches (<see cref="FetchAsync"/>);
/// the cache decides when:
/// <list type="bullet">
/// <item>a refresh starts in the background once less than a third of the credential's lifetime, and at most 15
/// minutes, remains — never a refresh per call, however short the lifetime;</item>
/// <item>one fetch runs at a time, for any number of callers;</item>
/// <item>callers never wait while the held credential is valid; they wait only when none is (cold start, expiry);</item>
/// <item>a failed refresh keeps the held credential and is tried again after a jittered back-off of at most a quarter of
/// the remaining validity and at most 60 s;</item>
/// <item>a credential is not used in the last tenth of its lifetime (at most the last minute) before its expiration, so
/// that no request signed with it arrives after it expired.</item>
/// </list>
/// Thread-safe.
/// </summary>
public abstract class RefreshingCredentialsProvider : IVodCredentialsProvider, IDisposable
{
    private static readonly TimeSpan MaxRefreshAhead = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan MaxSafetyMargin = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(60);

    private readonly object _gate = new();
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _disposed = new();
    private volatile Held? _held;
    private Task<Held>? _fetch;
    private int _failures;
    private long _notBefore;

    /// <summary>Creates the cache; <paramref name="clock"/> (default: the system's) decides when a credential is due.</summary>
    protected RefreshingCredentialsProvider(TimeProvider? clock = null, ILogger? logger = null)
    {
        _clock = clock ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>What the source is and where it fetches from, for errors and logs (never a secret).</summary>
    protected abstract string SourceDescription { get; }

    /// <summary>The task of the fetch in progress, if any (for tests that step a fake clock).</summary>
    internal Task? PendingFetch
    {
        get
        {
            lock (_gate)
            {
                return _fetch;
            }
        }
    }

    /// <summary>
    /// The held credential while it is valid (starting a background refresh when one is due); otherwise waits for a
    /// fetch. Throws <see cref="VodCredentialsException"/> when there is no valid credential and the fetch failed.
    /// </summary>
    public ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default)
    {
        if (_held is { } held)
        {
            var now = _clock.GetUtcNow().UtcTicks;
            if (now < held.UsableUntil)
            {
                if (now >= held.RefreshAt)
                {
                    RefreshInBackground(now);
                }

                return new ValueTask<VodCredentials>(held.Credentials);
            }
        }

        return WaitAsync(cancellationToken);
    }

    /// <summary>Stops any fetch in progress.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{GetType().Name} {{ {SourceDescription} }}";

    /// <summary>Fetches a new credential from the source. Called by one caller at a time.</summary>
    protected abstract ValueTask<VodTemporaryCredentials> FetchAsync(CancellationToken cancellationToken);

    /// <summary>Releases the cancellation source; derived classes release what they own.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !_disposed.IsCancellationRequested)
        {
            _disposed.Cancel();
            _disposed.Dispose();
        }
    }

    private async ValueTask<VodCredentials> WaitAsync(CancellationToken cancellationToken)
    {
        Task<Held> fetch;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            if (_held is { } held && _clock.GetUtcNow().UtcTicks < held.UsableUntil)
            {
                return held.Credentials;
            }

            fetch = _fetch ??= StartFetch();
        }

        return (await fetch.WaitAsync(cancellationToken).ConfigureAwait(false)).Credentials;
    }

    private void RefreshInBackground(long now)
    {
        lock (_gate)
        {
            if (_fetch is null && now >= _notBefore && !_disposed.IsCancellationRequested)
            {
                // Nobody awaits a background refresh: its failure is logged and counted, and observed here.
                _fetch = StartFetch();
                _fetch.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
    }

    // Runs on the thread pool, apart from any caller's cancellation: a caller that gives up does not stop a refresh
    // that the other callers need.
    private Task<Held> StartFetch() => Task.Run(async () =>
    {
        try
        {
            var fetched = await FetchAsync(_disposed.Token).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"{GetType().Name}.FetchAsync returned null.");
            var held = Hold(fetched);
            lock (_gate)
            {
                _held = held;
                _failures = 0;
                _notBefore = 0;
                _fetch = null;
            }

            CredentialsTelemetry.Refreshed(_logger, SourceDescription, GetType().Name, fetched.Expiration);
            return held;
        }
        catch (Exception exception)
        {
            var failure = exception as VodCredentialsException
                ?? new VodCredentialsException(SourceDescription, $"No credentials from {SourceDescription}: {exception.Message}", exception);
            TimeSpan? retryIn = null;
            lock (_gate)
            {
                _failures++;
                _fetch = null;
                if (_held is { } held)
                {
                    // Still holding a valid credential: try again soon enough to renew it before it expires.
                    var remaining = TimeSpan.FromTicks(Math.Max(0, held.UsableUntil - _clock.GetUtcNow().UtcTicks));
                    var backoff = Backoff(_failures, remaining);
                    _notBefore = _clock.GetUtcNow().UtcTicks + backoff.Ticks;
                    retryIn = backoff;
                }
            }

            CredentialsTelemetry.RefreshFailed(_logger, SourceDescription, GetType().Name, failure, retryIn);
            throw failure;
        }
    });

    /// <summary>The back-off after <paramref name="failures"/> failed refreshes: doubling from 1 s, jittered, at most 60 s and a quarter of what remains.</summary>
    internal static TimeSpan Backoff(int failures, TimeSpan remaining)
    {
        var exponential = FirstBackoff.TotalSeconds * Math.Pow(2, Math.Min(failures - 1, 16));
        var ceiling = Math.Min(Math.Min(exponential, MaxBackoff.TotalSeconds), remaining.TotalSeconds / 4);
        return TimeSpan.FromSeconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    private Held Hold(VodTemporaryCredentials fetched)
    {
        var now = _clock.GetUtcNow();
        var lifetime = fetched.Expiration - now;
        if (lifetime <= TimeSpan.Zero)
        {
            throw new VodCredentialsException(
                SourceDescription,
                $"{SourceDescription} gave a credential that expired at {fetched.Expiration:O}, while this machine's clock reads {now:O}; check the clock.");
        }

        var margin = Min(lifetime / 10, MaxSafetyMargin);
        var ahead = Min(lifetime / 3, MaxRefreshAhead);
        return new Held(fetched.Credentials, (fetched.Expiration - ahead).UtcTicks, (fetched.Expiration - margin).UtcTicks);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>The held credential: refreshed in the background from <c>RefreshAt</c>, used until <c>UsableUntil</c> (UTC ticks).</summary>
    private sealed record Held(VodCredentials Credentials, long RefreshAt, long UsableUntil);
}
