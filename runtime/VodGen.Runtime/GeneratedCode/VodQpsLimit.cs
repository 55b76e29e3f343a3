using System.ComponentModel;
using System.Collections.Frozen;
using System.Collections.Generic;

namespace VodGen.GeneratedCode;

/// <summary>An operation's documented call rate limit per account, with regional exceptions.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class VodQpsLimit
{
    private readonly FrozenDictionary<string, int> _regions;

    /// <summary>Creates a limit of <paramref name="perAccount"/> calls per second, overridden per region.</summary>
    public VodQpsLimit(int perAccount, IEnumerable<KeyValuePair<string, int>> regions)
    {
        PerAccount = perAccount;
        _regions = regions.ToFrozenDictionary();
    }

    /// <summary>Calls per second allowed per account where no regional limit is documented.</summary>
    public int PerAccount { get; }

    /// <summary>The limit that applies in <paramref name="regionId"/>.</summary>
    public int ForRegion(string regionId) => _regions.TryGetValue(regionId, out var limit) ? limit : PerAccount;
}
