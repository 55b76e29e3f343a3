namespace VodGen.Server.Events;

/// <summary>What <see cref="VodCallbackVerifier.Verify"/> found.</summary>
public enum VodCallbackVerification
{
    /// <summary>Signed with the current or the previous key, within the window.</summary>
    Valid,

    /// <summary>No <c>X-VOD-TIMESTAMP</c> or <c>X-VOD-SIGNATURE</c> header.</summary>
    Unsigned,

    /// <summary>The timestamp is not Unix seconds, or the signature is not 32 hex digits.</summary>
    Malformed,

    /// <summary>The timestamp is outside the window: too old (perhaps a replay) or in the future.</summary>
    OutsideWindow,

    /// <summary>The signature matches neither key.</summary>
    BadSignature,
}
