using System;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen.Upload.Engine;

/// <summary>
/// Holds the upload credential and renews it single-flight: however many parts find it expired, one
/// RefreshUploadVideo runs, and no part starts while it does. A credential is "proven" once the storage accepted
/// it; a refused credential that was fresh from a renewal is not renewed again but reported.
/// </summary>
internal sealed class CredentialKeeper
{
    private readonly object _gate = new();
    private readonly IVodUploadSession _session;
    private readonly VodUploadOptions _options;
    private readonly Func<DateTimeOffset> _now;
    private readonly Action _refreshing;
    private VodUploadTicket _current;
    private int _version;
    private int _provenVersion = -1;
    private Task? _renewal;

    public CredentialKeeper(IVodUploadSession session, VodUploadTicket first, VodUploadOptions options, Func<DateTimeOffset> now, Action refreshing)
    {
        _session = session;
        _current = first;
        _options = options;
        _now = now;
        _refreshing = refreshing;
    }

    public int Refreshes { get; private set; }

    /// <summary>The credential to sign the next request with, renewed first when it is about to expire.</summary>
    public async ValueTask<(VodUploadTicket Ticket, int Version)> CurrentAsync(CancellationToken cancellationToken)
    {
        Task renewal;
        lock (_gate)
        {
            if (_renewal is null)
            {
                if (_now() < _current.ExpiresAt - _options.RefreshBefore)
                {
                    return (_current, _version);
                }

                _renewal = RenewAsync(cancellationToken);
            }

            renewal = _renewal;
        }

        // A credential just renewed is used even if it is already within RefreshBefore of expiring (a short-lived
        // credential, or a RefreshBefore longer than its life): renewing again at once would never end.
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
            _provenVersion = Math.Max(_provenVersion, version);
        }
    }

    /// <summary>
    /// The storage refused the credential of <paramref name="version"/>. Renews it unless a renewal since has
    /// replaced it; returns false when that credential was itself fresh from a renewal and never accepted.
    /// </summary>
    public async ValueTask<bool> RefusedAsync(int version, CancellationToken cancellationToken)
    {
        Task renewal;
        lock (_gate)
        {
            if (version != _version)
            {
                return true; // already replaced: retry with the current one
            }

            if (version > 0 && _provenVersion < version)
            {
                return false; // a fresh credential refused as well: renewing again would not help
            }

            renewal = _renewal ??= RenewAsync(cancellationToken);
        }

        await renewal.WaitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task RenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            _refreshing();
            var ticket = await _session.RefreshAsync(_current.VideoId, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            if (ticket.Bucket != _current.Bucket || ticket.Key != _current.Key)
            {
                throw new VodUploadException(
                    $"RefreshUploadVideo gave video {_current.VideoId} another upload address ({ticket.Bucket}/{ticket.Key}, was {_current.Bucket}/{_current.Key}); the upload cannot go on.",
                    _current.VideoId);
            }

            lock (_gate)
            {
                _current = ticket;
                _version++;
                Refreshes++;
            }
        }
        finally
        {
            lock (_gate)
            {
                _renewal = null;
            }
        }
    }
}
