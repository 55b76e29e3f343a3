using System;
using System.Globalization;
using System.Text.Json;

namespace VodGen.Credentials;

/// <summary>
/// Reads the JSON answers that carry a temporary credential (ECS metadata, credentials URI, STS): <c>AccessKeyId</c>,
/// <c>AccessKeySecret</c>, <c>SecurityToken</c> and <c>Expiration</c> (<c>yyyy-MM-ddTHH:mm:ssZ</c>). Errors say what is
/// missing or wrong, never a value.
/// </summary>
internal static class CredentialAnswer
{
    /// <param name="body">The answer.</param>
    /// <param name="source">The source, for errors.</param>
    /// <param name="container">The object holding the fields (STS: <c>Credentials</c>), or null for the top level.</param>
    /// <param name="codeRequired">Whether a <c>Code</c> of <c>Success</c> must be present (ECS); otherwise one that is present must be <c>Success</c>.</param>
    public static VodTemporaryCredentials Read(ReadOnlySpan<byte> body, string source, string? container, bool codeRequired)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Fail(source, "the answer is not a JSON object");
            }

            var code = JsonText.Of(root, "Code");
            if ((codeRequired || code is not null) && code != "Success")
            {
                throw Fail(source, code is null ? "the answer has no Code" : $"the answer's Code is '{Shorten(code)}'{(JsonText.Of(root, "Message") is { } message ? $" ({Shorten(message)})" : string.Empty)}, not Success");
            }

            var fields = root;
            if (container is not null && (!root.TryGetProperty(container, out fields) || fields.ValueKind != JsonValueKind.Object))
            {
                throw Fail(source, $"the answer has no {container} object");
            }

            var id = Required(fields, "AccessKeyId", source);
            var secret = Required(fields, "AccessKeySecret", source);
            var token = Required(fields, "SecurityToken", source);
            var expirationText = Required(fields, "Expiration", source);
            if (!DateTimeOffset.TryParseExact(expirationText, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expiration)
                && !DateTimeOffset.TryParse(expirationText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out expiration))
            {
                throw Fail(source, $"the answer's Expiration '{Shorten(expirationText)}' is not a UTC time (yyyy-MM-ddTHH:mm:ssZ)");
            }

            try
            {
                return new VodTemporaryCredentials(new VodCredentials(id, secret, token), expiration);
            }
            catch (ArgumentException exception)
            {
                throw Fail(source, "the answer's credentials cannot be used: " + exception.Message.Split(" (Parameter", 2)[0]);
            }
        }
        catch (JsonException exception)
        {
            throw Fail(source, $"the answer is not valid JSON (byte {exception.BytePositionInLine})");
        }
    }

    private static string Required(JsonElement element, string name, string source)
        => JsonText.Of(element, name) is { Length: > 0 } value ? value : throw Fail(source, $"the answer has no {name}");


    private static VodCredentialsException Fail(string source, string reason) => new(source, $"No credentials from {source}: {reason}.");

    private static string Shorten(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
