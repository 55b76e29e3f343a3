namespace VodGen.Emulator;

/// <summary>A key pair the emulator accepts; with a <paramref name="SecurityToken"/> it behaves as an STS credential.</summary>
/// <param name="AccessKeyId">The key ID.</param>
/// <param name="AccessKeySecret">The secret.</param>
/// <param name="SecurityToken">The token every request signed with this key must carry, for STS credentials.</param>
public sealed record EmulatorCredential(string AccessKeyId, string AccessKeySecret, string? SecurityToken = null)
{
    /// <summary>The emulator's well-known long-term key (like a development storage account key: public, for local use only).</summary>
    public static EmulatorCredential Default { get; } = new("LTAI5tVodGenEmulator", "VodGenEmulatorSecretForLocalUseOnly");

    /// <summary>The emulator's well-known STS credential.</summary>
    public static EmulatorCredential DefaultSts { get; } = new("STS.VodGenEmulator", "VodGenEmulatorStsSecretForLocalUseOnly", "VodGenEmulatorSecurityTokenForLocalUseOnly");

    /// <inheritdoc/>
    public override string ToString() => $"EmulatorCredential {{ AccessKeyId = {AccessKeyId}, AccessKeySecret = ***, SecurityToken = {(SecurityToken is null ? "null" : "***")} }}";
}
