using System.Text;
using System.Text.Json.Nodes;
using System.Xml;
using Microsoft.AspNetCore.Http;
using VodGen.Emulator.Gateway;

namespace VodGen.Emulator.Responses;

/// <summary>
/// Writes answers in the format the caller asked for: JSON when <c>Format=JSON</c> (or, without Format, when
/// <c>Accept</c> names JSON), XML otherwise, as the service defaults to XML.
/// </summary>
internal static class ResponseWriter
{
    public static ResponseFormat Choose(EmulatorRequest request)
    {
        if (request.Parameters.TryGetValue("Format", out var format))
        {
            return string.Equals(format, "JSON", StringComparison.OrdinalIgnoreCase) ? ResponseFormat.Json : ResponseFormat.Xml;
        }

        return request.Header("Accept").Contains("application/json", StringComparison.OrdinalIgnoreCase) ? ResponseFormat.Json : ResponseFormat.Xml;
    }

    public static Task WriteSuccessAsync(HttpContext context, ResponseFormat format, string action, string requestId, JsonObject body)
    {
        var document = new JsonObject { ["RequestId"] = requestId };
        foreach (var (name, value) in body)
        {
            document[name] = value?.DeepClone();
        }

        return WriteAsync(context, 200, format, action + "Response", document);
    }

    public static Task WriteErrorAsync(HttpContext context, ResponseFormat format, string requestId, GatewayError error)
    {
        if (error.RetryAfterMilliseconds is { } wait)
        {
            context.Response.Headers["x-acs-retry-after"] = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var document = new JsonObject
        {
            ["RequestId"] = requestId,
            ["HostId"] = context.Request.Host.Value,
            ["Code"] = error.Code,
            ["Message"] = error.Message,

            // The service links each error to its diagnosis page; the emulator's link names its own address.
            ["Recommend"] = $"{context.Request.Scheme}://{context.Request.Host.Value}/troubleshoot?q={Uri.EscapeDataString(error.Code)}&product=Vod&requestId={requestId}",
        };
        return WriteAsync(context, error.Status, format, "Error", document);
    }

    private static async Task WriteAsync(HttpContext context, int status, ResponseFormat format, string root, JsonObject document)
    {
        context.Response.StatusCode = status;
        byte[] bytes;
        if (format == ResponseFormat.Json)
        {
            context.Response.ContentType = "application/json;charset=utf-8";
            bytes = Encoding.UTF8.GetBytes(document.ToJsonString());
        }
        else
        {
            context.Response.ContentType = "text/xml;charset=utf-8";
            bytes = ToXml(root, document);
        }

        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted).ConfigureAwait(false);
    }

    private static byte[] ToXml(string root, JsonObject document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(root);
            WriteMembers(writer, document);
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    private static void WriteMembers(XmlWriter writer, JsonObject node)
    {
        foreach (var (name, value) in node)
        {
            if (value is JsonArray array)
            {
                // Arrays repeat their element, as the service's XML does.
                foreach (var item in array)
                {
                    WriteElement(writer, name, item);
                }
            }
            else
            {
                WriteElement(writer, name, value);
            }
        }
    }

    private static void WriteElement(XmlWriter writer, string name, JsonNode? value)
    {
        writer.WriteStartElement(XmlConvert.EncodeLocalName(name));
        if (value is JsonObject child)
        {
            WriteMembers(writer, child);
        }
        else if (value is not null)
        {
            writer.WriteString(value.ToString());
        }

        writer.WriteEndElement();
    }
}
