using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using VodGen.Generator.Model;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Knowledge;

/// <summary>
/// What VodGen knows about operations beyond their official metadata, read once from the spec files built into the
/// generator: the shipped specs (specs/) and, for operations without one, a file of facts only (Knowledge/*.json).
/// Both are VodGen specs, read by the same reader as users' files.
/// </summary>
internal static class KnownOperations
{
    private const string ResourcePrefix = "VodGen.Knowledge.";

    private static readonly Lazy<Dictionary<string, List<OperationModel>>> Table = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The known entries for an operation of a product version; empty when VodGen knows nothing of it.</summary>
    public static IReadOnlyList<OperationModel> Find(string product, string version, string operation)
        => Table.Value.TryGetValue(Key(product, version, operation), out var known) ? known : (IReadOnlyList<OperationModel>)Array.Empty<OperationModel>();

    /// <summary>Each built-in file's diagnostics, for the test that keeps them clean.</summary>
    internal static IEnumerable<(string Name, SpecParseResult Result)> ReadAll()
    {
        var assembly = typeof(KnownOperations).Assembly;
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            yield return (name, SpecReader.Read(new SpecFileText(name, reader.ReadToEnd(), EquatableArray<string>.Empty), CancellationToken.None));
        }
    }

    private static Dictionary<string, List<OperationModel>> Load()
    {
        var table = new Dictionary<string, List<OperationModel>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, result) in ReadAll())
        {
            if (result.File is not { } file)
            {
                continue;
            }

            foreach (var located in file.Operations)
            {
                var key = Key(file.Product, file.Version, located.Operation.Name);
                if (!table.TryGetValue(key, out var list))
                {
                    list = new List<OperationModel>();
                    table.Add(key, list);
                }

                list.Add(located.Operation);
            }
        }

        return table;
    }

    // Products are matched as official files spell them in any case ("vod", "Vod"); operation names exactly.
    private static string Key(string product, string version, string operation) => product.ToLowerInvariant() + "|" + version + "|" + operation;
}
