namespace VodGen.Emulator;

/// <summary>How an emulator instance runs.</summary>
public sealed class VodEmulatorOptions
{
    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The region the emulator stands for; it decides regional rate limits and storage endpoints.</summary>
    public string RegionId { get; set; } = "cn-shanghai";

    /// <summary>The keys accepted; by default the well-known <see cref="EmulatorCredential.Default"/> and <see cref="EmulatorCredential.DefaultSts"/>.</summary>
    public IList<EmulatorCredential> Credentials { get; } = new List<EmulatorCredential> { EmulatorCredential.Default, EmulatorCredential.DefaultSts };

    /// <summary>Extra folders of spec files, read after the embedded ones.</summary>
    public IList<string> SpecFolders { get; } = new List<string>();

    /// <summary>Whether each operation's <c>x-vodgen-qps</c> limit is enforced per account (see <see cref="EmulatorCredential.AccountId"/>; on by default).</summary>
    public bool EnforceQps { get; set; } = true;

    /// <summary>Limits that replace the spec's, by operation name (calls per second per key).</summary>
    public IDictionary<string, int> QpsOverrides { get; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Injected trouble, from the start.</summary>
    public EmulatorFaults Faults { get; set; } = EmulatorFaults.None;

    /// <summary>The clock, for timestamp checks and the rate window.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The storage front's port (0, the default, picks a free one).</summary>
    public int StoragePort { get; set; }

    /// <summary>The port of the identity front (STS, ECS metadata, credentials URI) on 127.0.0.1; 0 (the default) picks a free one.</summary>
    public int IdentityPort { get; set; }

    /// <summary>How long the credentials the identity front mints last; null: as asked (STS), else an hour.</summary>
    public TimeSpan? MintedCredentialLifetime { get; set; }

    /// <summary>How many answered requests <see cref="VodEmulator.Log"/> keeps (the latest); 100,000 by default.</summary>
    public int RequestLogCapacity { get; set; } = EmulatorRequestLog.DefaultCapacity;

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "The port must be between 0 and 65535.");
        }

        if (string.IsNullOrWhiteSpace(RegionId))
        {
            throw new ArgumentException("RegionId must name a region.", nameof(RegionId));
        }

        if (StoragePort is < 0 or > 65535 || (StoragePort != 0 && StoragePort == Port))
        {
            throw new ArgumentOutOfRangeException(nameof(StoragePort), StoragePort, "The storage port must be between 0 and 65535 and differ from the API port.");
        }

        if (IdentityPort is < 0 or > 65535 || (IdentityPort != 0 && (IdentityPort == Port || IdentityPort == StoragePort)))
        {
            throw new ArgumentOutOfRangeException(nameof(IdentityPort), IdentityPort, "The identity port must be between 0 and 65535 and differ from the API and storage ports.");
        }

        if (MintedCredentialLifetime is { } lifetime && (lifetime < TimeSpan.FromSeconds(10) || lifetime > TimeSpan.FromHours(12)))
        {
            throw new ArgumentOutOfRangeException(nameof(MintedCredentialLifetime), lifetime, "Minted credentials must last from 10 seconds to 12 hours.");
        }

        if (RequestLogCapacity <= 0)
        {
            throw new ArgumentException("RequestLogCapacity must be at least 1.", nameof(RequestLogCapacity));
        }

        if (Credentials.Count == 0)
        {
            throw new ArgumentException("At least one credential must be accepted.", nameof(Credentials));
        }

        foreach (var (action, limit) in QpsOverrides)
        {
            if (limit <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(QpsOverrides), limit, $"The limit for {action} must be positive.");
            }
        }

        ArgumentNullException.ThrowIfNull(Faults, nameof(Faults));
        Faults.Validate();
    }
}
