using System.Text.Json;
using System.Text.Json.Nodes;

namespace VodGen.Testing;

/// <summary>
/// A stand-in for the official VOD api-docs.json as it is published: the official entries of the sample fixture
/// (prose removed), repeated under numbered names to the official file's 186 operations, all on one line. The
/// official file itself cannot be shipped here; this one has its scale (about 1 MB, no line breaks) and constructs.
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
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
