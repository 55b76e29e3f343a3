using System;
using System.Threading;
using System.Threading.Tasks;

namespace VodGen.Pipeline.Steps;

/// <summary>
/// Bounds each attempt, from the send to the last byte of the answer (not the rate-limit wait before it), and reports
/// running out as a <see cref="TimeoutException"/> rather than a cancellation the caller did not ask for.
/// </summary>
internal sealed class TimeoutStep(TimeSpan timeout) : VodPipelineStep
{
    public override ValueTask OnSendingAsync(VodMessage message)
    {
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            var source = CancellationTokenSource.CreateLinkedTokenSource(message.CallCancellation);
            source.CancelAfter(timeout);
            message.Timeout = source;
            message.AttemptCancellation = source.Token;
        }

        return default;
    }

    public override Exception OnFailed(VodMessage message, Exception exception)
        => exception is OperationCanceledException && !message.CallCancellation.IsCancellationRequested && message.Timeout is { IsCancellationRequested: true }
            ? new TimeoutException($"{message.Action} did not complete within {timeout.TotalSeconds:0.###} s.", exception)
            : exception;
}
