using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using VodGen.Transport;

namespace VodGen.Pipeline.Steps;

/// <summary>
/// Repeats failed attempts with the one retry primitive (Polly): what the classifier calls retryable, or for an
/// operation that must not run twice what it calls safe to repeat, backed off exponentially or as the service asks.
/// </summary>
internal sealed class RetryStep(VodRetryOptions options, TimeProvider clock, ILogger logger)
{
    private readonly ResiliencePipeline _retry = VodRetryPolicy.Create(options, clock, logger);

    // Begin, Execute and End are called from the call's one async frame (VodPipeline.SendAsync), so that the retry adds
    // no frame of its own to a call's allocations.
    public static ResilienceContext Begin(VodMessage message)
    {
        var context = ResilienceContextPool.Shared.Get(message.CallCancellation);
        context.Properties.Set(VodRetryPolicy.ActionKey, message.Action);
        context.Properties.Set(VodRetryPolicy.IdempotentKey, message.Operation.IsIdempotent);
        return context;
    }

    public ValueTask ExecuteAsync(ResilienceContext context, VodMessage message, Func<VodMessage, ValueTask> attempt)
        => _retry.ExecuteAsync(static (_, state) => state.Attempt(state.Message), context, (Message: message, Attempt: attempt));

    public static void End(ResilienceContext context) => ResilienceContextPool.Shared.Return(context);
}
