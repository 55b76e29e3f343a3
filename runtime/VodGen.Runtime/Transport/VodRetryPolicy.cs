using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;
using VodGen.Telemetry;

namespace VodGen.Transport;

/// <summary>
/// The Polly pipeline that repeats failed attempts: what the classifier calls retryable (for an idempotent operation)
/// or safe to repeat (for one that creates something), backed off exponentially or as the service asks.
/// </summary>
internal static class VodRetryPolicy
{
    /// <summary>Whether an operation may be attempted again after this failure.</summary>
    public static bool ShouldRetry(Exception exception, bool idempotent)
        => VodFailureClassifier.Classify(exception) is var failure && (idempotent ? failure.Retryable : failure.SafeToRepeat);

    /// <summary>Key under which the call's action travels in the resilience context, for the retry log.</summary>
    public static readonly ResiliencePropertyKey<string> ActionKey = new("vodgen.action");

    /// <summary>Key under which the operation's idempotency travels in the resilience context.</summary>
    public static readonly ResiliencePropertyKey<bool> IdempotentKey = new("vodgen.idempotent");

    public static ResiliencePipeline Create(VodRetryOptions options, TimeProvider clock, Microsoft.Extensions.Logging.ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = clock };
        if (options.MaxRetryAttempts == 0)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            // A service that asks for a longer wait than MaxDelay is not retried sooner than it asked: the caller gets
            // the error with its RetryAfter at once, instead of attempts the service said it would refuse.
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is { } e
                && ShouldRetry(e, args.Context.Properties.GetValue(IdempotentKey, true))
                && !(e is VodServiceException { RetryAfter: { } asked } && asked > options.MaxDelay)),

            // The service's own hint wins over the computed backoff.
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                args.Outcome.Exception is VodServiceException { RetryAfter: { } hint } ? Min(hint, options.MaxDelay) : null),
            OnRetry = args =>
            {
                var action = args.Context.Properties.GetValue(ActionKey, "?");
                var outcome = args.Outcome.Exception is { } e ? VodFailureClassifier.Classify(e).Outcome : "?";
                VodTelemetry.Retries.Add(1, new("vod.action", action), new("vod.outcome", outcome));
                VodLog.Retrying(logger, action, args.AttemptNumber + 1, outcome, (args.Outcome.Exception as VodServiceException)?.RequestId, args.RetryDelay.TotalMilliseconds);
                return default;
            },
        }).Build();
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
