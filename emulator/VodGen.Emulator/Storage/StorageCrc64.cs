namespace VodGen.Emulator.Storage;

/// <summary>CRC-64/XZ as the storage reports it (x-oss-hash-crc64ecma), byte at a time: the emulator's own, slow and plain.</summary>
internal static class StorageCrc64
{
    private static readonly ulong[] Table = Enumerable.Range(0, 256).Select(i =>
    {
        var value = (ulong)i;
        for (var bit = 0; bit < 8; bit++)
        {
            value = (value & 1) != 0 ? (value >> 1) ^ 0xC96C5795D7870F42 : value >> 1;
        }

        return value;
    }).ToArray();

    public static ulong Compute(ReadOnlySpan<byte> data)
    {
        var crc = ulong.MaxValue;
        foreach (var b in data)
        {
            crc = Table[(int)((crc ^ b) & 0xFF)] ^ (crc >> 8);
        }

        return ~crc;
    }
}
