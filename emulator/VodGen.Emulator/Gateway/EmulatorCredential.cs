namespace VodGen.Emulator;

/// <summary>A key pair the emulator accepts; with a <paramref name="SecurityToken"/> it behaves as an STS credential.</summary>
/// <param name="AccessKeyId">The key ID.</param>
/// <param name="AccessKeySecret">The secret.</param>
/// <param name="SecurityToken">The token every request signed with this key must carry, for STS credentials.</param>
public sealed record EmulatorCredential(string AccessKeyId, string AccessKeySecret, string? SecurityToken = null)
{
    /// <summary>The account every credential belongs to unless told otherwise: the emulator stands for one account.</summary>
    public const string DefaultAccountId = "1000000000000000";

    /// <summary>
    /// The account the key belongs to. Rate limits are per account, shared by all of its keys (long-term and STS),
    /// as the service counts them; give keys different accounts to emulate several.
    /// </summary>
    public string AccountId { get; init; } = DefaultAccountId;

    /// <summary>The emulator's well-known long-term key (like a development storage account key: public, for local use only).</summary>
    public static EmulatorCredential Default { get; } = new("LTAI5tVodGenEmulator", "VodGenEmulatorSecretForLocalUseOnly");

    /// <summary>The emulator's well-known STS credential.</summary>
    public static EmulatorCredential DefaultSts { get; } = new("STS.VodGenEmulator", "VodGenEmulatorStsSecretForLocalUseOnly", "VodGenEmulatorSecurityTokenForLocalUseOnly");

    /// <inheritdoc/>
    public override string ToString() => $"EmulatorCredential {{ AccessKeyId = {AccessKeyId}, AccountId = {AccountId}, AccessKeySecret = ***, SecurityToken = {(SecurityToken is null ? "null" : "***")} }}";
}
