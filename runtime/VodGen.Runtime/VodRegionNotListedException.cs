using System;
using System.Collections.Generic;
using System.Linq;
using VodGen.Errors;

namespace VodGen;

/// <summary>
/// The client's <see cref="VodClientOptions.RegionId"/> is not a region the operation's spec lists; nothing was sent.
/// Usually a typo: the message lists the regions and names the nearest.
/// </summary>
public sealed class VodRegionNotListedException : VodException
{
    /// <summary>Creates the exception.</summary>
    public VodRegionNotListedException(string regionId, string product, IReadOnlyList<string> knownRegions)
        : base(Describe(regionId, product, knownRegions, Nearest(regionId, knownRegions)))
    {
        RegionId = regionId;
        KnownRegions = knownRegions;
        Suggestion = Nearest(regionId, knownRegions);
    }

    /// <summary>The region asked for.</summary>
    public string RegionId { get; }

    /// <summary>The regions the spec lists.</summary>
    public IReadOnlyList<string> KnownRegions { get; }

    /// <summary>The listed region nearest to <see cref="RegionId"/> (at most three edits away), or null.</summary>
    public string? Suggestion { get; }

    private static string Describe(string regionId, string product, IReadOnlyList<string> known, string? nearest)
        => $"RegionId '{regionId}' is not a region the {product} spec lists ({string.Join(", ", known)})."
            + (nearest is null ? string.Empty : $" Did you mean '{nearest}'?")
            + $" Set VodClientOptions.RegionId to a listed region, VodClientOptions.Endpoint for another address, or AllowUnlistedRegions = true to call {product}.{regionId}.aliyuncs.com anyway. Nothing was sent.";

    private static string? Nearest(string regionId, IReadOnlyList<string> known)
        => known.Select(r => (Region: r, Distance: EditDistance.Between(regionId, r))).Where(c => c.Distance <= 3).OrderBy(c => c.Distance).ThenBy(c => c.Region, StringComparer.Ordinal).Select(c => c.Region).FirstOrDefault();
}
