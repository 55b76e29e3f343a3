using Microsoft.AspNetCore.Http;
using VodGen.Emulator.Faults;
using VodGen.Emulator.Media;
using VodGen.Emulator.Responses;
using VodGen.Emulator.Specs;

namespace VodGen.Emulator.Gateway;

/// <summary>
/// Handles one call the way the service's gateway and the operation would: faults, signature, nonce, action,
/// rate limit, parameters, then the operation's behaviour. Every answer carries a new RequestId and is logged.
/// </summary>
internal sealed class GatewayPipeline
{
    private static readonly Dictionary<string, Func<OperationContext, OperationResult>> Behaviours = new(StringComparer.Ordinal)
    {
        ["CreateUploadVideo"] = UploadOperations.CreateUploadVideo,
        ["RefreshUploadVideo"] = UploadOperations.RefreshUploadVideo,
        ["CreateUploadImage"] = UploadOperations.CreateUploadImage,
        ["CreateUploadAttachedMedia"] = UploadOperations.CreateUploadAttachedMedia,
        ["UploadMediaByURL"] = UploadOperations.UploadMediaByURL,
        ["GetURLUploadInfos"] = UploadOperations.GetURLUploadInfos,
        ["GetVideoInfo"] = LibraryOperations.GetVideoInfo,
        ["GetVideoInfos"] = LibraryOperations.GetVideoInfos,
        ["GetVideoList"] = LibraryOperations.GetVideoList,
        ["UpdateVideoInfo"] = LibraryOperations.UpdateVideoInfo,
        ["DeleteVideo"] = LibraryOperations.DeleteVideo,
        ["GetMezzanineInfo"] = LibraryOperations.GetMezzanineInfo,
        ["SearchMedia"] = SearchOperations.SearchMedia,
        ["GetPlayInfo"] = PlaybackOperations.GetPlayInfo,
        ["GetVideoPlayAuth"] = PlaybackOperations.GetVideoPlayAuth,
        ["SubmitTranscodeJobs"] = ProcessingOperations.SubmitTranscodeJobs,
        ["SubmitSnapshotJob"] = ProcessingOperations.SubmitSnapshotJob,
        ["ListSnapshots"] = ProcessingOperations.ListSnapshots,
        ["SetMessageCallback"] = static context => context.Store.Events!.Set(context.Parameters),
        ["GetMessageCallback"] = static context => context.Store.Events!.Get(),
        ["DeleteMessageCallback"] = static context => context.Store.Events!.Delete(),
    };

    private readonly VodEmulatorOptions _options;
    private readonly EmulatorSpecCatalog _specs;
    private readonly SignatureChecker _signatures;
    private readonly NonceCache _nonces = new();
    private readonly QpsWindow _qps = new();
    private readonly InjectedErrors _injected = new();
    private readonly Dictionary<string, string> _accounts;

    public GatewayPipeline(VodEmulatorOptions options, EmulatorSpecCatalog specs, MediaStore store, EmulatorRequestLog log, FaultInjector faults)
    {
        _options = options;
        _specs = specs;
        _signatures = new SignatureChecker(options.Credentials);
        _accounts = options.Credentials.ToDictionary(c => c.AccessKeyId, c => c.AccountId, StringComparer.Ordinal);
        Store = store;
        Log = log;
        Faults = faults;
    }

    public MediaStore Store { get; }

    /// <summary>The gateway's signature checks, which the identity front's AssumeRole shares.</summary>
    internal SignatureChecker Signatures => _signatures;

    public EmulatorRequestLog Log { get; }

    public FaultInjector Faults { get; }

    public void Inject(EmulatorOperation operation, GatewayError error, int times) => _injected.Add(operation.Action, error, times);

    public async Task HandleAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString("D").ToUpperInvariant();
        var request = await EmulatorRequest.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        var format = ResponseWriter.Choose(request);
        var clock = _options.TimeProvider;

        var latency = Faults.Faults.Latency;
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, clock, context.RequestAborted).ConfigureAwait(false);
        }

        var fault = Faults.Draw();
        if (fault != FaultKind.None)
        {
            Record(clock.GetUtcNow(), null, request, fault is FaultKind.DropConnection ? 200 : fault is FaultKind.GatewayPage ? 502 : FaultInjector.AsError(fault)!.Status, "Fault." + fault, requestId);
            switch (fault)
            {
                case FaultKind.DropConnection:
                    await FaultInjector.DropConnectionAsync(context).ConfigureAwait(false);
                    return;
                case FaultKind.GatewayPage:
                    await FaultInjector.GatewayPageAsync(context).ConfigureAwait(false);
                    return;
                default:
                    await ResponseWriter.WriteErrorAsync(context, format, requestId, FaultInjector.AsError(fault)!).ConfigureAwait(false);
                    return;
            }
        }

        var now = clock.GetUtcNow();
        var error = _signatures.Check(request, now, out var caller);
        EmulatorOperation? operation = null;
        if (error is null && !_nonces.TryUse(caller!.AccessKeyId, caller.Nonce, now))
        {
            error = GatewayError.NonceUsed();
        }

        if (error is null && (!_specs.Operations.TryGetValue(caller!.Action, out operation) || operation.Version != caller.Version))
        {
            error = GatewayError.UnknownAction();
        }

        if (error is null && _options.EnforceQps && Limit(operation!) is { } limit && _qps.TryAdmit(_accounts.GetValueOrDefault(caller!.AccessKeyId, EmulatorCredential.DefaultAccountId), caller.Action, limit, now) is { } wait)
        {
            error = GatewayError.UserThrottled(wait);
        }

        error ??= ParameterValidator.Check(operation!, request.Parameters);

        error ??= _injected.Take(operation!.Action);
        OperationResult result = error ?? Run(operation!, request, now);
        if (result.Error is { } failure)
        {
            Record(now, caller, request, failure.Status, failure.Code, requestId);
            await ResponseWriter.WriteErrorAsync(context, format, requestId, failure).ConfigureAwait(false);
            return;
        }

        // Recorded at the instant the checks ran (the rate window admitted it then), not when the answer was ready:
        // on a loaded machine the two differ, and the log would show calls bunched that were admitted apart.
        Record(now, caller, request, 200, "OK", requestId);
        await ResponseWriter.WriteSuccessAsync(context, format, caller!.Action, requestId, result.Body!).ConfigureAwait(false);
    }

    private int? Limit(EmulatorOperation operation)
        => _options.QpsOverrides.TryGetValue(operation.Action, out var overridden) ? overridden : operation.QpsFor(_options.RegionId);

    private OperationResult Run(EmulatorOperation operation, EmulatorRequest request, DateTimeOffset now)
        => Behaviours.TryGetValue(operation.Action, out var behaviour)
            ? behaviour(new OperationContext(request.Parameters, Store, _options.RegionId, now))
            : SampleResponder.Answer(operation);

    private static string NonceOf(EmulatorRequest request)
        => request.Parameters.GetValueOrDefault("SignatureNonce") ?? request.Header("x-acs-signature-nonce");

    // What a caller sent is kept only in part: a record's size must not depend on the request's (the log holds
    // up to its capacity of them, whoever sends what).
    private void Record(DateTimeOffset time, CallerIdentity? caller, EmulatorRequest request, int status, string outcome, string requestId)
        => Log.Add(new EmulatorRequestRecord(
            time,
            Bounded(caller?.Action ?? request.Parameters.GetValueOrDefault("Action") ?? request.Header("x-acs-action")),
            Bounded(caller?.AccessKeyId ?? string.Empty),
            caller?.SignatureVersion ?? string.Empty,
            Bounded(caller?.Nonce ?? NonceOf(request)),
            status,
            outcome,
            requestId));

    /// <summary>The most characters of a caller's text a log record keeps.</summary>
    internal const int RecordedTextLength = 48;

    private static string Bounded(string? text)
        => text is null ? string.Empty : text.Length <= RecordedTextLength ? text : string.Concat(text.AsSpan(0, RecordedTextLength), "…");
}
