using VodGen.Signing;
using VodGen.GeneratedCode;

namespace VodGen.Runtime.Tests;

public class PercentEncodingTests
{
    [Theory]
    [InlineData(" ", "%20")]
    [InlineData("*", "%2A")]
    [InlineData("~", "~")]
    [InlineData("+", "%2B")]
    [InlineData("/", "%2F")]
    [InlineData("%", "%25")]
    [InlineData("&", "%26")]
    [InlineData("=", "%3D")]
    [InlineData("AZaz09-_.", "AZaz09-_.")]
    [InlineData("中文", "%E4%B8%AD%E6%96%87")]
    [InlineData("😀", "%F0%9F%98%80")]
    [InlineData("é a*b", "%C3%A9%20a%2Ab")]
    public void Encodes_as_the_signature_requires(string value, string expected)
    {
        Assert.Equal(expected, VodPercentEncoding.Encode(value));
        Assert.Equal(expected, WriteThroughQueryWriter(value));
    }

    [Fact]
    public void Agrees_with_EscapeDataString_on_every_BMP_scalar_and_some_astral_ones()
    {
        var text = new System.Text.StringBuilder();
        for (var c = 1; c < 0xD800; c += 7)
        {
            text.Append((char)c);
        }

        text.Append("😀𝄞🎬");
        var value = text.ToString();

        Assert.Equal(Uri.EscapeDataString(value), VodPercentEncoding.Encode(value));
        Assert.Equal(Uri.EscapeDataString(value), WriteThroughQueryWriter(value));
    }

    [Fact]
    public void Unpaired_surrogate_is_an_argument_error_naming_the_parameter()
    {
        var error = Assert.Throws<ArgumentException>(() =>
        {
            var writer = new VodQueryWriter(null);
            try
            {
                writer.Write("Title"u8, "bad\ud800value");
            }
            finally
            {
                writer.Dispose();
            }
        });

        Assert.Equal("Title", error.ParamName);
        Assert.DoesNotContain("bad", error.Message, StringComparison.Ordinal);
    }

    private static string WriteThroughQueryWriter(string value)
    {
        var writer = new VodQueryWriter(null);
        try
        {
            writer.Write("v"u8, value);
            return System.Text.Encoding.ASCII.GetString(writer.Written)[2..];
        }
        finally
        {
            writer.Dispose();
        }
    }

    [Fact]
    public void Empty_text_encodes_to_empty_text() => Assert.Equal(string.Empty, VodPercentEncoding.Encode(string.Empty));
}
