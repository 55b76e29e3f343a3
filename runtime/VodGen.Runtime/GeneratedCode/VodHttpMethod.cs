using System.ComponentModel;

namespace VodGen.GeneratedCode;

/// <summary>The HTTP method an operation is sent with.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum VodHttpMethod
{
    /// <summary>POST: V1 parameters travel in a form body, V3 parameters in the query.</summary>
    Post = 0,

    /// <summary>GET: parameters travel in the query.</summary>
    Get = 1,
}
