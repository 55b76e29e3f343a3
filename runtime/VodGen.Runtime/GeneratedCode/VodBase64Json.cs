using System.ComponentModel;
using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace VodGen.GeneratedCode;

/// <summary>Decodes response fields that carry a JSON document as Base64 text (such as <c>UploadAuth</c>).</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VodBase64Json
{
    /// <summary>
    /// Decodes <paramref name="value"/> and reads the JSON object inside with <paramref name="read"/>.
    /// The decoded bytes are wiped afterwards because they may hold credentials.
    /// </summary>
    /// <exception cref="VodProtocolException">The field is absent, not Base64, or not the JSON the spec describes; the message names the field.</exception>
    public static T Decode<T>(string? value, string fieldName, VodJsonItemReader<T> read)
    {
        if (value is null)
        {
            throw new VodProtocolException($"The response has no {fieldName} to decode.", jsonPath: "$." + fieldName);
        }

        var buffer = ArrayPool<byte>.Shared.Rent(((value.Length + 3) / 4 * 3) + 3);
        try
        {
            if (!Convert.TryFromBase64String(value.Trim(), buffer, out var length))
            {
                throw new VodProtocolException($"{fieldName} is not valid Base64.", jsonPath: "$." + fieldName);
            }

            try
            {
                var reader = new Utf8JsonReader(buffer.AsSpan(0, length));
                if (!reader.Read())
                {
                    throw new VodProtocolException($"{fieldName} decodes to an empty document.", jsonPath: "$." + fieldName);
                }

                return read(ref reader, fieldName, 0);
            }
            catch (InvalidOperationException)
            {
                // Text that is not valid UTF-8 (or a value of another kind) inside a well-formed document.
                throw new VodProtocolException($"{fieldName} does not hold the JSON the spec describes after Base64 decoding (a value is not valid UTF-8 text or not of its kind).", jsonPath: "$." + fieldName);
            }
            catch (JsonException exception)
            {
                // The reader's own message may quote decoded characters, which can be secret: keep only the position.
                throw new VodProtocolException(
                    $"{fieldName} does not hold valid JSON after Base64 decoding (error at byte {exception.BytePositionInLine ?? 0} of line {(exception.LineNumber ?? 0) + 1}).",
                    jsonPath: "$." + fieldName);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
