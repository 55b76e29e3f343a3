using System;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using VodGen.Security;
using VodGen.GeneratedCode;

namespace VodGen.Transport;

/// <summary>
/// Reads a finished HTTP answer: the typed response on success, the right exception otherwise. Everything taken
/// from the answer into an exception passes through the redactor, because a server may echo the secret or token.
/// </summary>
internal static class VodResponseReader
{
    private const int ExcerptLength = 200;

    // A success answer is never quoted (see Unquoted), so it needs no redactor.
    public static TResponse ReadSuccess<TRequest, TResponse>(VodOperation<TRequest, TResponse> operation, HttpStatusCode status, ReadOnlySpan<byte> body)
        where TRequest : class
    {
        var action = operation.Info.Action;
        if (!Utf8.IsValid(body))
        {
            throw new VodProtocolException($"{action} answered HTTP {(int)status} with a body that is not valid UTF-8 {Unquoted(body)}", status);
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read())
            {
                throw new VodProtocolException($"{action} answered HTTP {(int)status} with an empty body.", status);
            }

            var response = operation.ReadResponse(ref reader);

            // Anything after the document (a second value, garbage) means the answer is not what it seems.
            if (reader.Read())
            {
                throw new VodProtocolException($"{action} answered HTTP {(int)status} with more than one JSON value {Unquoted(body)}", status);
            }

            return response;
        }
        catch (JsonException exception)
        {
            throw new VodProtocolException(
                $"{action} answered HTTP {(int)status} with a body that is not valid JSON (at byte {exception.BytePositionInLine ?? 0} of line {(exception.LineNumber ?? 0) + 1}) {Unquoted(body)}",
                status);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or OverflowException)
        {
            // The generated readers check types; these mean a value the reader could not convert.
            throw new VodProtocolException($"{action} answered HTTP {(int)status} with a value that could not be read ({exception.GetType().Name}) {Unquoted(body)}", status);
        }
    }

    public static VodException ReadError(string action, HttpStatusCode status, string? reason, ReadOnlySpan<byte> body, VodSecretRedactor redactor, TimeSpan? retryAfter = null)
    {
        if (Utf8.IsValid(body) && TryReadErrorDocument(body, out var code, out var message, out var requestId, out var hostId, out var recommend))
        {
            return new VodServiceException(
                status,
                redactor.Redact(code)!,
                redactor.Redact(message),
                redactor.Redact(requestId),
                redactor.Redact(hostId),
                redactor.Redact(recommend),
                retryAfter);
        }

        var what = body.IsEmpty ? "an empty body" : "a body that is not an error document: " + Excerpt(body, redactor);
        return new VodProtocolException($"{action} failed with HTTP {(int)status} {redactor.Redact(reason)} and {what}", status);
    }

    /// <summary>The error for a 3xx answer: redirects are never followed, since they would carry the signed request elsewhere.</summary>
    public static VodProtocolException Redirected(string action, HttpStatusCode status, Uri? location, VodSecretRedactor redactor)
    {
        var where = location is null ? "no Location" : location.IsAbsoluteUri ? $"a Location on host '{redactor.Redact(location.Host)}'" : "a relative Location";
        return new VodProtocolException(
            $"{action} was answered with the redirect HTTP {(int)status} ({where}). VodGen never follows redirects, because the signed request "
            + "and security token would go to another address; check VodClientOptions.Endpoint and any proxy in between.",
            status);
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

            var seen = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var field = reader.ValueTextEquals("Code"u8) ? 1
                    : reader.ValueTextEquals("Message"u8) ? 2
                    : reader.ValueTextEquals("RequestId"u8) ? 3
                    : reader.ValueTextEquals("HostId"u8) ? 4
                    : reader.ValueTextEquals("Recommend"u8) ? 5
                    : 0;
                reader.Read();
                if (field != 0)
                {
                    // A field given twice makes the error ambiguous: treat the answer as not understood.
                    if ((seen & (1 << field)) != 0)
                    {
                        return false;
                    }

                    seen |= 1 << field;
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    reader.Skip();
                    continue;
                }

                var value = reader.GetString();
                switch (field)
                {
                    case 1: code = value ?? string.Empty; break;
                    case 2: message = value; break;
                    case 3: requestId = value; break;
                    case 4: hostId = value; break;
                    case 5: recommend = value; break;
                }
            }

            // Trailing data after the document: not an error document the reader can trust.
            return code.Length > 0 && !reader.Read();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
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

    // A success answer is never quoted: its fields may be secrets the redactor cannot know (UploadAuth is Base64 of
    // an upload credential, keys of callbacks and playback), so only its size is told.
    private static string Unquoted(ReadOnlySpan<byte> body)
        => $"({body.Length} bytes; a success answer is not quoted, since it may hold credentials)";

    // A short, single-line excerpt of a body that could not be understood, for the exception message, secrets masked.
    internal static string Excerpt(ReadOnlySpan<byte> body, VodSecretRedactor redactor)
    {
        // Decoded in full before cutting, so a secret that would straddle the cut is still found and masked.
        var text = redactor.Redact(Encoding.UTF8.GetString(body[..Math.Min(body.Length, 64 * 1024)]))!;
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
