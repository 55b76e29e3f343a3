using System.Diagnostics.Metrics;

namespace VodGen.AspNetCore;

/// <summary>The one VodGen meter of this package, shared by the callback endpoint and the MNS consumer.</summary>
internal static class AspNetCoreMeter
{
    public static readonly Meter Meter = new("VodGen");
}
