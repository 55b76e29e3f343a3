using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using VodGen.Throttling;
using VodGen.Telemetry;

namespace VodGen.Pipeline.Steps;

/// <summary>
/// Waits for (or is refused) a permit under the operation's per-account rate limit before each attempt, retries
/// included, and measures the wait.
/// </summary>
internal sealed class ThrottlingStep(VodRateGate gate, ILogger logger) : VodPipelineStep, IDisposable
{
    public override ValueTask OnSendingAsync(VodMessage message)
    {
        var pending = gate.AcquireAsync(message.Operation, message.Credentials!.AccessKeyId, message.AttemptCancellation);
        if (pending.IsCompletedSuccessfully)
        {
            Record(message, pending.Result);
            return default;
        }

        return AwaitAsync(pending, message);
    }

    public void Dispose() => gate.Dispose();

    private async ValueTask AwaitAsync(ValueTask<TimeSpan> pending, VodMessage message) => Record(message, await pending.ConfigureAwait(false));

    private void Record(VodMessage message, TimeSpan waited)
    {
        if (waited > TimeSpan.Zero)
        {
            VodTelemetry.ThrottleWait.Record(waited.TotalSeconds, new KeyValuePair<string, object?>("vod.action", message.Action));
            VodLog.ThrottleWaited(logger, message.Action, waited.TotalMilliseconds);
        }
    }
}
