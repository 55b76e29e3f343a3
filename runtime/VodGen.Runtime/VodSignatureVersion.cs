namespace VodGen;

/// <summary>The request signing scheme the client uses.</summary>
public enum VodSignatureVersion
{
    /// <summary>ACS3-HMAC-SHA256: the signature travels in the <c>Authorization</c> header. The default.</summary>
    V3 = 0,

    /// <summary>RPC signature 1.0 (HMAC-SHA1): the signature travels as the <c>Signature</c> parameter.</summary>
    V1 = 1,
}
