using System.Text;

namespace VodGen.Upload.Tests;

public sealed class Crc64Tests
{
    [Fact]
    public void Check_values_of_CRC_64_XZ()
    {
        Assert.Equal(0x995DC9BBDF1939FAUL, VodCrc64.Compute("123456789"u8));
        Assert.Equal(2186167744391481992UL, VodCrc64.Compute(Encoding.ASCII.GetBytes("This is a test.")));
        Assert.Equal(0UL, VodCrc64.Compute(ReadOnlySpan<byte>.Empty));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(100_000)]
    public void Combining_part_CRCs_gives_the_CRC_of_the_whole(int split)
    {
        var data = new byte[200_001];
        new Random(11).NextBytes(data);
        var whole = VodCrc64.Compute(data);

        var combined = VodCrc64.Combine(VodCrc64.Compute(data.AsSpan(0, split)), VodCrc64.Compute(data.AsSpan(split)), data.Length - split);

        Assert.Equal(whole, combined);
    }

    [Fact]
    public void Many_parts_combine_in_order()
    {
        var data = new byte[1 << 20];
        new Random(5).NextBytes(data);
        ulong crc = 0;
        for (var offset = 0; offset < data.Length; offset += 65_536)
        {
            var part = data.AsSpan(offset, Math.Min(65_536, data.Length - offset));
            crc = offset == 0 ? VodCrc64.Compute(part) : VodCrc64.Combine(crc, VodCrc64.Compute(part), part.Length);
        }

        Assert.Equal(VodCrc64.Compute(data), crc);
    }
}

public sealed class Crc64PortableTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(1_000_003)]
    public void The_portable_implementation_agrees_with_the_vectorised_one(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);

        Assert.Equal(VodCrc64.Compute(data), VodCrc64.TableAppend(0, data));
        Assert.Equal(VodCrc64.Append(VodCrc64.Compute(data), "tail"u8), VodCrc64.TableAppend(VodCrc64.TableAppend(0, data), "tail"u8));
    }
}
