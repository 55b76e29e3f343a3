using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen.Upload.Engine;

/// <summary>
/// The parts the storage acknowledged, and what of them is durable: a checkpoint save takes every acknowledged part
/// (saves run one at a time, so a later save never loses an earlier part), and progress reports only what the last
/// save holds, so a part a caller saw reported is never sent again by a resume.
/// </summary>
internal sealed class PartLedger
{
    private readonly object _gate = new();
    private readonly SemaphoreSlim _saving = new(1, 1);
    private readonly SortedDictionary<int, VodUploadedPart> _acknowledged = new();
    private readonly IUploadCheckpointStore? _store;
    private readonly Func<string, IReadOnlyList<VodUploadedPart>, VodUploadCheckpoint> _checkpoint;
    private long _acknowledgedBytes;
    private (int Parts, long Bytes) _durable;

    /// <param name="store">Where checkpoints go, or null for a source that cannot be resumed (then all is reported).</param>
    /// <param name="checkpoint">Builds the checkpoint of an upload ID and its parts.</param>
    public PartLedger(IUploadCheckpointStore? store, Func<string, IReadOnlyList<VodUploadedPart>, VodUploadCheckpoint> checkpoint)
    {
        _store = store;
        _checkpoint = checkpoint;
    }

    /// <summary>Parts and bytes a progress report may claim.</summary>
    public (int Parts, long Bytes) Reportable
    {
        get
        {
            lock (_gate)
            {
                return _store is null ? (_acknowledged.Count, _acknowledgedBytes) : _durable;
            }
        }
    }

    /// <summary>Every acknowledged part, in order.</summary>
    public VodUploadedPart[] Parts
    {
        get
        {
            lock (_gate)
            {
                return _acknowledged.Values.ToArray();
            }
        }
    }

    public bool Contains(int partNumber)
    {
        lock (_gate)
        {
            return _acknowledged.ContainsKey(partNumber);
        }
    }

    /// <summary>Forgets every part: a new multipart upload starts.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _acknowledged.Clear();
            _acknowledgedBytes = 0;
            _durable = (0, 0);
        }
    }

    /// <summary>Records an acknowledged part (the first acknowledgement of a number wins).</summary>
    public void Add(VodUploadedPart part)
    {
        lock (_gate)
        {
            if (_acknowledged.TryAdd(part.PartNumber, part))
            {
                _acknowledgedBytes += part.Size;
            }
        }
    }

    /// <summary>Saves a checkpoint with every part acknowledged so far; afterwards those parts are reportable.</summary>
    public async Task SaveAsync(string uploadId, CancellationToken cancellationToken)
    {
        if (_store is null)
        {
            return;
        }

        await _saving.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            VodUploadedPart[] parts;
            lock (_gate)
            {
                parts = _acknowledged.Values.ToArray();
            }

            await _store.SaveAsync(_checkpoint(uploadId, parts), cancellationToken).ConfigureAwait(false);
            lock (_gate)
            {
                _durable = (parts.Length, parts.Sum(p => p.Size));
            }
        }
        finally
        {
            _saving.Release();
        }
    }
}
