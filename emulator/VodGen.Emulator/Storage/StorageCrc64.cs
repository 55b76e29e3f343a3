using System.IO.Hashing;

namespace VodGen.Emulator.Storage;

/// <summary>
/// CRC-64/XZ as the storage reports it (x-oss-hash-crc64ecma), through System.IO.Hashing's parameterised CRC-64:
/// independent of the uploader's own implementation, so each checks the other.
/// </summary>
internal static class StorageCrc64
{
    private static readonly Crc64ParameterSet Parameters = Crc64ParameterSet.Create(0x42F0E1EBA9EA3693, ulong.MaxValue, ulong.MaxValue, reflectValues: true);

    public static ulong Compute(ReadOnlySpan<byte> data)
    {
        var crc = Create();
        crc.Append(data);
        return crc.GetCurrentHashAsUInt64();
    }

    /// <summary>A CRC to append data to as it arrives.</summary>
    public static Crc64 Create() => new(Parameters);
}
