using System.Collections.Concurrent;

namespace VodGen.Emulator;

/// <summary>One answered request.</summary>
/// <param name="Time">When it was answered.</param>
/// <param name="Action">The operation (empty when it could not be told).</param>
/// <param name="AccessKeyId">The key that signed it (empty when unknown).</param>
/// <param name="SignatureVersion">V1 or V3 (empty when not signed).</param>
/// <param name="Nonce">The signature nonce.</param>
/// <param name="Status">The HTTP status answered.</param>
/// <param name="Outcome"><c>OK</c>, an error code, or <c>Fault.*</c> for injected trouble.</param>
/// <param name="RequestId">The RequestId of the answer.</param>
public sealed record EmulatorRequestRecord(DateTimeOffset Time, string Action, string AccessKeyId, string SignatureVersion, string Nonce, int Status, string Outcome, string RequestId);

/// <summary>The requests the emulator answered, in order; thread-safe.</summary>
public sealed class EmulatorRequestLog
{
    private readonly ConcurrentQueue<EmulatorRequestRecord> _records = new();

    /// <summary>A snapshot of every record so far.</summary>
    public IReadOnlyList<EmulatorRequestRecord> Records => _records.ToArray();

    /// <summary>Forgets every record.</summary>
    public void Clear() => _records.Clear();

    internal void Add(EmulatorRequestRecord record) => _records.Enqueue(record);
}
