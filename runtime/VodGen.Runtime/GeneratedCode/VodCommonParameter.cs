using System.ComponentModel;

namespace VodGen.GeneratedCode;

/// <summary>
/// The request parameters that every V1 RPC call carries. Generated code writes them at their sorted
/// place among the operation's own parameters; with V3 they travel as headers and are not written.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum VodCommonParameter
{
    /// <summary><c>AccessKeyId</c>.</summary>
    AccessKeyId,

    /// <summary><c>Action</c>: the operation name.</summary>
    Action,

    /// <summary><c>Format</c>: always <c>JSON</c>.</summary>
    Format,

    /// <summary><c>SecurityToken</c>: written only for STS credentials.</summary>
    SecurityToken,

    /// <summary><c>SignatureMethod</c>: <c>HMAC-SHA1</c>.</summary>
    SignatureMethod,

    /// <summary><c>SignatureNonce</c>: new for every request.</summary>
    SignatureNonce,

    /// <summary><c>SignatureVersion</c>: <c>1.0</c>.</summary>
    SignatureVersion,

    /// <summary><c>Timestamp</c>: UTC, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    Timestamp,

    /// <summary><c>Version</c>: the API version.</summary>
    Version,
}
