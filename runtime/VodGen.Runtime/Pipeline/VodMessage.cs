using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using VodGen.Security;
using VodGen.Signing;
using VodGen.Transport;
using VodGen.GeneratedCode;

namespace VodGen.Pipeline;

/// <summary>
/// One call as it travels through the pipeline: the operation, what each step found or made for the current attempt
/// (credentials, the signed request, the answer), and what the call needs from its typed request and response.
/// </summary>
internal abstract class VodMessage
{
    protected VodMessage(VodOperationInfo operation, CancellationToken cancellationToken)
    {
        Operation = operation;
        CallCancellation = cancellationToken;
        AttemptCancellation = cancellationToken;
    }

    public VodOperationInfo Operation { get; }

    public string Action => Operation.Action;

    /// <summary>The caller's token, for the whole call.</summary>
    public CancellationToken CallCancellation { get; }

    /// <summary>The current attempt's token: the caller's, or linked to a per-attempt timeout.</summary>
    public CancellationToken AttemptCancellation { get; set; }

    /// <summary>Attempts made so far, the current one included.</summary>
    public int Attempt { get; set; }

    /// <summary>The scheme, host and port the call goes to, ending in "/", once the endpoint step has decided it.</summary>
    public string? BaseUri { get; set; }

    public VodCredentials? Credentials { get; set; }

    /// <summary>Masks the current credentials in anything taken from an answer.</summary>
    public VodSecretRedactor Redactor => VodSecretRedactor.For(Credentials);

    public HttpRequestMessage? Request { get; set; }

    /// <summary>The address the attempt was signed for (a redirect-following handler rewrites the request's own).</summary>
    public Uri? SignedFor { get; set; }

    public HttpResponseMessage? Response { get; set; }

    public VodResponseBody? Body { get; set; }

    /// <summary>The attempt's timeout, when one applies; disposed when the attempt ends.</summary>
    public CancellationTokenSource? Timeout { get; set; }

    /// <summary>When the attempt's request was signed, on the pipeline's clock.</summary>
    public long SentTimestamp { get; set; }

    /// <summary>The signed HTTP request for this attempt.</summary>
    public abstract HttpRequestMessage CreateRequest(VodRequestStamp stamp, VodSignatureVersion version, string baseUri);

    /// <summary>Reads a success answer into the typed response.</summary>
    public abstract void ReadSuccess(HttpStatusCode status, ReadOnlySpan<byte> body);

    /// <summary>Releases what the attempt held, so that the next one starts clean.</summary>
    public void EndAttempt()
    {
        Body?.Dispose();
        Response?.Dispose();
        Request?.Dispose();
        Timeout?.Dispose();
        Body = null;
        Response = null;
        Request = null;
        Timeout = null;
        SignedFor = null;
        AttemptCancellation = CallCancellation;
    }
}

/// <summary>A call of one typed operation.</summary>
internal sealed class VodMessage<TRequest, TResponse> : VodMessage
    where TRequest : class
{
    private readonly VodOperation<TRequest, TResponse> _operation;
    private readonly TRequest _request;

    public VodMessage(VodOperation<TRequest, TResponse> operation, TRequest request, CancellationToken cancellationToken)
        : base(operation.Info, cancellationToken)
    {
        _operation = operation;
        _request = request;
    }

    /// <summary>The answer, once a success was read.</summary>
    public TResponse Result { get; private set; } = default!;

    public override HttpRequestMessage CreateRequest(VodRequestStamp stamp, VodSignatureVersion version, string baseUri)
        => VodRequestFactory.Create(_operation, _request, stamp, version, baseUri);

    public override void ReadSuccess(HttpStatusCode status, ReadOnlySpan<byte> body)
        => Result = VodResponseReader.ReadSuccess(_operation, status, body);
}
