using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using VodGen.Upload.Storage;

namespace VodGen.Upload.Engine;

/// <summary>
/// Sends one storage request under <see cref="StoragePolicy"/> with the runtime's retry primitive (Polly): a refused
/// credential is renewed, a skewed clock corrected, a transient failure backed off, each kind bounded per request;
/// what cannot be mended fails the upload with a <see cref="VodUploadException"/> that says which request and why.
/// </summary>
internal sealed class StorageSender
{
    private static readonly ResiliencePropertyKey<Tally> TallyKey = new("vodgen.upload.tally");

    private readonly OssClient _storage;
    private readonly CredentialKeeper _credentials;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly Action _resent;
    private readonly int _maxTransient;
    private readonly ResiliencePipeline _retry;

    public StorageSender(OssClient storage, CredentialKeeper credentials, VodUploadOptions options, ILogger logger, Action resent)
    {
        _storage = storage;
        _credentials = credentials;
        _clock = options.TimeProvider;
        _logger = logger;
        _resent = resent;
        _maxTransient = options.MaxPartRetries;
        _retry = new ResiliencePipelineBuilder { TimeProvider = options.TimeProvider }.AddRetry(new RetryStrategyOptions
        {
            // Each kind has its own bound (ShouldHandle); this only has to let them all through.
            MaxRetryAttempts = _maxTransient + StoragePolicy.MaxCredentialRefusals + StoragePolicy.MaxSkewCorrections,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = StoragePolicy.BaseDelay,
            MaxDelay = StoragePolicy.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is { } e
                && !(e is OperationCanceledException && args.Context.CancellationToken.IsCancellationRequested)
                && MayRepeat(TallyOf(args.Context), e)),
            DelayGenerator = args => ValueTask.FromResult(FirstMend(TallyOf(args.Context), args.Outcome.Exception!)),
            OnRetry = args => MendAsync(TallyOf(args.Context), args.Outcome.Exception!, args.RetryDelay, args.Context.CancellationToken),
        }).Build();
    }

    private string VideoId => _credentials.VideoId;

    /// <summary>Sends a request (a part when <paramref name="partNumber"/> is set) signed with the current credential.</summary>
    public async Task<OssAnswer> SendAsync(int? partNumber, Func<VodUploadTicket, CancellationToken, Task<OssAnswer>> send, CancellationToken cancellationToken)
    {
        var tally = new Tally(partNumber);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(TallyKey, tally);
        try
        {
            return await _retry.ExecuteAsync(
                static async (context, state) =>
                {
                    var (self, tally, send) = state;
                    var (ticket, version) = await self._credentials.CurrentAsync(context.CancellationToken).ConfigureAwait(false);
                    tally.Version = version;
                    var answer = await send(ticket, context.CancellationToken).ConfigureAwait(false);
                    self._credentials.Proven(version);
                    return answer;
                },
                context,
                (this, tally, send)).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not VodException && (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            throw Unmended(failure, tally);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private bool MayRepeat(Tally tally, Exception failure) => StoragePolicy.Classify(failure) switch
    {
        StorageFailure.CredentialRefused => tally.Refusals < StoragePolicy.MaxCredentialRefusals,
        StorageFailure.ClockSkew => tally.Skews < StoragePolicy.MaxSkewCorrections && failure is OssStorageError { ServerDate: not null },
        StorageFailure.Transient => tally.Transient < _maxTransient,
        _ => false,
    };

    // The first repeat for a reason that is mended before it (a new credential, a corrected clock) goes at once; a
    // further one for the same reason backs off as a transient failure does (null: the exponential back-off).
    private static TimeSpan? FirstMend(Tally tally, Exception failure) => StoragePolicy.Classify(failure) switch
    {
        StorageFailure.CredentialRefused when tally.Refusals == 0 => TimeSpan.Zero,
        StorageFailure.ClockSkew when tally.Skews == 0 => TimeSpan.Zero,
        _ => null,
    };

    // Runs before the repeat: renews the credential or corrects the clock, and counts the repeat against its bound.
    private async ValueTask MendAsync(Tally tally, Exception failure, TimeSpan delay, CancellationToken cancellationToken)
    {
        switch (StoragePolicy.Classify(failure))
        {
            case StorageFailure.CredentialRefused:
                var refused = (OssStorageError)failure;
                tally.Refusals++;
                UploadLog.CredentialRefused(_logger, VideoId, tally.PartNumber, refused.Code);
                if (!await _credentials.RefusedAsync(tally.Version, cancellationToken).ConfigureAwait(false))
                {
                    throw Failure($"The storage refused a freshly renewed upload credential ({refused.Code}): {refused.ServiceMessage}", refused, tally.PartNumber);
                }

                break;
            case StorageFailure.ClockSkew:
                var skewed = (OssStorageError)failure;
                var offset = skewed.ServerDate!.Value - _clock.GetUtcNow();
                if (offset.Duration() > StoragePolicy.MaxClockOffset)
                {
                    throw Failure($"The storage says its clock reads {skewed.ServerDate:O}, {offset.Duration().TotalDays:0.#} days from this machine's; check this machine's clock", skewed, tally.PartNumber);
                }

                tally.Skews++;
                _storage.ClockOffset = offset;
                UploadLog.ClockCorrected(_logger, VideoId, offset.TotalSeconds);
                break;
            default:
                tally.Transient++;
                UploadLog.Retrying(_logger, VideoId, tally.PartNumber, failure is OssStorageError s ? s.Code : failure.GetType().Name, delay.TotalMilliseconds);
                break;
        }

        if (tally.PartNumber is not null)
        {
            _resent();
        }
    }

    private Exception Unmended(Exception failure, Tally tally)
    {
        var what = tally.PartNumber is { } n ? $"part {n}" : "a request";
        return failure switch
        {
            SourceChangedException changed => new VodUploadException(changed.Message, VideoId, "SourceChanged", partNumber: tally.PartNumber, innerException: changed),
            OssStorageError error => Failure($"The storage refused {what} of the upload: {error.Message}{(tally.Attempts > 1 ? $" (after {tally.Attempts} attempts)" : string.Empty)}", error, tally.PartNumber),
            HttpRequestException or IOException or TimeoutException => new VodUploadException(
                $"The storage could not be reached for {what} of the upload of {VideoId} after {tally.Attempts} attempts: {failure.Message}",
                VideoId, "Unreachable", partNumber: tally.PartNumber, innerException: failure),
            _ => new VodUploadException($"A storage request of the upload of {VideoId} failed: {failure.Message}", VideoId, partNumber: tally.PartNumber, innerException: failure),
        };
    }

    private VodUploadException Failure(string message, OssStorageError error, int? partNumber)
        => new($"{message} (video {VideoId}{(error.RequestId is null ? string.Empty : ", request " + error.RequestId)})", VideoId, error.Code, error.RequestId, partNumber, error.Status);

    private static Tally TallyOf(ResilienceContext context) => context.Properties.GetValue(TallyKey, null!);

    /// <summary>What one request has met so far: its repeats by reason, and the credential its last attempt used.</summary>
    private sealed class Tally(int? partNumber)
    {
        public int? PartNumber { get; } = partNumber;

        public int Version { get; set; }

        public int Transient { get; set; }

        public int Refusals { get; set; }

        public int Skews { get; set; }

        public int Attempts => 1 + Transient + Refusals + Skews;
    }
}
