using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using VodGen.GeneratedCode;
using VodGen.Throttling;
using VodGen.Errors;

namespace VodGen;

/// <summary>
/// Reads the configuration section as the user wrote it and reports, in configuration-path terms, what binding would
/// pass over silently (a misspelt key such as <c>Vod:Regoin</c>, an operation under <c>Throttling:Limits</c> a typo away
/// from one the application has) or fail on without saying what is allowed (an enum).
/// </summary>
internal static class VodConfigurationCheck
{
    // Every key the section knows, by parent path (relative to the section); Limits holds operation names.
    private static readonly Dictionary<string, string[]> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        [string.Empty] = ["RegionId", "Endpoint", "SignatureVersion", "Timeout", "MaxResponseBytes", "AllowUnlistedRegions", "Throttling", "Retry", "Credentials"],
        ["Credentials"] = ["Source", "Profile", "Path", "RoleName", "MetadataEndpoint", "RoleArn", "OidcProviderArn", "OidcTokenFile", "RoleSessionName", "DurationSeconds", "Policy", "ExternalId", "StsEndpoint", "StsRegion", "Uri"],
        ["Throttling"] = ["Mode", "QueueLimit", "MaxWait", "Headroom", "Limits"],
        ["Retry"] = ["MaxRetryAttempts", "BaseDelay", "MaxDelay"],
    };

    private static readonly Dictionary<string, Type> Enums = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SignatureVersion"] = typeof(VodSignatureVersion),
        ["Throttling:Mode"] = typeof(VodThrottlingMode),
        ["Credentials:Source"] = typeof(VodCredentialSourceKind),
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

    // Limits are keyed by operation name, case-sensitively as the service spells it. A name one or two edits from an
    // operation the application has, or one differing only in case, is a typo (RefreshUploadVdeo); a name far from every one may be an operation of specs in a library not loaded yet (its
    // registration runs when it loads), so it is let through.
    private static void CheckOperations(IConfigurationSection limits, List<string> problems)
    {
        var operations = VodOperationCatalog.Operations;
        foreach (var child in limits.GetChildren())
        {
            if (operations.Contains(child.Key))
            {
                continue;
            }

            var nearest = operations
                .Select(name => (Name: name, Distance: EditDistance.Between(name.ToUpperInvariant(), child.Key.ToUpperInvariant())))
                .Where(candidate => candidate.Distance <= 2)
                .OrderBy(candidate => candidate.Distance).ThenBy(candidate => candidate.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (nearest.Name is not null)
            {
                problems.Add($"{child.Path} names no operation of this application; did you mean {limits.Path}:{nearest.Name}? (operation names are case-sensitive)");
            }
        }
    }

    private static void Walk(IConfigurationSection parent, string relative, List<string> problems)
    {
        if (string.Equals(relative, "Throttling:Limits", StringComparison.OrdinalIgnoreCase))
        {
            CheckOperations(parent, problems);
            return;
        }

        if (!Known.TryGetValue(relative, out var known))
        {
            return;
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
