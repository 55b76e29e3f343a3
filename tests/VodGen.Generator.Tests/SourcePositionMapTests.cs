using System.Text;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Tests;

/// <summary>Byte offsets → UTF-16 offsets and line/column, checked against a plain count over the text.</summary>
public class SourcePositionMapTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_character_boundary_maps_to_the_offset_line_and_column_a_plain_count_gives(int seed)
    {
        var random = new Random(seed);
        string[] pieces = { "a", "{\"k\":", "\n", "\r\n", "é", "视", "🎬", " ", "\t", "\u2028" };
        var text = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        var utf8 = Encoding.UTF8.GetBytes(text.ToString());
        var map = new SourcePositionMap("/p/x.json", utf8);
        int bytes = 0, line = 0, column = 0;
        var s = text.ToString();
        for (var i = 0; i <= s.Length; i++)
        {
            if (i < s.Length && char.IsLowSurrogate(s[i]))
            {
                continue;
            }

            var location = map.Locate(bytes, bytes);
            Assert.Equal((i, line, column), (location.Start, location.StartLine, location.StartColumn));
            if (i == s.Length)
            {
                break;
            }

            var width = char.IsHighSurrogate(s[i]) ? 2 : 1;
            bytes += Encoding.UTF8.GetByteCount(s.AsSpan(i, width));
            if (s[i] == '\n')
            {
                line++;
                column = 0;
            }
            else
            {
                column += width;
            }
        }
    }

    [Fact]
    public void Lookups_in_any_order_agree_with_lookups_in_file_order()
    {
        var utf8 = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"视频\":\"🎬\"}\n", 500)));
        var forward = new SourcePositionMap("/p/x.json", utf8);
        var shuffled = new SourcePositionMap("/p/x.json", utf8);
        var offsets = Enumerable.Range(0, utf8.Length).Where(o => (utf8[o] & 0xC0) != 0x80).ToArray();
        var expected = offsets.Select(o => forward.Locate(o, o + 1)).ToArray();
        foreach (var index in Enumerable.Range(0, offsets.Length).OrderBy(i => (i * 7919) % offsets.Length))
        {
            var o = offsets[index];
            Assert.Equal(expected[index], shuffled.Locate(o, o + 1));
        }
    }
}
