using System;

namespace VodGen.Upload.Engine;

/// <summary>
/// How a source is cut into parts. A source of known length gets equal parts (the option, grown to fit the part
/// limit); a stream of unknown length starts at the option and doubles its parts every tenth of the limit, up to
/// 64 MiB (or the option, if larger), so that about 500 GiB fit at the default 8 MiB instead of 78 GiB, while no more
/// than one part per worker is held in memory.
/// </summary>
internal sealed class PartPlan
{
    private const long MiB = 1024 * 1024;
    private const long LargestGrownPart = 64 * MiB;

    public PartPlan(long length, long partSize, int maximumParts)
    {
        Length = length;
        MaximumParts = maximumParts;
        PartSize = length < 0 ? partSize : PartSizeFor(length, partSize, maximumParts);
        Total = length < 0 ? -1 : (int)Math.Max(1, (length + PartSize - 1) / PartSize);
    }

    /// <summary>The source's size, or -1 for a stream of unknown length.</summary>
    public long Length { get; }

    /// <summary>Bytes per part (for a stream of unknown length: its first parts).</summary>
    public long PartSize { get; }

    /// <summary>Parts in all, or -1 while unknown.</summary>
    public int Total { get; }

    /// <summary>The most parts the storage takes for one object.</summary>
    public int MaximumParts { get; }

    /// <summary>Whether the whole source goes in one request.</summary>
    public bool SingleRequest => Length >= 0 && Length <= PartSize;

    /// <summary>Bytes per part for a source of <paramref name="length"/> bytes: the option, grown to fit the part limit.</summary>
    public static long PartSizeFor(long length, long requested, int maximumParts = VodUploadOptions.MaximumParts)
    {
        if (length <= requested * maximumParts)
        {
            return requested;
        }

        var needed = (length + maximumParts - 1) / maximumParts;
        return (needed + MiB - 1) / MiB * MiB;
    }

    /// <summary>The size of part <paramref name="number"/> (the last part of a known source may be shorter).</summary>
    public long SizeOf(int number)
    {
        if (Length >= 0)
        {
            return PartSize;
        }

        var step = Math.Max(1, MaximumParts / 10);
        var doublings = Math.Min(16, (number - 1) / step);
        var cap = Math.Max(PartSize, LargestGrownPart);
        return Math.Min(cap, PartSize << doublings);
    }

    /// <summary>The expected size of part <paramref name="number"/> of a source of known length.</summary>
    public long ExpectedSizeOf(int number) => Math.Min(PartSize, Length - ((number - 1) * PartSize));
}
