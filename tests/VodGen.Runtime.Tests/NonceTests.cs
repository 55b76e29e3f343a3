using VodGen.Signing;

namespace VodGen.Runtime.Tests;

/// <summary>Signature nonces are drawn in batches per thread; they must stay unique and well-formed all the same.</summary>
public sealed class NonceTests
{
    [Fact]
    public void Nonces_are_GUID_formatted_and_unique_across_batches_and_threads()
    {
        var nonces = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, _ =>
        {
            // 1,000 per thread: about 31 batches each, so refills and the wrap-around are crossed many times.
            for (var i = 0; i < 1_000; i++)
            {
                nonces.Add(VodNonce.Next());
            }
        });

        Assert.Equal(8_000, nonces.Count);
        Assert.Equal(8_000, nonces.Distinct(StringComparer.Ordinal).Count());
        Assert.All(nonces, n => Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", n));
    }

    [Fact]
    public void Nonces_use_every_bit_position_not_a_counter()
    {
        // A counter or a fixed prefix would leave positions constant; 256 random nonces vary in every hex digit.
        var nonces = Enumerable.Range(0, 256).Select(_ => VodNonce.Next().Replace("-", string.Empty, StringComparison.Ordinal)).ToArray();

        for (var position = 0; position < 32; position++)
        {
            Assert.True(nonces.Select(n => n[position]).Distinct().Count() > 4, $"hex digit {position} barely varies");
        }
    }
}
