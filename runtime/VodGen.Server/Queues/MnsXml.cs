using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Xml;

namespace VodGen.Server.Queues;

/// <summary>Reads MNS's XML answers: a <c>Message</c>, a <c>Messages</c> batch, or an <c>Error</c>. No DTDs, no external entities.</summary>
internal static class MnsXml
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true, MaxCharactersInDocument = 4 * 1024 * 1024 };

    public static IReadOnlyList<VodMnsMessage> ReadMessages(byte[] body)
    {
        var messages = new List<VodMnsMessage>();
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), Settings);
            while (reader.ReadToFollowing("Message"))
            {
                messages.Add(ReadMessage(reader.ReadSubtree()));
            }
        }
        catch (XmlException exception)
        {
            throw new VodMnsException($"MNS answered with XML that cannot be read (line {exception.LineNumber}).", 200, null, null, exception);
        }

        return messages;
    }

    public static (string? Code, string? Message, string? RequestId) ReadError(byte[] body)
    {
        try
        {
            var fields = Fields(XmlReader.Create(new MemoryStream(body), Settings));
            return (fields.GetValueOrDefault("Code"), fields.GetValueOrDefault("Message"), fields.GetValueOrDefault("RequestId"));
        }
        catch (XmlException)
        {
            return (null, null, null); // not MNS's error body (a proxy's page, say): the status speaks for itself
        }
    }

    private static VodMnsMessage ReadMessage(XmlReader subtree)
    {
        var fields = Fields(subtree);
        string Required(string name) => fields.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new VodMnsException($"An MNS message has no {name}.", 200, null, null);

        var body = fields.GetValueOrDefault("MessageBody") ?? string.Empty;
        var count = int.TryParse(fields.GetValueOrDefault("DequeueCount"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 1;
        var enqueued = long.TryParse(fields.GetValueOrDefault("EnqueueTime"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : default;
        return new VodMnsMessage(Required("MessageId"), Required("ReceiptHandle"), body, count, enqueued);
    }

    // The text of each child element of the root: MNS's answers are flat.
    private static Dictionary<string, string> Fields(XmlReader reader)
    {
        using (reader)
        {
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            reader.MoveToContent();
            var depth = reader.Depth;
            reader.Read();
            while (!reader.EOF && reader.Depth > depth)
            {
                if (reader.NodeType == XmlNodeType.Element && reader.Depth == depth + 1)
                {
                    var name = reader.LocalName;
                    fields[name] = reader.ReadElementContentAsString(); // leaves the reader on the next node
                }
                else
                {
                    reader.Read();
                }
            }

            return fields;
        }
    }
}
