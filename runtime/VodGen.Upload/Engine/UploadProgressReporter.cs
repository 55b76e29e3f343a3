using System;

namespace VodGen.Upload.Engine;

/// <summary>
/// The upload's stage and its progress reports: only durable parts are claimed (what <see cref="PartLedger"/> says is
/// reportable), and the total is reached once the storage has assembled the object, not before.
/// </summary>
internal sealed class UploadProgressReporter(IProgress<VodUploadProgress>? progress, PartLedger ledger, PartPlan plan, long length, string videoId)
{
    private readonly object _gate = new();
    private VodUploadStage _stage = VodUploadStage.Uploading;

    /// <summary>Moves to <paramref name="stage"/>, without reporting it.</summary>
    public void Enter(VodUploadStage stage)
    {
        lock (_gate)
        {
            _stage = stage;
        }
    }

    /// <summary>Reports a credential renewal as its own stage, then goes back to the stage it interrupted.</summary>
    public void Refreshing()
    {
        VodUploadStage previous;
        lock (_gate)
        {
            previous = _stage;
            _stage = VodUploadStage.RefreshingCredential;
        }

        Report();
        lock (_gate)
        {
            _stage = previous == VodUploadStage.RefreshingCredential ? VodUploadStage.Uploading : previous;
        }
    }

    /// <summary>Reports the durable parts, or with <paramref name="total"/> the assembled object.</summary>
    public void Report(long? total = null, int? parts = null)
    {
        if (progress is null)
        {
            return;
        }

        var (reportedParts, reportedBytes) = ledger.Reportable;
        VodUploadProgress report;
        lock (_gate)
        {
            // Never the whole length before the object is assembled: the last byte counts only when it is stored.
            var committed = total ?? (length > 0 ? Math.Min(reportedBytes, length - 1) : reportedBytes);
            report = new VodUploadProgress(videoId, _stage, committed, total ?? length, parts ?? reportedParts, plan.Total);
        }

        progress.Report(report);
    }
}
