using System;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen.Upload.Engine;

/// <summary>
/// Holds the upload credential and renews it single-flight: however many parts find it expired, one
/// RefreshUploadVideo runs, and no part starts while it does. Every renewal replaces the credential (a new version),
/// so a part refused with an old version is simply re-sent with the new one. Two renewals in a row whose credentials
/// were refused before the storage accepted any of them end the upload: renewing would not help.
/// </summary>
/// <remarks>
/// Expiry is tracked on one clock only: the local <see cref="TimeProvider"/>'s monotonic timestamp. The credential's
/// life is measured once, when it arrives, and a renewal is due when at most <see cref="VodUploadOptions.RefreshBefore"/>
/// of it is left, but never in the first half of its life, so a short-lived credential, a RefreshBefore longer than
/// the credential lasts, or a storage clock far away can never cause a renewal before every request.
/// </remarks>
internal sealed class CredentialKeeper
{
    private readonly object _gate = new();
    private readonly IVodUploadSession _session;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _refreshBefore;
    private readonly CancellationToken _runToken;
    private readonly Action _refreshing;
    private VodUploadTicket _current;
    private long _renewDueAt;
    private int _version;
    private int _provenVersion = -1;
    private int _unprovenRenewals;
    private Task? _renewal;

    public CredentialKeeper(IVodUploadSession session, VodUploadTicket first, VodUploadOptions options, Action refreshing, CancellationToken runToken)
    {
        _session = session;
        _clock = options.TimeProvider;
        _refreshBefore = options.RefreshBefore;
        _refreshing = refreshing;
        _runToken = runToken;
        _current = first;
        _renewDueAt = RenewDueAt(first);
    }

    public int Refreshes { get; private set; }

    /// <summary>The video whose credential this is.</summary>
    public string VideoId => _current.VideoId;

    /// <summary>The storage endpoint of the upload address (the same for every renewal).</summary>
    public Uri Endpoint => _current.Endpoint;

    /// <summary>The bucket of the upload address.</summary>
    public string Bucket => _current.Bucket;

    /// <summary>The object key of the upload address.</summary>
    public string Key => _current.Key;

    /// <summary>The credential to sign the next request with, renewed first when its renewal is due.</summary>
    public async ValueTask<(VodUploadTicket Ticket, int Version)> CurrentAsync(CancellationToken cancellationToken)
    {
        Task renewal;
        lock (_gate)
        {
            if (_renewal is null && _clock.GetTimestamp() < _renewDueAt)
            {
                return (_current, _version);
            }

            renewal = _renewal ??= StartRenewal();
        }

        await renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            return (_current, _version);
        }
    }

    /// <summary>The storage accepted a request signed with <paramref name="version"/>.</summary>
    public void Proven(int version)
    {
        lock (_gate)
        {
            if (version > _provenVersion)
            {
                _provenVersion = version;
                _unprovenRenewals = 0;
            }
        }
    }

    /// <summary>
    /// The storage refused the credential of <paramref name="version"/>. Renews it unless a renewal since has
    /// replaced it; returns false when the last renewal's credential was refused too before any was accepted.
    /// </summary>
    /// <remarks>
    /// One refusal of a credential not yet seen accepted is renewed once more: with parts in parallel, a credential
    /// can be revoked by the storage before the answer that proved it has arrived.
    /// </remarks>
    public async ValueTask<bool> RefusedAsync(int version, CancellationToken cancellationToken)
    {
        Task renewal;
        lock (_gate)
        {
            if (version != _version)
            {
                return true; // already replaced: retry with the current one
            }

            if (_renewal is null && _provenVersion < version && ++_unprovenRenewals > 1)
            {
                return false; // fresh credentials refused again and again: renewing once more would not help
            }

            renewal = _renewal ??= StartRenewal();
        }

        await renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    // The task is stored before any work starts, and cleared (under the lock) before it completes: a session whose
    // RefreshAsync completes synchronously can never leave a finished renewal stored as if it were still running.
    private Task StartRenewal()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = RenewAsync(done);
        return done.Task;
    }

    private async Task RenewAsync(TaskCompletionSource done)
    {
        await Task.Yield(); // leave the caller's lock before calling out
        try
        {
            _refreshing();
            var ticket = await _session.RefreshAsync(_current.VideoId, _clock, _runToken).ConfigureAwait(false);
            if (ticket.Bucket != _current.Bucket || ticket.Key != _current.Key)
            {
                throw new VodUploadException(
                    $"RefreshUploadVideo gave video {_current.VideoId} another upload address ({ticket.Bucket}/{ticket.Key}, was {_current.Bucket}/{_current.Key}); the upload cannot go on.",
                    _current.VideoId,
                    "AddressChanged");
            }

            lock (_gate)
            {
                _current = ticket;
                _renewDueAt = RenewDueAt(ticket);
                _version++;
                Refreshes++;
                _renewal = null;
            }

            done.SetResult();
        }
        catch (Exception exception)
        {
            lock (_gate)
            {
                _renewal = null;
            }

            done.SetException(exception);
        }
    }

    // When the renewal of a credential that arrives now falls due, as a local monotonic timestamp.
    private long RenewDueAt(VodUploadTicket ticket)
    {
        var life = ticket.ExpiresAt - _clock.GetUtcNow();
        if (life <= TimeSpan.Zero)
        {
            // Already past its stated expiry (a clock far off, or a bad ExpireUTCTime): use it until the storage
            // refuses it, which renews it then; renewing on every request would never end.
            return long.MaxValue;
        }

        var lead = _refreshBefore < life / 2 ? _refreshBefore : life / 2;
        var ticks = (long)((life - lead).TotalSeconds * _clock.TimestampFrequency);
        var now = _clock.GetTimestamp();
        return ticks > long.MaxValue - now ? long.MaxValue : now + ticks;
    }
}
