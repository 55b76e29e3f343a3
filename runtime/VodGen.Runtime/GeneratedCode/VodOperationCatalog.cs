using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.ComponentModel;
using System.Threading;

namespace VodGen.GeneratedCode;

/// <summary>
/// The operations generated code in the loaded assemblies provides, as each assembly registers them when it loads.
/// For generated code; may change in any release.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VodOperationCatalog
{
    private static ImmutableHashSet<string> s_operations = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>Adds a product's operations (by name, as configuration names them); called by generated code when its assembly loads.</summary>
    public static void Register(string[] operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        ImmutableInterlocked.Update(ref s_operations, static (set, added) => set.Union(added), operations);
    }

    /// <summary>The operation names registered so far (an assembly not loaded yet has not registered its own).</summary>
    internal static IReadOnlyCollection<string> Operations => Volatile.Read(ref s_operations);
}
