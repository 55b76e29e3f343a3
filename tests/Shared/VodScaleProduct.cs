using System.Text.Json;
using System.Text.Json.Nodes;

namespace VodGen.Testing;

/// <summary>
/// A stand-in for the official VOD api-docs.json as it is published: the official entries of the sample fixture
/// (prose removed), repeated under numbered names to the official file's 186 operations, all on one line. The
/// official file itself cannot be shipped here; this one has its operation count and constructs, but without the
/// prose it is about 450 KB where the published file is about 1.1 MB: <see cref="CreatePublishedSize"/> puts
/// placeholder prose back where official files carry it, to the published size.
/// </summary>
public static class VodScaleProduct
{
    /// <summary>The number of operations of the official VOD file (2017-03-21).</summary>
    public const int OfficialOperationCount = 186;

    /// <summary>The one-line spec built from <paramref name="officialSample"/> (the text of an api-docs.json sample).</summary>
    public static string Create(string officialSample, int operations = OfficialOperationCount)
    {
        var document = JsonNode.Parse(officialSample)!.AsObject();
        var entries = document["apis"]!.AsObject().Select(e => (e.Key, Value: e.Value!.ToJsonString())).ToArray();
        var apis = new JsonObject();
        for (var i = 0; i < operations; i++)
        {
            var (name, value) = entries[i % entries.Length];
            var copy = i / entries.Length;
            apis.Add(copy == 0 ? name : name + "V" + (copy + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), JsonNode.Parse(value));
        }

        document["apis"] = apis;
        return OneLine(document);
    }

    /// <summary>The published file's size in bytes (one line), about 1.1 MB.</summary>
    public const int PublishedSize = 1_100_000;

    /// <summary>
    /// <see cref="Create"/> with placeholder prose where official files carry theirs (each operation's summary and
    /// description, each schema's description, each answer's demo), sized so that the file is
    /// <see cref="PublishedSize"/> bytes: the published file's bytes for a parser to read, and its descriptions
    /// for the generator to turn into XML docs. The prose is this project's own placeholder text.
    /// </summary>
    public static string CreatePublishedSize(string officialSample)
    {
        var bare = Create(officialSample);
        var bareSize = System.Text.Encoding.UTF8.GetByteCount(bare);
        var apis = JsonNode.Parse(bare)!["apis"]!.AsObject();
        var (schemas, operations) = (UndescribedSchemas(apis).Count, apis.Count);

        // One unit of prose per schema and twelve per operation (a summary, a description, an answer demo); a second
        // pass corrects the unit for the member names and quotes the first one added.
        var unit = (PublishedSize - bareSize) / (double)(schemas + (operations * 12));
        var first = WithProse(bare, unit);
        unit *= (PublishedSize - bareSize) / (double)(System.Text.Encoding.UTF8.GetByteCount(first) - bareSize);
        return WithProse(bare, unit);
    }

    private static string WithProse(string bare, double unit)
    {
        var document = JsonNode.Parse(bare)!.AsObject();
        foreach (var entry in document["apis"]!.AsObject())
        {
            var api = entry.Value!.AsObject();
            api["summary"] = Prose(entry.Key + " summary", (int)unit);
            api["description"] = Prose(entry.Key, (int)(unit * 7));
            api["responseDemo"] = Prose(entry.Key + " demo", (int)(unit * 4));
            foreach (var schema in UndescribedSchemas(api))
            {
                schema["description"] = Prose("This value", (int)unit);
            }
        }

        return OneLine(document);
    }

    // The schemas official files describe in prose (an object with a "type"), where this one has none.
    private static List<JsonObject> UndescribedSchemas(JsonNode? node, List<JsonObject>? found = null)
    {
        found ??= new List<JsonObject>();
        if (node is JsonObject o)
        {
            if (o["type"] is JsonValue && !o.ContainsKey("description"))
            {
                found.Add(o);
            }

            foreach (var member in o)
            {
                UndescribedSchemas(member.Value, found);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var item in a)
            {
                UndescribedSchemas(item, found);
            }
        }

        return found;
    }

    // Placeholder sentences of about `length` bytes, cut at a word.
    private static string Prose(string subject, int length)
    {
        const string Sentence = " is described here by placeholder text that stands in for the official prose, so that the file has the size it is published at.\n";
        var text = new System.Text.StringBuilder(length + Sentence.Length);
        while (text.Length < length)
        {
            text.Append(subject).Append(Sentence);
        }

        var cut = text.ToString(0, Math.Max(1, Math.Min(length, text.Length)));
        var space = cut.LastIndexOf(' ');
        return space > 0 ? cut.Substring(0, space) + "." : cut;
    }

    private static string OneLine(JsonObject document)
        => document.ToJsonString(new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
