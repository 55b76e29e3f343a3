using System;
using System.IO;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using VodGen.Transport;
using VodGen.Telemetry;

namespace VodGen.Pipeline.Steps;

/// <summary>
/// Turns the answer into the typed response or the right exception, and a failure after the request may have run
/// into <see cref="VodOutcomeUnknownException"/> for an operation that must not be sent twice (the classifier decides).
/// </summary>
internal sealed class AnswerStep(VodSignatureVersion version, TimeProvider clock, ILogger logger) : VodPipelineStep
{
    public override void OnResponse(VodMessage message)
    {
        var response = message.Response!;
        var body = message.Body!.Span;
        VodLog.Attempted(logger, message.Action, message.Attempt, (int)response.StatusCode, clock.GetElapsedTime(message.SentTimestamp).TotalMilliseconds, version);
        if (response.IsSuccessStatusCode)
        {
            message.ReadSuccess(response.StatusCode, body);
            return;
        }

        throw VodResponseReader.ReadError(message.Action, response.StatusCode, response.ReasonPhrase, body, message.Redactor, VodResponseReader.RetryAfter(response));
    }

    public override Exception OnFailed(VodMessage message, Exception exception)
        => exception is HttpRequestException or IOException or TimeoutException
            && !message.Operation.IsIdempotent
            && VodFailureClassifier.Classify(exception).OutcomeUnknown
                ? new VodOutcomeUnknownException(message.Action, exception)
                : exception;
}
