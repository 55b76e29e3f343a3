using System.ComponentModel;
using System;

namespace VodGen.GeneratedCode;

/// <summary>What the runtime needs to know about an operation to send it; generated code creates one per operation.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class VodOperationInfo
{
    /// <summary>Describes an operation.</summary>
    public VodOperationInfo(string action, string version, VodHttpMethod method, VodEndpointTable endpoints, VodQpsLimit? qps)
    {
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentException.ThrowIfNullOrEmpty(version);
        ArgumentNullException.ThrowIfNull(endpoints);
        Action = action;
        Version = version;
        Method = method;
        Endpoints = endpoints;
        Qps = qps;
    }

    /// <summary>The operation name sent as <c>Action</c>, for example <c>RefreshUploadVideo</c>.</summary>
    public string Action { get; }

    /// <summary>The API version, for example <c>2017-03-21</c>.</summary>
    public string Version { get; }

    /// <summary>The HTTP method used.</summary>
    public VodHttpMethod Method { get; }

    /// <summary>The product's regional endpoints.</summary>
    public VodEndpointTable Endpoints { get; }

    /// <summary>The documented rate limit, when the spec states one.</summary>
    public VodQpsLimit? Qps { get; }

    /// <summary>
    /// Whether running the call twice does no harm (the default). An operation that creates something
    /// (<c>x-vodgen-idempotent: false</c>) is retried only after failures that show the service did not run it:
    /// throttling, and connections that could not be made. Other failures may hide a call that was carried out.
    /// </summary>
    public bool IsIdempotent { get; init; } = true;
}
