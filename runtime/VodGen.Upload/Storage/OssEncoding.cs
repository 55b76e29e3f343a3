using System.Linq;
using VodGen.Signing;

namespace VodGen.Upload.Storage;

/// <summary>
/// RFC 3986 percent-encoding as the storage signatures use it: the runtime's encoder (upper-case hex, unreserved
/// characters kept), with <c>/</c> kept in paths.
/// </summary>
internal static class OssEncoding
{
    public static string Component(string value) => VodPercentEncoding.Encode(value);

    /// <summary>A path: each segment encoded, the slashes between them kept.</summary>
    public static string Path(string value) => string.Join('/', value.Split('/').Select(VodPercentEncoding.Encode));
}
