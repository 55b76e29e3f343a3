using System.Xml.Linq;
using VodGen.Generator.Emitting;

namespace VodGen.Generator.Tests;

/// <summary>Markdown of official descriptions becomes XML documentation markup; placeholder links keep only their words.</summary>
public class MarkdownDocTests
{
    [Theory]
    [InlineData("see [Upload URLs and credentials](~~55397~~).", "see Upload URLs and credentials.")]
    [InlineData("see [Billing](~~188308#section_e97\\_xrp_mzz~~) now", "see Billing now")]
    [InlineData("[](#qps-)Queries per second", "Queries per second")]
    [InlineData("call [RefreshUploadVideo](~~RefreshUploadVideo~~) again", "call RefreshUploadVideo again")]
    [InlineData("read [the guide](https://vod.cn-shanghai.aliyuncs.com/55397.html \"Guide\")", "read <see href=\"https://vod.cn-shanghai.aliyuncs.com/55397.html\">the guide</see>")]
    [InlineData("see [the settings](https://vod.cn-shanghai.aliyuncs.com/~~52839~~?spm=a.b) for more", "see the settings for more")]
    [InlineData("set `AuthKey` and ``a ` b``", "set <c>AuthKey</c> and <c>a ` b</c>")]
    [InlineData("**Make sure** you *know*", "<b>Make sure</b> you <i>know</i>")]
    [InlineData("2 * 3 * 4 and a lone ** here", "2 * 3 * 4 and a lone ** here")]
    [InlineData("x < y & \"z\" > w", "x &lt; y &amp; \"z\" &gt; w")]
    [InlineData("section\\_e97 and snake_case_name", "section_e97 and snake_case_name")]
    [InlineData("**bold with [a link](~~1~~) and `code`**", "<b>bold with a link and <c>code</c></b>")]
    [InlineData("an [unclosed link(~~1~~ stays", "an [unclosed link(~~1~~ stays")]
    [InlineData("![diagram](~~123~~) shown", "diagram shown")]
    public void Inline_markdown_becomes_xml_doc_markup(string markdown, string expected)
        => Assert.Equal(expected, MarkdownDoc.Inline(markdown));

    [Theory]
    [InlineData("The ID of the video. 视频ID (!) 100% done")]
    [InlineData("")]
    public void Plain_prose_is_returned_as_it_is_without_a_copy(string text)
        => Assert.Same(text, MarkdownDoc.Inline(text));

    [Fact]
    public void Escaping_text_with_nothing_to_escape_returns_it_without_a_copy()
    {
        const string example = "9b73864d75f1d231e9001cd5f8**** 视频";

        Assert.Same(example, XmlDoc.Escape(example));
        Assert.Equal("a &lt;b&gt; &amp;\n    c", XmlDoc.Escape("a <b> &\r\n\tc\u0001"));
    }

    [Theory]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("a\tb", "a    b")]
    [InlineData("x < y > z", "x &lt; y &gt; z")]
    [InlineData("line\u2028break", "line break")]
    [InlineData("bell\u0007", "bell")]
    [InlineData("Hi! [there](#a)", "Hi! there")]
    public void Text_with_anything_to_escape_or_convert_is_not_taken_as_plain(string text, string expected)
        => Assert.Equal(expected, MarkdownDoc.Inline(System.Text.RegularExpressions.Regex.Unescape(text)));

    [Fact]
    public void Headings_lists_paragraphs_and_fences_become_blocks()
    {
        var markdown = "### [](#)\n\nIntro line.\n\n### [](#qps-)QPS limit\n\nYou can call it 100 times.\n\n*   **First** item\n    continues here.\n*   Second item\n\n1. one\n2. two\n\nAfter.\n```json\n{\"a\": \"<b>\"}\n```";

        var lines = MarkdownDoc.ToLines(markdown);

        Assert.Equal(
            new[]
            {
                "Intro line.",
                "<para/>",
                "<para><b>QPS limit</b></para>",
                "You can call it 100 times.",
                "<para/>",
                "<list type=\"bullet\">",
                "<item><description><b>First</b> item continues here.</description></item>",
                "<item><description>Second item</description></item>",
                "</list>",
                "<list type=\"number\">",
                "<item><description>one</description></item>",
                "<item><description>two</description></item>",
                "</list>",
                "<para/>",
                "After.",
                "<code>",
                "{\"a\": \"&lt;b&gt;\"}",
                "</code>",
            },
            lines);
    }

    [Theory]
    [InlineData("one\ntwo")]
    [InlineData("one\r\ntwo")]
    [InlineData("one\rtwo")]
    [InlineData("one\u2028two")]
    [InlineData("one\u2029two")]
    [InlineData("one\u0085two")]
    [InlineData("  one  \r\ntwo \n\n")]
    public void Every_line_terminator_of_csharp_ends_a_line(string text)
        => Assert.Equal(new[] { "one", "two" }, MarkdownDoc.ToLines(System.Text.RegularExpressions.Regex.Unescape(text)));

    [Fact]
    public void A_heading_without_words_leaves_nothing_behind()
    {
        // Its paragraph break is taken back with it; the break before the next words stays.
        Assert.Equal(new[] { "A", "<para/>", "B" }, MarkdownDoc.ToLines("A\n\n### [](#)\n\nB"));
        Assert.Equal(new[] { "<list type=\"bullet\">", "<item><description>a b</description></item>", "</list>" }, MarkdownDoc.ToLines("- a\n  b\n  [](#x)"));
    }

    [Fact]
    public void Any_text_gives_well_formed_xml()
    {
        var random = new Random(20261206);
        var pieces = new[] { "*", "**", "`", "``", "[", "]", "(", ")", "~~1~~", "#", "### ", "- ", "1. ", "\n", "\n\n", "   ", "<", ">", "&", "\\", "_", "text", "https://vod.cn-shanghai.aliyuncs.com/a?b=1&c=2", "\"", "```", "\t", "\u2028" };
        for (var run = 0; run < 5000; run++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            var xml = "<doc>" + string.Join("\n", MarkdownDoc.ToLines(text)) + "</doc>";
            var parsed = XDocument.Parse(xml);
            Assert.NotNull(parsed.Root);
        }
    }
}
