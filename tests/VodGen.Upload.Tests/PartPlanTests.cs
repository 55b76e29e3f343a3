using VodGen.Upload.Engine;

namespace VodGen.Upload.Tests;

/// <summary>How sources are cut into parts: the figures docs/upload.md gives.</summary>
public sealed class PartPlanTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public void A_stream_of_unknown_length_holds_about_500_GiB_at_the_default_part_size_with_parts_of_at_most_64_MiB()
    {
        var plan = new PartPlan(-1, 8 * MiB, VodUploadOptions.MaximumParts);

        var sizes = Enumerable.Range(1, VodUploadOptions.MaximumParts).Select(plan.SizeOf).ToList();

        Assert.Equal(8 * MiB, sizes[0]);
        Assert.Equal(16 * MiB, sizes[1000]);
        Assert.Equal(64 * MiB, sizes.Max());
        Assert.InRange(sizes.Sum() / (1024.0 * MiB), 480, 500); // 8, 16, 32 MiB for 1,000 parts each, then 64 MiB
        Assert.True(sizes.Zip(sizes.Skip(1)).All(p => p.Second >= p.First), "part sizes never shrink");
    }

    [Fact]
    public void A_file_too_large_for_the_part_limit_at_the_asked_size_gets_larger_whole_MiB_parts()
    {
        var plan = new PartPlan(100_000 * MiB + 1, 8 * MiB, VodUploadOptions.MaximumParts);

        Assert.Equal(11 * MiB, plan.PartSize);
        Assert.True(plan.Total <= VodUploadOptions.MaximumParts);
        Assert.Equal(8 * MiB, new PartPlan(100 * MiB, 8 * MiB, VodUploadOptions.MaximumParts).PartSize);
    }
}
