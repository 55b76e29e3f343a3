using System.Globalization;
using System.Security;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using VodGen.Emulator.Gateway;

namespace VodGen.Emulator.Queues;

/// <summary>
/// The MNS REST front of <see cref="EmulatorQueues"/>: <c>GET /queues/{name}/messages?waitseconds=&amp;numOfMessages=</c>
/// (ReceiveMessage, BatchReceiveMessage) and <c>DELETE /queues/{name}/messages?ReceiptHandle=</c> (DeleteMessage), with
/// MNS's signature (<c>Authorization: MNS id:signature</c>, HMAC-SHA1), <c>x-mns-version: 2015-06-06</c>, a <c>Date</c>
/// within 15 minutes and <c>security-token</c> for STS keys; answers and errors in MNS's XML.
/// </summary>
internal sealed class MnsFront(EmulatorQueues queues, SignatureChecker keys, TimeProvider clock)
{
    public const string Prefix = "/queues";
    private const string Namespace = "http://mns.aliyuncs.com/doc/v1/";
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);

    public static bool Handles(HttpRequest request) => request.Path.StartsWithSegments(Prefix, StringComparison.Ordinal);

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var requestId = Guid.NewGuid().ToString("N")[..24].ToUpperInvariant();
        context.Response.Headers["x-mns-request-id"] = requestId;
        var segments = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not ["queues", var name, "messages"])
        {
            await ErrorAsync(context, 404, "InvalidRequestURL", "The request URL is not a queue's messages.", requestId);
            return;
        }

        if (Authenticate(request) is { } refused)
        {
            await ErrorAsync(context, refused.Status, refused.Code, refused.Message, requestId);
            return;
        }

        if (queues.TakeFault() is { } fault)
        {
            await ErrorAsync(context, fault.Status, fault.Code, "Injected by the emulator.", requestId);
            return;
        }

        if (queues.Find(name) is not { } queue)
        {
            await ErrorAsync(context, 404, "QueueNotExist", "The queue name you provided is not exist.", requestId);
            return;
        }

        switch (request.Method)
        {
            case "GET":
                await ReceiveAsync(context, queue, requestId);
                return;
            case "DELETE":
                var handle = request.Query["ReceiptHandle"].ToString();
                if (handle.Length == 0)
                {
                    await ErrorAsync(context, 400, "ReceiptHandleError", "The receipt handle you provided is not valid.", requestId);
                }
                else if (!queues.Delete(name, queue, handle))
                {
                    // The handle of an earlier receive, or the message came back (its visibility timeout passed) or went.
                    await ErrorAsync(context, 404, "MessageNotExist", "Message not exist.", requestId);
                }
                else
                {
                    queues.Record(new EmulatorQueueRequest("DELETE", name, 204, null));
                    context.Response.StatusCode = 204;
                }

                return;
            default:
                await ErrorAsync(context, 405, "InvalidMethod", "The queue front answers GET and DELETE only.", requestId);
                return;
        }
    }

    private async Task ReceiveAsync(HttpContext context, EmulatorQueues.Queue queue, string requestId)
    {
        var query = context.Request.Query;
        if (!Integer(query["waitseconds"], 0, 0, 30, out var wait) || !Integer(query["numOfMessages"], 1, 1, 16, out var count))
        {
            await ErrorAsync(context, 400, "InvalidArgument", "waitseconds must be 0 to 30 and numOfMessages 1 to 16.", requestId);
            return;
        }

        IReadOnlyList<ReceivedMessage> messages;
        try
        {
            messages = await queues.ReceiveAsync(queue, count, TimeSpan.FromSeconds(wait), context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return; // the caller gave up its long poll
        }

        if (messages.Count == 0)
        {
            await ErrorAsync(context, 404, "MessageNotExist", "Message not exist.", requestId);
            return;
        }

        var batch = query.ContainsKey("numOfMessages");
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        xml.Append(batch ? $"<Messages xmlns=\"{Namespace}\">" : string.Empty);
        foreach (var m in messages)
        {
            xml.Append(batch ? "<Message>" : $"<Message xmlns=\"{Namespace}\">")
                .Append("<MessageId>").Append(m.MessageId).Append("</MessageId>")
                .Append("<ReceiptHandle>").Append(m.ReceiptHandle).Append("</ReceiptHandle>")
                .Append("<MessageBodyMD5>").Append(Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(m.Body)))).Append("</MessageBodyMD5>")
                .Append("<MessageBody>").Append(SecurityElement.Escape(m.Body)).Append("</MessageBody>")
                .Append("<EnqueueTime>").Append(Millis(m.EnqueueTime)).Append("</EnqueueTime>")
                .Append("<NextVisibleTime>").Append(Millis(m.NextVisibleTime)).Append("</NextVisibleTime>")
                .Append("<FirstDequeueTime>").Append(Millis(m.FirstDequeueTime)).Append("</FirstDequeueTime>")
                .Append("<DequeueCount>").Append(m.DequeueCount.ToString(CultureInfo.InvariantCulture)).Append("</DequeueCount>")
                .Append("<Priority>8</Priority></Message>");
        }

        xml.Append(batch ? "</Messages>" : string.Empty);
        await WriteXmlAsync(context, 200, xml.ToString());
    }

    // MNS's signature: HMAC-SHA1 over VERB, Content-MD5, Content-Type, Date, the x-mns-* headers and the resource.
    private GatewayError? Authenticate(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("MNS ", StringComparison.Ordinal) || authorization.IndexOf(':', 4) is var colon && colon < 0)
        {
            return new GatewayError(403, "AccessDenied", "The request carries no MNS authorization.");
        }

        if (request.Headers["x-mns-version"].ToString() != "2015-06-06")
        {
            return new GatewayError(400, "InvalidArgument", "x-mns-version must be 2015-06-06.");
        }

        var date = request.Headers.Date.ToString();
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent))
        {
            return new GatewayError(400, "InvalidArgument", "The Date header is not an RFC 1123 date.");
        }

        if ((clock.GetUtcNow() - sent).Duration() > AllowedSkew)
        {
            return new GatewayError(403, "TimeExpired", "The http request you sent is expired.");
        }

        var keyId = authorization[4..colon];
        if (keys.Find(keyId, out var credential) is not null)
        {
            return new GatewayError(403, "InvalidAccessKeyId", "The access Id you provided is not exist or expired.");
        }

        if (credential.SecurityToken is { } token && request.Headers["security-token"].ToString() != token)
        {
            return new GatewayError(403, "InvalidAccessKeyId", "The security token does not belong to the access Id.");
        }

        var mnsHeaders = request.Headers
            .Where(h => h.Key.StartsWith("x-mns-", StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Key.ToLowerInvariant() + ":" + h.Value.ToString().Trim())
            .OrderBy(h => h, StringComparer.Ordinal);
        var stringToSign = $"{request.Method}\n{request.Headers.ContentMD5}\n{request.Headers.ContentType}\n{date}\n{string.Concat(mnsHeaders.Select(h => h + "\n"))}{request.Path}{request.QueryString}";
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(credential.AccessKeySecret), Encoding.UTF8.GetBytes(stringToSign)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization[(colon + 1)..]))
            ? null
            : new GatewayError(403, "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
    }

    private static bool Integer(Microsoft.Extensions.Primitives.StringValues text, int fallback, int min, int max, out int value)
    {
        value = fallback;
        return text.Count == 0 || (int.TryParse(text.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max);
    }

    private static string Millis(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private Task ErrorAsync(HttpContext context, int status, string code, string message, string requestId)
        => WriteXmlAsync(context, status, $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error xmlns=\"{Namespace}\"><Code>{code}</Code><Message>{SecurityElement.Escape(message)}</Message><RequestId>{requestId}</RequestId><HostId>{context.Request.Host}</HostId></Error>", code);

    private static string QueueOf(HttpRequest request) => request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, var name, ..] ? name : string.Empty;

    private Task WriteXmlAsync(HttpContext context, int status, string xml, string? code = null)
    {
        queues.Record(new EmulatorQueueRequest(context.Request.Method, QueueOf(context.Request), status, code));
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml;charset=utf-8";
        return context.Response.WriteAsync(xml, context.RequestAborted);
    }
}
