using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using VodGen.Security;
using VodGen.Signing;
using VodGen.Throttling;
using VodGen.Transport;

namespace VodGen;

/// <summary>
/// Sends VOD operations. Generated extension methods (such as <c>RefreshUploadVideoAsync</c>) call
/// <see cref="SendAsync{TRequest, TResponse}"/>. Thread-safe: create one per application and share it.
/// </summary>
public sealed class VodClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttpClient;
    private readonly IVodCredentialsProvider _credentials;
    private readonly Uri? _endpoint;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;
    private readonly VodRateGate _gate;
    private readonly ResiliencePipeline _retry;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<VodEndpointTable, string> _baseUris = new();
    private readonly int _maxResponseBytes;
    private readonly bool _allowUnlistedRegions;
    private volatile bool _disposed;

    /// <summary>
    /// Creates a client. An <paramref name="httpClient"/> given here is used as is and not disposed by the client; its
    /// handler must not follow redirects (see <see cref="CreateHandler"/>). An answer that comes from elsewhere is
    /// refused, but by then a redirect-following handler has already sent the signed request, and with STS
    /// credentials the token, to the other address.
    /// </summary>
    /// <exception cref="ArgumentException">An option is not valid; the message names it.</exception>
    public VodClient(VodClientOptions options, HttpClient? httpClient = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        RegionId = options.RegionId;
        SignatureVersion = options.SignatureVersion;
        _endpoint = options.Endpoint;
        _timeout = options.Timeout;
        _clock = options.TimeProvider;
        _credentials = options.Credentials ?? new DefaultCredentialsChain();
        _logger = options.Logger ?? NullLogger.Instance;
        // The client keeps copies: options changed after it is built (a limit, a delay) change nothing in it.
        _gate = new VodRateGate(options.Throttling.Snapshot(), options.RegionId, options.TimeProvider);
        _retry = VodRetryPolicy.Create(options.Retry.Snapshot(), options.TimeProvider, _logger);
        _ownsHttpClient = httpClient is null;
        _maxResponseBytes = options.MaxResponseBytes;
        _allowUnlistedRegions = options.AllowUnlistedRegions;
        _http = httpClient ?? new HttpClient(CreateHandler())
        {
            // Timeouts are applied per attempt below, so that they surface as TimeoutException.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>
    /// The handler VodClient uses when it creates its own HttpClient; give one like it to an HttpClient you pass in.
    /// Redirects are not followed: they would carry the signed request and the STS token to another address.
    /// </summary>
    public static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    /// <summary>The region the client calls.</summary>
    public string RegionId { get; }

    /// <summary>The signing scheme in use.</summary>
    public VodSignatureVersion SignatureVersion { get; }

    /// <summary>
    /// Validates <paramref name="request"/>, then for each attempt: waits for a permit under the operation's rate
    /// limit, signs (new nonce and timestamp), sends and reads the answer. Retryable failures are retried.
    /// </summary>
    /// <exception cref="ArgumentException">The request breaks its spec; nothing was sent.</exception>
    /// <exception cref="VodServiceException">The service answered with an error code.</exception>
    /// <exception cref="VodProtocolException">The answer could not be understood.</exception>
    /// <exception cref="VodThrottledException">The client held the call back to respect the rate limit.</exception>
    /// <exception cref="TimeoutException">No complete answer within <see cref="VodClientOptions.Timeout"/>, on every attempt.</exception>
    /// <exception cref="HttpRequestException">The service could not be reached, on every attempt.</exception>
    /// <exception cref="VodOutcomeUnknownException">An operation that is not idempotent lost its answer after it was sent; it was not repeated.</exception>
    /// <exception cref="VodResponseTooLargeException">The answer was larger than <see cref="VodClientOptions.MaxResponseBytes"/>.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public Task<TResponse> SendAsync<TRequest, TResponse>(VodOperation<TRequest, TResponse> operation, TRequest request, CancellationToken cancellationToken = default)
        where TRequest : class
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(request);
        operation.Validate(request);
        return CallAsync(operation, request, cancellationToken);
    }

    /// <summary>Disposes the HttpClient if the client created it, and the local rate limiters.</summary>
    public void Dispose()
    {
        _disposed = true;
        _gate.Dispose();
        if (_ownsHttpClient)
        {
            _http.Dispose();
        }
    }

    // The call as telemetry sees it: one activity, one duration and one outcome over all attempts.
    private async Task<TResponse> CallAsync<TRequest, TResponse>(VodOperation<TRequest, TResponse> operation, TRequest request, CancellationToken cancellationToken)
        where TRequest : class
    {
        var action = operation.Info.Action;
        // The activity name is built only when something listens: this runs on every call.
        using var activity = VodTelemetry.ActivitySource.HasListeners()
            ? VodTelemetry.ActivitySource.StartActivity("VodGen " + action, ActivityKind.Client)
            : null;
        activity?.SetTag("vod.action", action);
        activity?.SetTag("vod.region", RegionId);
        var started = _clock.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(VodRetryPolicy.ActionKey, action);
        context.Properties.Set(VodRetryPolicy.IdempotentKey, operation.Info.IsIdempotent);
        var state = new AttemptState<TRequest, TResponse>(this, operation, request, new StrongBox<int>());
        try
        {
            var response = await _retry.ExecuteAsync(
                static (ctx, s) => s.Client.AttemptAsync(s.Operation, s.Request, s.Attempts, ctx.CancellationToken),
                context,
                state).ConfigureAwait(false);
            var elapsed = _clock.GetElapsedTime(started);
            VodTelemetry.Calls.Add(1, new("vod.action", action), new("vod.outcome", "ok"));
            VodTelemetry.CallDuration.Record(elapsed.TotalSeconds, new("vod.action", action), new("vod.outcome", "ok"));
            VodLog.Succeeded(_logger, action, elapsed.TotalMilliseconds, state.Attempts.Value);
            return response;
        }
        catch (Exception exception)
        {
            var elapsed = _clock.GetElapsedTime(started);
            var outcome = VodFailureClassifier.Classify(exception).Outcome;
            var requestId = (exception as VodServiceException)?.RequestId;
            VodTelemetry.Calls.Add(1, new("vod.action", action), new("vod.outcome", outcome));
            VodTelemetry.CallDuration.Record(elapsed.TotalSeconds, new("vod.action", action), new("vod.outcome", outcome));
            activity?.SetStatus(ActivityStatusCode.Error, outcome);
            activity?.SetTag("vod.error_code", outcome);
            activity?.SetTag("vod.request_id", requestId);
            VodLog.Failed(_logger, action, state.Attempts.Value, elapsed.TotalMilliseconds, outcome, requestId);

            // Transport failures that outlived every retry are one documented VodException, which says what was tried.
            if (exception is HttpRequestException or TimeoutException or IOException)
            {
                throw new VodUnreachableException(action, new Uri(BaseUri(operation.Info.Endpoints)).Authority, state.Attempts.Value, exception);
            }

            throw;
        }
        finally
        {
            activity?.SetTag("vod.attempts", state.Attempts.Value);
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<TResponse> AttemptAsync<TRequest, TResponse>(VodOperation<TRequest, TResponse> operation, TRequest request, StrongBox<int> attempts, CancellationToken cancellationToken)
        where TRequest : class
    {
        var attempt = ++attempts.Value;
        var action = operation.Info.Action;
        var credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The credentials provider {_credentials.GetType().Name} returned null; an IVodCredentialsProvider must return credentials or throw.");
        var waited = await _gate.AcquireAsync(operation.Info, credentials.AccessKeyId, cancellationToken).ConfigureAwait(false);
        if (waited > TimeSpan.Zero)
        {
            VodTelemetry.ThrottleWait.Record(waited.TotalSeconds, new System.Collections.Generic.KeyValuePair<string, object?>("vod.action", action));
            VodLog.ThrottleWaited(_logger, action, waited.TotalMilliseconds);
        }

        var sent = _clock.GetTimestamp();

        var stamp = VodRequestStamp.Create(credentials, operation.Info, _clock);
        using var message = VodRequestFactory.Create(operation, request, stamp, SignatureVersion, BaseUri(operation.Info.Endpoints));
        var target = message.RequestUri;
        using var timeout = _timeout == Timeout.InfiniteTimeSpan ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout?.CancelAfter(_timeout);
        var token = timeout?.Token ?? cancellationToken;
        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token).ConfigureAwait(false);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                throw VodResponseReader.Redirected(action, response.StatusCode, response.Headers.Location, VodSecretRedactor.For(credentials));
            }

            // An HttpClient handed in may follow redirects itself; its answer then comes from elsewhere and is not trusted.
            if (response.RequestMessage?.RequestUri is { } answered && target is not null && answered != target)
            {
                throw VodResponseReader.Redirected(action, HttpStatusCode.Redirect, answered, VodSecretRedactor.For(credentials));
            }

            using var body = await VodResponseBody.ReadAsync(response, action, _maxResponseBytes, token).ConfigureAwait(false);
            VodLog.Attempted(_logger, action, attempt, (int)response.StatusCode, _clock.GetElapsedTime(sent).TotalMilliseconds, SignatureVersion);
            if (response.IsSuccessStatusCode)
            {
                return VodResponseReader.ReadSuccess(operation, response.StatusCode, body.Span);
            }

            throw VodResponseReader.ReadError(action, response.StatusCode, response.ReasonPhrase, body.Span, VodSecretRedactor.For(credentials), VodResponseReader.RetryAfter(response));
        }
        catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested && timeout is { IsCancellationRequested: true })
        {
            var timedOut = new TimeoutException($"{action} did not complete within {_timeout.TotalSeconds:0.###} s.", exception);
            throw operation.Info.IsIdempotent ? timedOut : new VodOutcomeUnknownException(action, timedOut);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException && !operation.Info.IsIdempotent && VodFailureClassifier.Classify(exception).OutcomeUnknown)
        {
            // The request may have reached the service: an operation that creates something is not sent again.
            throw new VodOutcomeUnknownException(action, exception);
        }
    }

    // A region the spec does not list is refused (once per table; nothing is cached then) unless the client allows it.
    private string BaseUri(VodEndpointTable endpoints)
        => _baseUris.GetOrAdd(endpoints, static (table, client) => client._endpoint is { } endpoint
            ? endpoint.GetLeftPart(UriPartial.Authority) + "/"
            : table.Regions.Count > 0 && !table.Lists(client.RegionId) && !client._allowUnlistedRegions
                ? throw new VodRegionNotListedException(client.RegionId, table.Product, table.Regions)
                : "https://" + table.GetHost(client.RegionId) + "/", this);

    private readonly record struct AttemptState<TRequest, TResponse>(VodClient Client, VodOperation<TRequest, TResponse> Operation, TRequest Request, StrongBox<int> Attempts)
        where TRequest : class;
}
