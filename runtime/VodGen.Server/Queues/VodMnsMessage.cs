using System;
using System.Text;
using VodGen.Server.Events;

namespace VodGen.Server.Queues;

/// <summary>A message received from an MNS queue: VOD writes one per event.</summary>
public sealed class VodMnsMessage
{
    internal VodMnsMessage(string messageId, string receiptHandle, string body, int dequeueCount, DateTimeOffset enqueueTime)
    {
        MessageId = messageId;
        ReceiptHandle = receiptHandle;
        Body = body;
        DequeueCount = dequeueCount;
        EnqueueTime = enqueueTime;
    }

    /// <summary>The message's ID, the same at every receive.</summary>
    public string MessageId { get; }

    /// <summary>The handle of this receive: only it deletes the message, and only until the message is visible again.</summary>
    public string ReceiptHandle { get; }

    /// <summary>The body as the queue holds it.</summary>
    public string Body { get; }

    /// <summary>How many times the message was received, this time included.</summary>
    public int DequeueCount { get; }

    /// <summary>When it was written to the queue.</summary>
    public DateTimeOffset EnqueueTime { get; }

    /// <summary>
    /// The event the message carries. VOD writes the event's JSON; a body written Base64-encoded (as some MNS clients
    /// send) is decoded first.
    /// </summary>
    /// <exception cref="VodEventFormatException">The body is not an event notification.</exception>
    public VodEvent ReadEvent()
    {
        var text = Body.AsSpan().Trim();
        if (text.Length > 0 && text[0] != '{')
        {
            var decoded = new byte[text.Length * 3 / 4 + 3];
            if (!Convert.TryFromBase64Chars(text, decoded, out var written))
            {
                throw new VodEventFormatException($"The body of message {MessageId} is neither JSON nor Base64.");
            }

            return VodEventReader.Read(decoded.AsSpan(0, written));
        }

        return VodEventReader.Read(Encoding.UTF8.GetBytes(Body));
    }

    /// <inheritdoc/>
    public override string ToString() => $"VodMnsMessage {{ MessageId = {MessageId}, DequeueCount = {DequeueCount}, Body = {Body.Length} chars }}";
}
