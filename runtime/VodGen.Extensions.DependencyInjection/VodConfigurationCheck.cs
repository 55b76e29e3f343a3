using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace VodGen;

/// <summary>
/// Reads the configuration section as the user wrote it and reports, in configuration-path terms, what binding would
/// pass over silently (a misspelt key such as <c>Vod:Regoin</c>) or fail on without saying what is allowed (an enum).
/// </summary>
internal static class VodConfigurationCheck
{
    // Every key the section knows, by parent path (relative to the section); Limits holds operation names.
    private static readonly Dictionary<string, string[]> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        [string.Empty] = ["RegionId", "Endpoint", "SignatureVersion", "Timeout", "MaxResponseBytes", "AllowUnlistedRegions", "Throttling", "Retry"],
        ["Throttling"] = ["Mode", "QueueLimit", "MaxWait", "Headroom", "Limits"],
        ["Retry"] = ["MaxRetryAttempts", "BaseDelay", "MaxDelay"],
    };

    private static readonly Dictionary<string, Type> Enums = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SignatureVersion"] = typeof(VodSignatureVersion),
        ["Throttling:Mode"] = typeof(VodThrottlingMode),
    };

    public static List<string> Problems(IConfigurationSection section)
    {
        var problems = new List<string>();
        Walk(section, string.Empty, problems);
        foreach (var (key, type) in Enums)
        {
            if (section[key] is { Length: > 0 } value && !Enum.GetNames(type).Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"{section.Path}:{key} is '{value}'; allowed: {string.Join(", ", Enum.GetNames(type))}.");
            }
        }

        return problems;
    }

    private static void Walk(IConfigurationSection parent, string relative, List<string> problems)
    {
        if (!Known.TryGetValue(relative, out var known))
        {
            return; // Limits: operation names, checked by the limiter against the operations it meets
        }

        foreach (var child in parent.GetChildren())
        {
            var match = known.FirstOrDefault(k => string.Equals(k, child.Key, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                var nearest = known.OrderBy(k => EditDistance.Between(k.ToUpperInvariant(), child.Key.ToUpperInvariant())).First();
                problems.Add($"{child.Path} is not a VodGen setting" + (EditDistance.Between(nearest.ToUpperInvariant(), child.Key.ToUpperInvariant()) <= 3 ? $"; did you mean {parent.Path}:{nearest}?" : $"; known under {parent.Path}: {string.Join(", ", known)}."));
                continue;
            }

            Walk(child, relative.Length == 0 ? match : relative + ":" + match, problems);
        }
    }
}
