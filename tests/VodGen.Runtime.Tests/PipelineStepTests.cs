using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VodGen.Pipeline;
using VodGen.Pipeline.Steps;
using VodGen.GeneratedCode;

namespace VodGen.Runtime.Tests;

/// <summary>Each pipeline step on its own, on a fake clock, with a message of the Echo operation.</summary>
public class PipelineStepTests
{
    private static readonly FakeTimeProvider Clock = new(DateTimeOffset.Parse("2026-12-06T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private static readonly VodEndpointTable Endpoints = new("vod", [new("cn-shanghai", "vod.cn-shanghai.aliyuncs.com")]);

    private static VodMessage<EchoRequest, EchoResponse> Message(bool idempotent = true, CancellationToken cancellationToken = default)
        => new(new EchoOperation(idempotent: idempotent, endpoints: Endpoints), new EchoRequest("x"), cancellationToken);

    [Fact]
    public void The_steps_of_an_attempt_run_in_the_documented_order()
    {
        using var pipeline = new VodPipeline(new VodClientOptions { Credentials = new StaticCredentialsProvider("key", "secret") }, new HttpClient());

        Assert.Equal(
            ["EndpointStep", "CredentialsStep", "ThrottlingStep", "SigningStep", "AnswerStep", "TimeoutStep", "RedirectGuardStep"],
            pipeline.Steps.ToArray().Select(s => s.GetType().Name));
    }

    [Fact]
    public async Task The_endpoint_step_uses_the_configured_endpoint_or_the_spec_host_and_refuses_an_unlisted_region()
    {
        var configured = Message();
        await new EndpointStep("cn-shanghai", new Uri("http://127.0.0.1:5080/"), false).OnSendingAsync(configured);
        Assert.Equal("http://127.0.0.1:5080/", configured.BaseUri);

        var listed = Message();
        await new EndpointStep("cn-shanghai", null, false).OnSendingAsync(listed);
        Assert.Equal("https://vod.cn-shanghai.aliyuncs.com/", listed.BaseUri);

        var error = await Assert.ThrowsAsync<VodRegionNotListedException>(async () => await new EndpointStep("cn-shangai", null, false).OnSendingAsync(Message()));
        Assert.Contains("cn-shanghai", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_credentials_step_refuses_a_provider_that_returns_null_naming_it()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await new CredentialsStep(new NullProvider()).OnSendingAsync(Message()));

        Assert.Contains("NullProvider returned null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeout_step_turns_its_own_expiry_into_a_timeout_but_not_the_callers_cancellation()
    {
        var step = new TimeoutStep(TimeSpan.FromSeconds(30));
        var timedOut = Message();
        await step.OnSendingAsync(timedOut);
        timedOut.Timeout!.Cancel();
        var mapped = step.OnFailed(timedOut, new TaskCanceledException());
        Assert.IsType<TimeoutException>(mapped);
        Assert.Contains("within 30 s", mapped.Message, StringComparison.Ordinal);

        using var caller = new CancellationTokenSource();
        var cancelled = Message(cancellationToken: caller.Token);
        await step.OnSendingAsync(cancelled);
        caller.Cancel();
        var original = new TaskCanceledException();
        Assert.Same(original, step.OnFailed(cancelled, original));
        cancelled.EndAttempt();
        timedOut.EndAttempt();
    }

    [Fact]
    public async Task The_redirect_guard_refuses_a_redirect_and_an_answer_from_another_address()
    {
        var step = new RedirectGuardStep();
        var redirected = Message();
        redirected.Request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:5080/");
        await step.OnSendingAsync(redirected);
        redirected.Response = new HttpResponseMessage(HttpStatusCode.Found) { RequestMessage = redirected.Request };
        Assert.Throws<VodProtocolException>(() => step.OnResponseHeaders(redirected));

        // A handler that follows redirects rewrites the request's own address: the guard compares with what was signed.
        var followed = Message();
        followed.Request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:5080/");
        await step.OnSendingAsync(followed);
        followed.Request.RequestUri = new Uri("http://127.0.0.1:5081/");
        followed.Response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = followed.Request };
        Assert.Throws<VodProtocolException>(() => step.OnResponseHeaders(followed));

        var direct = Message();
        direct.Request = new HttpRequestMessage(HttpMethod.Post, "http://127.0.0.1:5080/");
        await step.OnSendingAsync(direct);
        direct.Response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = direct.Request };
        step.OnResponseHeaders(direct);
    }

    [Fact]
    public void The_answer_step_makes_a_lost_answer_of_a_creating_call_an_unknown_outcome_and_nothing_else()
    {
        var step = new AnswerStep(VodSignatureVersion.V3, Clock, NullLogger.Instance);
        var lost = new HttpRequestException(HttpRequestError.ResponseEnded, "ended");
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused");

        Assert.IsType<VodOutcomeUnknownException>(step.OnFailed(Message(idempotent: false), lost));
        Assert.IsType<VodOutcomeUnknownException>(step.OnFailed(Message(idempotent: false), new TimeoutException()));
        Assert.Same(refused, step.OnFailed(Message(idempotent: false), refused));
        Assert.Same(lost, step.OnFailed(Message(idempotent: true), lost));
    }

    [Fact]
    public void The_answer_step_reads_a_success_and_maps_an_error_answer()
    {
        var step = new AnswerStep(VodSignatureVersion.V3, Clock, NullLogger.Instance);
        var ok = Answered(ScriptedHandler.Ok());
        step.OnResponse(ok);
        Assert.Equal("r-ok", ok.Result.RequestId);

        var error = Assert.Throws<VodServiceException>(() => step.OnResponse(Answered(ScriptedHandler.Error(HttpStatusCode.NotFound, "InvalidVideo.NotFound"))));
        Assert.Equal("InvalidVideo.NotFound", error.Code);
    }

    private static VodMessage<EchoRequest, EchoResponse> Answered(HttpResponseMessage response)
    {
        var message = Message();
        message.Response = response;
        message.Body = Transport.VodResponseBody.ReadAsync(response, "Echo", 1 << 20, default).GetAwaiter().GetResult();
        return message;
    }

    private sealed class NullProvider : IVodCredentialsProvider
    {
        public ValueTask<VodCredentials> GetCredentialsAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<VodCredentials>(null!);
    }
}
