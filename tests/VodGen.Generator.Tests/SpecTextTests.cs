using System.Buffers;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using VodGen.Generator.Model;
using VodGen.Generator.Parsing;
using VodGen.Testing;

namespace VodGen.Generator.Tests;

/// <summary>A spec file read from the compiler's text (no string copy) through its UTF-8 bytes.</summary>
public class SpecTextTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(8 * 1024 - 1)] // a surrogate pair split across the first two chunks
    [InlineData(8 * 1024)]
    [InlineData(20_000)]
    public void Encoding_matches_the_framework_s_across_chunk_boundaries(int prefix)
    {
        var text = new string('a', prefix) + "😀 ü € \"x\"" + new string('b', 9000) + "中";

        var bytes = Utf8Text.Rent(SourceText.From(text), out var length, CancellationToken.None);
        try
        {
            Assert.Equal(Encoding.UTF8.GetBytes(text), bytes.AsSpan(0, length).ToArray());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    [Fact]
    public void A_lone_surrogate_becomes_the_replacement_character_as_the_framework_writes_it()
    {
        var text = "a\uD800b" + new string('c', 8190) + "\uDC00";

        var bytes = Utf8Text.Rent(SourceText.From(text), out var length, CancellationToken.None);

        Assert.Equal(Encoding.UTF8.GetBytes(text), bytes.AsSpan(0, length).ToArray());
        ArrayPool<byte>.Shared.Return(bytes);
    }

    [Fact]
    public void An_empty_text_is_zero_bytes()
    {
        var bytes = Utf8Text.Rent(SourceText.From(string.Empty), out var length, CancellationToken.None);

        Assert.Equal(0, length);
        ArrayPool<byte>.Shared.Return(bytes);
    }

    [Fact]
    public void A_spec_is_read_from_a_text_made_of_many_chunks_as_from_one_string()
    {
        var spec = SyntheticProduct.Create(30);
        using var reader = new StringReader(spec);
        // Longer than the compiler's large-object limit, so the text is chunked as a file on disk would be.
        var chunked = SourceText.From(reader, spec.Length, Encoding.UTF8);
        Assert.True(spec.Length > 40 * 1024, $"the spec is {spec.Length} characters: too short to be read in chunks");
        Assert.NotEqual("StringText", chunked.GetType().Name);

        var fromChunks = SpecReader.Read(new SpecFileText("/p/specs/s.json", chunked, default), CancellationToken.None);
        var fromString = SpecReader.Read(new SpecFileText("/p/specs/s.json", spec, default), CancellationToken.None);

        Assert.Empty(fromString.Diagnostics);
        Assert.Equal(30, fromString.File!.Operations.Count);
        Assert.Equal(fromString, fromChunks);
    }
}
