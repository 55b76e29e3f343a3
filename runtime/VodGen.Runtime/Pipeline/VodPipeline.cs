using System;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VodGen.Pipeline.Steps;
using VodGen.Throttling;
using VodGen.Transport;

namespace VodGen.Pipeline;

/// <summary>
/// The request pipeline of a <see cref="VodClient"/>, built once from a snapshot of its options. Per call: telemetry,
/// then retry. Per attempt, in order: endpoint, credentials, throttling, signing, answer, timeout, redirect guard
/// (see <see cref="VodPipelineStep"/> for the order of their hooks), around the transport, which sends the request
/// and reads the answer up to the size cap. docs/architecture.md shows where a step goes.
/// </summary>
internal sealed class VodPipeline : IDisposable
{
    private readonly TelemetryStep _telemetry;
    private readonly RetryStep _retry;
    private readonly VodPipelineStep[] _steps;
    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;
    private readonly int _maxResponseBytes;
    private readonly Func<VodMessage, ValueTask> _attempt;

    public VodPipeline(VodClientOptions options, HttpClient? httpClient)
    {
        var clock = options.TimeProvider;
        var logger = options.Logger ?? NullLogger.Instance;
        _telemetry = new TelemetryStep(options.RegionId, clock, logger);
        _retry = new RetryStep(options.Retry.Snapshot(), clock, logger);
        _steps =
        [
            new EndpointStep(options.RegionId, options.Endpoint, options.AllowUnlistedRegions),
            new CredentialsStep(options.Credentials ?? new DefaultCredentialsChain()),
            new ThrottlingStep(new VodRateGate(options.Throttling.Snapshot(), options.RegionId, clock), logger),
            new SigningStep(options.SignatureVersion, clock),
            new AnswerStep(options.SignatureVersion, clock, logger),
            new TimeoutStep(options.Timeout),
            new RedirectGuardStep(),
        ];
        _maxResponseBytes = options.MaxResponseBytes;
        _ownsHttpClient = httpClient is null;
        _http = httpClient ?? new HttpClient(VodClient.CreateHandler())
        {
            // Timeouts are applied per attempt by the timeout step, so that they surface as TimeoutException.
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        };
        _attempt = AttemptAsync;
    }

    /// <summary>The steps of each attempt, in order.</summary>
    internal ReadOnlySpan<VodPipelineStep> Steps => _steps;

    /// <summary>Makes the call: every attempt the retry step allows, inside the call's telemetry.</summary>
    public async Task<TResponse> SendAsync<TRequest, TResponse>(VodMessage<TRequest, TResponse> message)
        where TRequest : class
    {
        using var scope = _telemetry.Begin(message);
        var context = RetryStep.Begin(message);
        try
        {
            await _retry.ExecuteAsync(context, message, _attempt).ConfigureAwait(false);
            scope.Succeeded();
            return message.Result;
        }
        catch (Exception exception)
        {
            var final = scope.Failed(exception);
            if (ReferenceEquals(final, exception))
            {
                throw;
            }

            throw final;
        }
        finally
        {
            RetryStep.End(context);
        }
    }

    public void Dispose()
    {
        foreach (var step in _steps)
        {
            (step as IDisposable)?.Dispose();
        }

        if (_ownsHttpClient)
        {
            _http.Dispose();
        }
    }

    // One attempt: the steps prepare it, the transport sends it and reads the answer, the steps see what came back.
    private async ValueTask AttemptAsync(VodMessage message)
    {
        message.Attempt++;
        try
        {
            foreach (var step in _steps)
            {
                await step.OnSendingAsync(message).ConfigureAwait(false);
            }

            message.Response = await _http.SendAsync(message.Request!, HttpCompletionOption.ResponseHeadersRead, message.AttemptCancellation).ConfigureAwait(false);
            for (var i = _steps.Length - 1; i >= 0; i--)
            {
                _steps[i].OnResponseHeaders(message);
            }

            message.Body = await VodResponseBody.ReadAsync(message.Response, message.Action, _maxResponseBytes, message.AttemptCancellation).ConfigureAwait(false);
            for (var i = _steps.Length - 1; i >= 0; i--)
            {
                _steps[i].OnResponse(message);
            }
        }
        catch (Exception exception)
        {
            var failure = exception;
            for (var i = _steps.Length - 1; i >= 0; i--)
            {
                failure = _steps[i].OnFailed(message, failure);
            }

            if (ReferenceEquals(failure, exception))
            {
                throw;
            }

            throw failure;
        }
        finally
        {
            message.EndAttempt();
        }
    }
}
