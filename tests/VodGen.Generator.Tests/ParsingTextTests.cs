using System.Text;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Tests;

/// <summary>Texts the parser shares instead of decoding again, and names that are already identifiers.</summary>
public class ParsingTextTests
{
    [Theory]
    [InlineData("type", true)]
    [InlineData("string", true)]
    [InlineData("", true)]
    [InlineData("types", false)]
    [InlineData("typ", false)]
    [InlineData("Type", false)]
    [InlineData("tÿpe", false)]
    [InlineData("a member name longer than any shared text", false)]
    public void Known_texts_are_shared_and_others_are_not_matched(string text, bool known)
    {
        var utf8 = Encoding.UTF8.GetBytes("xx" + text + "yy");

        var found = KnownTexts.Find(utf8, 2, utf8.Length - 4);

        Assert.Equal(known ? text : null, found);
        if (known && text.Length > 0)
        {
            Assert.Same(found, KnownTexts.Find(Encoding.UTF8.GetBytes(text), 0, text.Length));
        }
    }

    [Fact]
    public void Tree_texts_and_names_read_the_same_with_or_without_sharing()
    {
        var json = "{\"type\":\"string\",\"typeX\":\"strinG\",\"ünï\":\"ñame\",\"\":\"\"}";
        var root = (JsonObjectNode)JsonTreeBuilder.Build(Encoding.UTF8.GetBytes(json), new List<JsonPropertyNode>(), CancellationToken.None);

        Assert.Equal(new[] { ("type", "string"), ("typeX", "strinG"), ("ünï", "ñame"), ("", "") }, root.Properties.Select(p => (p.Name, ((JsonScalarNode)p.Value).Text)));
    }

    [Theory]
    [InlineData("VideoId", "VideoId")]
    [InlineData("videoId", "VideoId")]
    [InlineData("InvalidVideo.NotFound", "InvalidVideoNotFound")]
    [InlineData("1080p", "_1080p")]
    [InlineData("_private", "_private")]
    [InlineData("x-acs-action", "XAcsAction")]
    [InlineData("ǅemal", "Ǆemal")]
    [InlineData("", "_")]
    public void Pascal_case_names(string name, string expected)
    {
        var result = Identifiers.ToPascalCase(name);

        Assert.Equal(expected, result);
        if (name == expected)
        {
            Assert.Same(name, result); // already an identifier: no copy
        }
    }
}
