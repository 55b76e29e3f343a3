using System.ComponentModel;
using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;

namespace VodGen.GeneratedCode;

/// <summary>A product's regional endpoint hosts, as its spec lists them.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class VodEndpointTable
{
    private readonly FrozenDictionary<string, string> _hosts;

    /// <summary>Creates the table for <paramref name="product"/> from (region, host) pairs.</summary>
    public VodEndpointTable(string product, IEnumerable<KeyValuePair<string, string>> hosts)
    {
        ArgumentException.ThrowIfNullOrEmpty(product);
        Product = product;
        _hosts = hosts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The product code, for example <c>vod</c>.</summary>
    public string Product { get; }

    /// <summary>
    /// The host for <paramref name="regionId"/>: the listed one, or <c>{product}.{region}.aliyuncs.com</c>
    /// (the service's naming rule) for a region the spec does not list.
    /// </summary>
    public string GetHost(string regionId)
        => _hosts.TryGetValue(regionId, out var host) ? host : $"{Product}.{regionId}.aliyuncs.com";

    /// <summary>The regions the spec lists, in order.</summary>
    public IReadOnlyList<string> Regions => _hosts.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Whether the spec lists <paramref name="regionId"/>.</summary>
    public bool Lists(string regionId) => _hosts.ContainsKey(regionId);
}
