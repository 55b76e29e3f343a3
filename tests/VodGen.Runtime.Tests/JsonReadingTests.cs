using System.Text;
using System.Text.Json;
using VodGen.GeneratedCode;

namespace VodGen.Runtime.Tests;

public class JsonReadingTests
{
    private static T Read<T>(string json, VodJsonItemReader<T> read)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return read(ref reader, "$", 0);
    }

    [Fact]
    public void Array_element_mismatch_names_the_element()
    {
        var error = Assert.Throws<VodProtocolException>(() => Read("{\"Ids\":[\"a\",3]}", static (ref Utf8JsonReader r, string p, int _) =>
        {
            r.Read();
            return VodJsonReader.ReadArray(ref r, p, "Ids", VodJsonReader.StringItem);
        }));

        Assert.Equal("$.Ids[1]", error.JsonPath);
    }

    [Theory]
    [InlineData("\"3600\"", 3600)]
    [InlineData("3000", 3000)]
    [InlineData("\"1.5\"", 1.5)]
    public void Durations_accept_seconds_as_text_or_number(string json, double seconds)
    {
        var value = Read("{\"E\":" + json + "}", static (ref Utf8JsonReader r, string p, int _) =>
        {
            r.Read();
            return VodJsonReader.ReadDurationSeconds(ref r, p, "E");
        });

        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData(null, "has no UploadAuth")]
    [InlineData("!!not base64!!", "UploadAuth is not valid Base64")]
    [InlineData("bm90IGpzb24=", "UploadAuth does not hold valid JSON")]
    [InlineData("WzEsMl0=", "UploadAuth should be an object")]
    public void Base64_json_errors_name_the_field_and_never_the_content(string? value, string expected)
    {
        var error = Assert.Throws<VodProtocolException>(() => VodBase64Json.Decode(value, "UploadAuth", static (ref Utf8JsonReader r, string p, int _) =>
        {
            VodJsonReader.ExpectObject(ref r, p);
            return 0;
        }));

        Assert.Contains(expected, error.Message);
        Assert.DoesNotContain("not json", error.Message);
    }

    [Fact]
    public void Display_masks_secrets_and_summarises_lists()
    {
        Assert.Equal("***", VodDisplay.Secret("s3cr3t"));
        Assert.Equal("null", VodDisplay.Secret(null));
        Assert.Equal("[2 items]", VodDisplay.Value(new List<int> { 1, 2 }));
        Assert.Equal("1.5", VodDisplay.Value(1.5));
    }
}
