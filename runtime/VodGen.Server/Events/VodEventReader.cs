using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace VodGen.Server.Events;

/// <summary>
/// Reads an event notification (a callback body or an MNS message body) into its typed record. Lenient with what the
/// service is known to send (numbers as strings, <c>Extend</c> as a string or an object, absent fields); strict against
/// anything else: a body that is not one JSON object within the size and depth limits, or a field of the wrong kind,
/// is a <see cref="VodEventFormatException"/> that names the field, and nothing is half-read.
/// </summary>
public static class VodEventReader
{
    /// <summary>The largest body read (64 KB): events are a few kilobytes at most.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private const int MaxDepth = 16;

    /// <summary>Reads one event.</summary>
    /// <exception cref="VodEventFormatException">The body is not an event notification; the message says why.</exception>
    public static VodEvent Read(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > MaxBodyBytes)
        {
            throw new VodEventFormatException($"The event body is {utf8Json.Length} bytes; an event notification is at most {MaxBodyBytes}.");
        }

        JsonDocument? document = null;
        try
        {
            var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = MaxDepth });
            document = JsonDocument.ParseValue(ref reader);

            // Anything but white space after the object (a second value, a stray byte) is refused by the reader.
            while (reader.Read())
            {
            }
        }
        catch (JsonException exception)
        {
            document?.Dispose();
            throw new VodEventFormatException($"The event body is not valid JSON (byte {exception.BytePositionInLine} of line {exception.LineNumber + 1}).", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new VodEventFormatException($"The event body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}; an event is a JSON object.");
            }

            var fields = new Fields(root, null);
            var type = fields.Text("EventType") ?? throw new VodEventFormatException("The event has no EventType.");
            fields = new Fields(root, type);
            var json = Encoding.UTF8.GetString(utf8Json);
            return type switch
            {
                "FileUploadComplete" => Common(new VodFileUploadComplete { EventType = type, Json = json, Size = fields.Long("Size"), FileUrl = fields.Text("FileUrl") }, fields),
                "VideoAnalysisComplete" => Common(new VodVideoAnalysisComplete
                {
                    EventType = type, Json = json,
                    Width = fields.Int("Width"), Height = fields.Int("Height"), Duration = fields.Double("Duration"), Bitrate = fields.Double("Bitrate"),
                    Fps = fields.Double("Fps"), Size = fields.Long("Size"), ErrorCode = fields.Text("ErrorCode"), ErrorMessage = fields.Text("ErrorMessage"),
                }, fields),
                "StreamTranscodeComplete" => Common(new VodStreamTranscodeComplete { EventType = type, Json = json, Stream = Stream(fields) }, fields),
                "TranscodeComplete" => Common(new VodTranscodeComplete { EventType = type, Json = json, StreamInfos = fields.List("StreamInfos", Stream) }, fields),
                "SnapshotComplete" => Common(new VodSnapshotComplete
                {
                    EventType = type, Json = json, SubType = fields.Text("SubType"), CoverUrl = fields.Text("CoverUrl"),
                    SnapshotInfos = fields.List("SnapshotInfos", static f => new VodSnapshotInfo
                    {
                        Status = f.Text("Status"), SnapshotType = f.Text("SnapshotType"), SnapshotCount = f.Int("SnapshotCount"),
                        SnapshotFormat = f.Text("SnapshotFormat"), SnapshotRegular = f.Text("SnapshotRegular"), JobId = f.Text("JobId"),
                    }),
                }, fields),
                "UploadByURLComplete" => Common(new VodUploadByUrlComplete
                {
                    EventType = type, Json = json, JobId = fields.Text("JobId"), SourceUrl = fields.Text("SourceURL"), ErrorCode = fields.Text("ErrorCode"), ErrorMessage = fields.Text("ErrorMessage"),
                }, fields),
                "ImageUploadComplete" => Common(new VodImageUploadComplete { EventType = type, Json = json, ImageId = fields.Text("ImageId"), Size = fields.Long("Size"), FileUrl = fields.Text("FileURL") ?? fields.Text("FileUrl") }, fields),
                "AttachedMediaUploadComplete" => Common(new VodAttachedMediaUploadComplete { EventType = type, Json = json, AttachedMediaId = fields.Text("AttachedMediaId"), Size = fields.Long("Size"), FileUrl = fields.Text("FileURL") ?? fields.Text("FileUrl") }, fields),
                _ => Common(new VodUnknownEvent { EventType = type, Json = json }, fields),
            };
        }
    }

    private static VodStreamInfo Stream(Fields f) => new()
    {
        Status = f.Text("Status"), Bitrate = f.Double("Bitrate"), Definition = f.Text("Definition"), Duration = f.Double("Duration"),
        Encrypt = f.Bool("Encrypt"), ErrorCode = f.Text("ErrorCode"), ErrorMessage = f.Text("ErrorMessage"), FileUrl = f.Text("FileUrl"),
        Format = f.Text("Format"), Fps = f.Double("Fps"), Height = f.Int("Height"), Width = f.Int("Width"), Size = f.Long("Size"), JobId = f.Text("JobId"),
    };

    private static T Common<T>(T record, Fields fields)
        where T : VodEvent
    {
        record.SetCommon(fields.Time("EventTime"), fields.Text("VideoId"), fields.Text("Status"), fields.Raw("Extend"));
        return record;
    }

    /// <summary>The fields of one JSON object, read leniently by kind and reported by name when of the wrong kind.</summary>
    private readonly struct Fields(JsonElement element, string? eventType, string? path = null)
    {
        public string? Text(string name) => Get(name) is { } value
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => throw Wrong(name, value, "a string"),
            }
            : null;

        public long? Long(string name) => Number(name, "a whole number", static (string text, out long value) => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value));

        public int? Int(string name) => Number(name, "a whole number", static (string text, out int value) => int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value));

        public double? Double(string name) => Number(name, "a number", static (string text, out double value) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value));

        public bool? Bool(string name) => Get(name) is { } value
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.String when bool.TryParse(value.GetString(), out var parsed) => parsed,
                _ => throw Wrong(name, value, "true or false"),
            }
            : null;

        public DateTimeOffset? Time(string name) => Text(name) is { } text
            ? DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
                ? time
                : throw new VodEventFormatException($"{Where(name)} is '{Shorten(text)}', not a UTC time (yyyy-MM-ddTHH:mm:ssZ).")
            : null;

        // Extend arrives as JSON text in a string, or as the object itself: either way its JSON text.
        public string? Raw(string name) => Get(name) is { } value
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null;

        public IReadOnlyList<T> List<T>(string name, Func<Fields, T> read)
        {
            if (Get(name) is not { } value)
            {
                return [];
            }

            if (value.ValueKind != JsonValueKind.Array)
            {
                throw Wrong(name, value, "an array");
            }

            var items = new List<T>(value.GetArrayLength());
            var index = 0;
            foreach (var item in value.EnumerateArray())
            {
                var itemPath = $"{name}[{index++}]";
                items.Add(item.ValueKind == JsonValueKind.Object ? read(new Fields(item, eventType, itemPath)) : throw Wrong(itemPath, item, "an object"));
            }

            return items;
        }

        private T? Number<T>(string name, string expected, TryParse<T> parse)
            where T : struct
        {
            if (Get(name) is not { } value)
            {
                return null;
            }

            var text = value.ValueKind switch
            {
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.String => value.GetString()!.Trim(),
                _ => throw Wrong(name, value, expected),
            };
            if (text.Length == 0)
            {
                return null; // the service sends "" for a value it does not have
            }

            return parse(text, out var parsed) ? parsed : throw new VodEventFormatException($"{Where(name)} is '{Shorten(text)}', not {expected}.");
        }

        private JsonElement? Get(string name)
            => element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

        private VodEventFormatException Wrong(string name, JsonElement value, string expected)
            => new($"{Where(name)} is a JSON {value.ValueKind.ToString().ToLowerInvariant()}; {expected} was expected.");

        private string Where(string name) => $"{(path is null ? name : path + "." + name)} of {(eventType is null ? "the event" : "a " + eventType + " event")}";
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static string Shorten(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
