using System.Net;
using System.Text;
using VodGen.Server.Queues;

namespace VodGen.Server.Tests;

/// <summary>The MNS client's requests, answers it reads and failures it reports, without a server (a handler answers).</summary>
public class MnsQueueTests
{
    private static readonly Uri Endpoint = new("https://1000000000000000.mns.cn-shanghai.aliyuncs.com/");

    [Fact]
    public async Task A_receive_is_signed_as_MNS_requires_and_carries_the_security_token()
    {
        HttpRequestMessage? sent = null;
        using var queue = Queue(request => { sent = request; return Answer(HttpStatusCode.NotFound, Error("MessageNotExist")); }, token: "token-1");

        Assert.Empty(await queue.ReceiveAsync(16, TimeSpan.FromSeconds(10)));

        Assert.Equal("https://1000000000000000.mns.cn-shanghai.aliyuncs.com/queues/vod-events/messages?numOfMessages=16&waitseconds=10", sent!.RequestUri!.ToString());
        var date = sent.Headers.GetValues("Date").Single();
        var expected = VodMnsQueue.Sign("secret-1", "GET", date, "/queues/vod-events/messages?numOfMessages=16&waitseconds=10");
        Assert.Equal("MNS id-1:" + expected, sent.Headers.GetValues("Authorization").Single());
        Assert.Equal(["2015-06-06"], sent.Headers.GetValues("x-mns-version"));
        Assert.Equal(["token-1"], sent.Headers.GetValues("security-token"));
    }

    [Fact]
    public void The_signature_is_HMAC_SHA1_over_verb_headers_and_resource()
    {
        // Computed independently: base64(HMAC-SHA1("secret", "GET\n\n\nThu, 17 Mar 2016 02:00:00 GMT\nx-mns-version:2015-06-06\n/queues/q/messages")).
        using var hmac = new System.Security.Cryptography.HMACSHA1(Encoding.UTF8.GetBytes("secret"));
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes("GET\n\n\nThu, 17 Mar 2016 02:00:00 GMT\nx-mns-version:2015-06-06\n/queues/q/messages")));
        Assert.Equal(expected, VodMnsQueue.Sign("secret", "GET", "Thu, 17 Mar 2016 02:00:00 GMT", "/queues/q/messages"));
    }

    [Fact]
    public async Task A_batch_is_read_with_escaped_bodies_and_Base64_bodies_decoded()
    {
        var json = "{\"EventType\":\"FileUploadComplete\",\"VideoId\":\"v<1>\",\"Size\":5}";
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Messages xmlns=\"http://mns.aliyuncs.com/doc/v1/\">"
            + Message("m1", "r1", System.Security.SecurityElement.Escape(json), 1)
            + Message("m2", "r2", Convert.ToBase64String(Encoding.UTF8.GetBytes(json)), 3)
            + "</Messages>";
        using var queue = Queue(_ => Answer(HttpStatusCode.OK, xml));

        var messages = await queue.ReceiveAsync(16, TimeSpan.Zero);

        Assert.Equal([("m1", "r1", 1), ("m2", "r2", 3)], messages.Select(m => (m.MessageId, m.ReceiptHandle, m.DequeueCount)));
        Assert.All(messages, m => Assert.Equal("v<1>", m.ReadEvent().VideoId));
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "Throttling", true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", true)]
    [InlineData(HttpStatusCode.InternalServerError, "InternalError", true)]
    [InlineData(HttpStatusCode.NotFound, "QueueNotExist", false)]
    [InlineData(HttpStatusCode.Forbidden, "SignatureDoesNotMatch", false)]
    public async Task Refusals_carry_status_code_and_whether_repeating_can_help(HttpStatusCode status, string code, bool worthRepeating)
    {
        using var queue = Queue(_ => Answer(status, Error(code)));

        var refused = await Assert.ThrowsAsync<VodMnsException>(() => queue.ReceiveAsync(1, TimeSpan.Zero));

        Assert.Equal(((int)status, code, worthRepeating, "req-1"), (refused.StatusCode, refused.Code, refused.IsWorthRepeating, refused.RequestId));
        Assert.Contains("vod-events", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-1", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_network_fault_or_a_page_that_is_not_MNS_is_a_failure_worth_repeating()
    {
        using var broken = Queue(_ => throw new HttpRequestException("Connection refused"));
        var fault = await Assert.ThrowsAsync<VodMnsException>(() => broken.ReceiveAsync(1, TimeSpan.Zero));
        Assert.Equal((0, true), (fault.StatusCode, fault.IsWorthRepeating));

        using var proxy = Queue(_ => Answer(HttpStatusCode.BadGateway, "<html>bad gateway</html>"));
        var page = await Assert.ThrowsAsync<VodMnsException>(() => proxy.ReceiveAsync(1, TimeSpan.Zero));
        Assert.Equal((502, null, true), (page.StatusCode, page.Code, page.IsWorthRepeating));
    }

    [Fact]
    public async Task A_delete_with_an_expired_handle_is_false_and_other_refusals_throw()
    {
        using var receiving = Queue(_ => Answer(HttpStatusCode.OK, Message("m1", "r 1/+", "{}", 1)));
        var message = (await receiving.ReceiveAsync(1, TimeSpan.Zero)).Single();
        HttpRequestMessage? sent = null;
        using var expired = Queue(request => { sent = request; return Answer(HttpStatusCode.NotFound, Error("MessageNotExist")); });
        Assert.False(await expired.DeleteAsync(message));
        Assert.Equal(HttpMethod.Delete, sent!.Method);
        Assert.EndsWith("/queues/vod-events/messages?ReceiptHandle=r%201%2F%2B", sent.RequestUri!.AbsoluteUri, StringComparison.Ordinal);

        using var denied = Queue(_ => Answer(HttpStatusCode.Forbidden, Error("AccessDenied")));
        Assert.Equal("AccessDenied", (await Assert.ThrowsAsync<VodMnsException>(() => denied.DeleteAsync(message))).Code);
    }

    [Theory]
    [InlineData("http://mns.example.invalid/", "q")]
    [InlineData("https://mns.example.invalid/base/", "q")]
    [InlineData("https://mns.example.invalid/", "1q")]
    [InlineData("https://mns.example.invalid/", "q_1")]
    public void Endpoints_and_queue_names_that_cannot_work_are_refused(string endpoint, string queueName)
        => Assert.Throws<ArgumentException>(() => new VodMnsQueue(new Uri(endpoint), queueName, new StaticCredentialsProvider("id", "secret")));

    private static VodMnsQueue Queue(Func<HttpRequestMessage, HttpResponseMessage> answer, string? token = null)
        => new(Endpoint, "vod-events", new StaticCredentialsProvider("id-1", "secret-1", token), new HttpClient(new Handler(answer)));

    private static HttpResponseMessage Answer(HttpStatusCode status, string xml)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(xml, Encoding.UTF8, "text/xml") };
        response.Headers.Add("x-mns-request-id", "req-1");
        return response;
    }

    private static string Error(string code)
        => $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error xmlns=\"http://mns.aliyuncs.com/doc/v1/\"><Code>{code}</Code><Message>m</Message><RequestId>req-1</RequestId></Error>";

    private static string Message(string id, string receipt, string body, int dequeueCount)
        => $"<Message><MessageId>{id}</MessageId><ReceiptHandle>{receipt}</ReceiptHandle><MessageBody>{body}</MessageBody><EnqueueTime>1250700979248</EnqueueTime><DequeueCount>{dequeueCount}</DequeueCount></Message>";

    private sealed class Handler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(answer(request));
    }
}
