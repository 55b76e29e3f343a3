using System;
using System.Collections.Generic;
using System.Linq;

namespace VodGen.Upload.Storage;

/// <summary>What a storage signature covers: the object, the query and the headers (names lower-case).</summary>
internal sealed class OssSignedRequest
{
    public OssSignedRequest(string bucket, string key)
    {
        Bucket = bucket;
        Key = key;
    }

    public string Bucket { get; }

    public string Key { get; }

    /// <summary>Query parameters in sending order; a null value is a bare flag such as <c>uploads</c>.</summary>
    public List<(string Name, string? Value)> Query { get; } = new();

    /// <summary>Headers to send and sign, names lower-case.</summary>
    public List<(string Name, string Value)> Headers { get; } = new();

    public string Header(string name) => Headers.FirstOrDefault(h => h.Name == name).Value ?? string.Empty;

    public OssSignedRequest With(string name, string value)
    {
        Headers.RemoveAll(h => h.Name == name);
        Headers.Add((name.ToLowerInvariant(), value));
        return this;
    }

    /// <summary>The query as it goes on the URL, in the given order.</summary>
    public string QueryString()
        => Query.Count == 0 ? string.Empty : "?" + string.Join('&', Query.Select(q => q.Value is null ? OssEncoding.Component(q.Name) : OssEncoding.Component(q.Name) + "=" + OssEncoding.Component(q.Value)));
}
