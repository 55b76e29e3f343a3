namespace VodGen.Emulator;

/// <summary>One answered request.</summary>
/// <param name="Time">When its checks ran (for an admitted call, the instant the rate window admitted it).</param>
/// <param name="Action">The operation (empty when it could not be told).</param>
/// <param name="AccessKeyId">The key that signed it (empty when unknown).</param>
/// <param name="SignatureVersion">V1 or V3 (empty when not signed).</param>
/// <param name="Nonce">The signature nonce.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="Outcome"><c>OK</c>, an error code, or <c>Fault.*</c> for injected trouble.</param>
/// <param name="RequestId">The RequestId of the answer.</param>
public sealed record EmulatorRequestRecord(DateTimeOffset Time, string Action, string AccessKeyId, string SignatureVersion, string Nonce, int Status, string Outcome, string RequestId);

/// <summary>
/// The latest requests the emulator answered, in order; thread-safe. It holds at most
/// <see cref="Capacity"/> records (the oldest give way), so a long-running emulator's memory stays bounded.
/// </summary>
public sealed class EmulatorRequestLog
{
    private readonly BoundedRing<EmulatorRequestRecord> _ring;

    /// <summary>A log that keeps the latest <paramref name="capacity"/> records.</summary>
    public EmulatorRequestLog(int capacity = DefaultCapacity) => _ring = new BoundedRing<EmulatorRequestRecord>(capacity);

    /// <summary>The default capacity: 100,000 records (about 20 MB).</summary>
    public const int DefaultCapacity = 100_000;

    /// <summary>How many records it keeps at most.</summary>
    public int Capacity => _ring.Capacity;

    /// <summary>How many requests were recorded since the start (or the last <see cref="Clear"/>), kept or not.</summary>
    public long TotalRecorded => _ring.Total;

    /// <summary>How many of those were let go to stay within <see cref="Capacity"/>.</summary>
    public long Dropped => Math.Max(0, _ring.Total - _ring.Capacity);

    /// <summary>A snapshot of the records kept, oldest first.</summary>
    public IReadOnlyList<EmulatorRequestRecord> Records => _ring.ToArray();

    /// <summary>Forgets every record.</summary>
    public void Clear() => _ring.Clear();

    internal void Add(EmulatorRequestRecord record) => _ring.Add(record);
}
