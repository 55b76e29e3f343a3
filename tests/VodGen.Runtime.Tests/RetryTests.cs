using System.Diagnostics;
using System.Net;
using VodGen.Transport;

namespace VodGen.Runtime.Tests;

public class RetryTests
{
    public static TheoryData<Exception, bool> Classified => new()
    {
        { new VodServiceException(HttpStatusCode.BadRequest, "Throttling.User", null, null, null, null), true },
        { new VodServiceException(HttpStatusCode.ServiceUnavailable, "Throttling", null, null, null, null), true },
        { new VodServiceException(HttpStatusCode.BadRequest, "Throttling.Api", null, null, null, null), true },
        { new VodServiceException(HttpStatusCode.InternalServerError, "InternalError", null, null, null, null), true },
        { new VodServiceException(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", null, null, null, null), true },
        { new VodServiceException(HttpStatusCode.NotFound, "InvalidVideo.NotFound", null, null, null, null), false },
        { new VodServiceException(HttpStatusCode.BadRequest, "InvalidVideo.Damaged", null, null, null, null), false },
        { new VodServiceException(HttpStatusCode.BadRequest, "MissingParameter", null, null, null, null), false },
        { new VodServiceException(HttpStatusCode.BadRequest, "SignatureDoesNotMatch", null, null, null, null), false },
        { new VodServiceException(HttpStatusCode.BadRequest, "SignatureNonceUsed", null, null, null, null), false },
        { new VodServiceException(HttpStatusCode.Forbidden, "Forbidden", null, null, null, null), false },
        { new VodProtocolException("page", HttpStatusCode.BadGateway), true },
        { new VodProtocolException("bad json", HttpStatusCode.OK), false },
        { new VodThrottledException("A", 1, "full", null), false },
        { new TimeoutException(), true },
        { new HttpRequestException("reset"), true },
        { new IOException("truncated"), true },
        { new OperationCanceledException(), false },
        { new ArgumentException("bad"), false },
    };

    [Theory]
    [MemberData(nameof(Classified))]
    public void Only_failures_that_can_pass_later_are_retried(Exception exception, bool retryable)
        => Assert.Equal(retryable, VodFailureClassifier.Classify(exception).Retryable);

    public static TheoryData<Exception, bool> SafeToRepeat => new()
    {
        { new VodServiceException(HttpStatusCode.BadRequest, "Throttling.User", null, null, null, null), true },
        { new VodServiceException(HttpStatusCode.ServiceUnavailable, "Throttling", null, null, null, null), true },
        { new HttpRequestException(HttpRequestError.ConnectionError, "refused"), true },
        { new HttpRequestException(HttpRequestError.NameResolutionError, "no such name"), true },
        { new HttpRequestException(HttpRequestError.SecureConnectionError, "TLS refused"), true },
        { new VodServiceException(HttpStatusCode.InternalServerError, "InternalError", null, null, null, null), false },
        { new VodServiceException(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", null, null, null, null), false },
        { new VodProtocolException("page", HttpStatusCode.BadGateway), false },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "ended"), false },
        { new HttpRequestException("reset"), false },
        { new TimeoutException(), false },
        { new IOException("truncated"), false },
    };

    [Theory]
    [MemberData(nameof(SafeToRepeat))]
    public void Calls_that_create_something_are_repeated_only_when_the_service_did_not_run_them(Exception exception, bool safe)
        => Assert.Equal(safe, VodFailureClassifier.Classify(exception).SafeToRepeat);

    public static TheoryData<Exception, bool> Unknown => new()
    {
        { new HttpRequestException(HttpRequestError.ConnectionError, "refused"), false },
        { new HttpRequestException(HttpRequestError.ResponseEnded, "ended"), true },
        { new TimeoutException(), true },
        { new IOException("truncated"), true },
        { new VodServiceException(HttpStatusCode.InternalServerError, "InternalError", null, null, null, null), true },
        { new VodServiceException(HttpStatusCode.ServiceUnavailable, "Throttling.User", null, null, null, null), false },
        { new VodServiceException(HttpStatusCode.NotFound, "InvalidVideo.NotFound", null, null, null, null), false },
        { new ArgumentException("bad"), false },
    };

    [Theory]
    [MemberData(nameof(Unknown))]
    public void A_failure_after_the_request_may_have_run_leaves_its_outcome_unknown(Exception exception, bool unknown)
        => Assert.Equal(unknown, VodFailureClassifier.Classify(exception).OutcomeUnknown);

    [Theory]
    [InlineData(500, "InternalError", true, false, true)]
    [InlineData(200, "InternalError", true, false, true)] // an error document sent with a 200
    [InlineData(503, "Throttling", true, true, false)]
    [InlineData(403, "AccessDenied", false, false, false)]
    [InlineData(400, "RequestTimeout", true, false, true)]
    public void Error_answers_of_the_api_and_the_storage_are_classified_by_status_and_code(int status, string code, bool retryable, bool safe, bool unknown)
        => Assert.Equal(new VodFailure(retryable, safe, unknown, code), VodFailureClassifier.Answer(status, code));

    [Fact]
    public async Task Retry_options_changed_after_the_client_is_built_change_nothing()
    {
        // The service asks for 5 s; a client whose MaxDelay is shorter fails at once rather than retry sooner.
        var handler = new ScriptedHandler(_ => ScriptedHandler.Error(HttpStatusCode.ServiceUnavailable, "Throttling.User", retryAfterMs: 5000));
        VodClientOptions? options = null;
        using var client = TestClients.Create(handler, o =>
        {
            o.Retry.MaxDelay = TimeSpan.FromSeconds(1);
            options = o;
        });

        // Read live, this would make the client wait the 5 s and try again, three times.
        options!.Retry.MaxDelay = TimeSpan.FromMinutes(1);
        options.Retry.MaxRetryAttempts = 10;
        var error = await Assert.ThrowsAsync<VodServiceException>(() => client.SendAsync(new EchoOperation(), new EchoRequest("x")));

        Assert.Equal("Throttling.User", error.Code);
        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task A_creating_call_is_not_repeated_after_a_server_error_or_a_lost_answer()
    {
        var serverError = new ScriptedHandler(_ => ScriptedHandler.Error(HttpStatusCode.InternalServerError, "InternalError"));
        var lostAnswer = new ScriptedHandler(_ => throw new HttpRequestException(HttpRequestError.ResponseEnded, "the connection closed mid-answer"));
        using var first = TestClients.Create(serverError);
        using var second = TestClients.Create(lostAnswer);

        await Assert.ThrowsAsync<VodServiceException>(() => first.SendAsync(new EchoOperation(idempotent: false), new EchoRequest("x")));
        var lost = await Assert.ThrowsAsync<VodOutcomeUnknownException>(() => second.SendAsync(new EchoOperation(idempotent: false), new EchoRequest("x")));
        Assert.IsType<HttpRequestException>(lost.InnerException);

        Assert.Equal((1, 1), (serverError.Count, lostAnswer.Count));
    }

    [Fact]
    public async Task A_creating_call_is_repeated_after_throttling_and_a_refused_connection()
    {
        var handler = new ScriptedHandler(attempt => attempt switch
        {
            1 => ScriptedHandler.Error(HttpStatusCode.BadRequest, "Throttling.User"),
            2 => throw new HttpRequestException(HttpRequestError.ConnectionError, "connection refused"),
            _ => ScriptedHandler.Ok(),
        });
        using var client = TestClients.Create(handler);

        var response = await client.SendAsync(new EchoOperation(idempotent: false), new EchoRequest("x"));

        Assert.Equal(("r-ok", 3), (response.RequestId, handler.Count));
    }

    [Theory]
    [InlineData(VodSignatureVersion.V1)]
    [InlineData(VodSignatureVersion.V3)]
    public async Task Transient_failures_are_retried_and_every_attempt_is_signed_anew(VodSignatureVersion version)
    {
        var handler = new ScriptedHandler(attempt => attempt switch
        {
            1 => ScriptedHandler.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"),
            2 => ScriptedHandler.Error(HttpStatusCode.BadRequest, "Throttling.User"),
            _ => ScriptedHandler.Ok(),
        });
        using var client = TestClients.Create(handler, version: version);

        var response = await client.SendAsync(new EchoOperation(), new EchoRequest("x"));

        Assert.Equal("r-ok", response.RequestId);
        Assert.Equal(3, handler.Count);
        Assert.Equal(3, handler.Seen.Select(s => s.Nonce).Distinct().Count());
        Assert.Equal(3, handler.Seen.Select(s => s.Signature).Distinct().Count());
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Error(HttpStatusCode.NotFound, "InvalidVideo.NotFound"));
        using var client = TestClients.Create(handler);

        await Assert.ThrowsAsync<VodServiceException>(() => client.SendAsync(new EchoOperation(), new EchoRequest("x")));

        Assert.Equal(1, handler.Count);
    }

    [Fact]
    public async Task Attempts_are_bounded_and_the_last_error_surfaces()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Error(HttpStatusCode.InternalServerError, "InternalError"));
        using var client = TestClients.Create(handler, o => o.Retry.MaxRetryAttempts = 4);

        var error = await Assert.ThrowsAsync<VodServiceException>(() => client.SendAsync(new EchoOperation(), new EchoRequest("x")));

        Assert.Equal("InternalError", error.Code);
        Assert.Equal(5, handler.Count);
    }

    [Fact]
    public async Task Retry_after_hint_from_the_service_sets_the_wait()
    {
        var handler = new ScriptedHandler(attempt => attempt == 1 ? ScriptedHandler.Error(HttpStatusCode.BadRequest, "Throttling.User", retryAfterMs: 300) : ScriptedHandler.Ok());
        using var client = TestClients.Create(handler);
        var watch = Stopwatch.StartNew();

        await client.SendAsync(new EchoOperation(), new EchoRequest("x"));

        var seen = handler.Seen.ToArray();
        Assert.Equal(2, seen.Length);
        Assert.True(seen[1].Time - seen[0].Time >= TimeSpan.FromMilliseconds(280), $"waited {(seen[1].Time - seen[0].Time).TotalMilliseconds} ms");
    }

    [Fact]
    public void Service_exception_reads_the_retry_after_header()
    {
        using var response = ScriptedHandler.Error(HttpStatusCode.BadRequest, "Throttling.User", retryAfterMs: 1500);

        Assert.Equal(TimeSpan.FromMilliseconds(1500), VodResponseReader.RetryAfter(response));
    }

    [Fact]
    public async Task Retries_can_be_turned_off()
    {
        var handler = new ScriptedHandler(_ => ScriptedHandler.Error(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable"));
        using var client = TestClients.Create(handler, o => o.Retry.MaxRetryAttempts = 0);

        await Assert.ThrowsAsync<VodServiceException>(() => client.SendAsync(new EchoOperation(), new EchoRequest("x")));

        Assert.Equal(1, handler.Count);
    }
}
