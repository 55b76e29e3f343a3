using System;
using System.Net;
using System.Text;
using System.Text.Json;

namespace VodGen.Transport;

/// <summary>Reads a finished HTTP answer: the typed response on success, the right exception otherwise.</summary>
internal static class VodResponseReader
{
    private const int ExcerptLength = 200;

    public static TResponse ReadSuccess<TRequest, TResponse>(VodOperation<TRequest, TResponse> operation, HttpStatusCode status, ReadOnlySpan<byte> body)
        where TRequest : class
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read())
            {
                throw new VodProtocolException($"{operation.Info.Action} answered HTTP {(int)status} with an empty body.", status);
            }

            return operation.ReadResponse(ref reader);
        }
        catch (JsonException exception)
        {
            throw new VodProtocolException(
                $"{operation.Info.Action} answered HTTP {(int)status} with a body that is not valid JSON ({exception.Message}): {Excerpt(body)}",
                status,
                innerException: exception);
        }
    }

    public static VodException ReadError(string action, HttpStatusCode status, string? reason, ReadOnlySpan<byte> body, TimeSpan? retryAfter = null)
    {
        if (TryReadErrorDocument(body, out var code, out var message, out var requestId, out var hostId, out var recommend))
        {
            return new VodServiceException(status, code, message, requestId, hostId, recommend, retryAfter);
        }

        var what = body.IsEmpty ? "an empty body" : "a body that is not an error document: " + Excerpt(body);
        return new VodProtocolException($"{action} failed with HTTP {(int)status} {reason} and {what}", status);
    }

    private static bool TryReadErrorDocument(ReadOnlySpan<byte> body, out string code, out string? message, out string? requestId, out string? hostId, out string? recommend)
    {
        code = string.Empty;
        message = requestId = hostId = recommend = null;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.ValueSpan;
                var isCode = name.SequenceEqual("Code"u8);
                var isMessage = name.SequenceEqual("Message"u8);
                var isRequestId = name.SequenceEqual("RequestId"u8);
                var isHostId = name.SequenceEqual("HostId"u8);
                var isRecommend = name.SequenceEqual("Recommend"u8);
                reader.Read();
                if (reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                    continue;
                }

                var value = reader.GetString();
                if (isCode)
                {
                    code = value ?? string.Empty;
                }
                else if (isMessage)
                {
                    message = value;
                }
                else if (isRequestId)
                {
                    requestId = value;
                }
                else if (isHostId)
                {
                    hostId = value;
                }
                else if (isRecommend)
                {
                    recommend = value;
                }
            }

            return code.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The <c>x-acs-retry-after</c> header (milliseconds), when present and sensible.</summary>
    public static TimeSpan? RetryAfter(System.Net.Http.HttpResponseMessage response)
        => response.Headers.TryGetValues("x-acs-retry-after", out var values)
            && long.TryParse(System.Linq.Enumerable.FirstOrDefault(values), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var milliseconds)
            && milliseconds <= 3_600_000
                ? TimeSpan.FromMilliseconds(milliseconds)
                : null;

    // A short, single-line excerpt of a body that could not be understood, for the exception message.
    internal static string Excerpt(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, ExcerptLength * 4)]);
        var builder = new StringBuilder(Math.Min(text.Length, ExcerptLength) + 1);
        var lastWasSpace = false;
        foreach (var c in text)
        {
            if (builder.Length >= ExcerptLength)
            {
                builder.Append('…');
                break;
            }

            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace && lastWasSpace)
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }

        return builder.ToString().Trim();
    }
}
