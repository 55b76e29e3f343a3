using System.Collections.Generic;
using System.Linq;
using VodGen.Generator.Model;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Knowledge;

/// <summary>
/// Adds to an official metadata entry what VodGen knows about the operation and the official format cannot say:
/// which values are secrets, which strings are Base64 JSON of a known shape, the documented per-account call limit,
/// whether the call is safe to repeat, and how it pages. Facts attach by name (parameters) and by field path
/// (responses); where the official entry has no such member the fact is dropped, so a newer official file never
/// fails because of it. Everything else (types, constraints, descriptions) stays as the official entry says.
/// </summary>
internal static class KnownAnnotations
{
    public static OperationModel Apply(string product, string version, OperationModel official)
    {
        var result = official;
        foreach (var known in KnownOperations.Find(product, version, official.Name))
        {
            result = Apply(result, known);
        }

        return result;
    }

    private static OperationModel Apply(OperationModel official, OperationModel known)
    {
        var parameters = official.Parameters
            .Select(p => known.Parameters.FirstOrDefault(k => k.Name == p.Name) is { } fact ? p with { Schema = Merge(p.Schema, fact.Schema) } : p)
            .ToEquatableArray();
        var response = official.Response is { } answer && known.Response is { } knownAnswer ? Merge(answer, knownAnswer) : official.Response;
        var paging = official.Paging ?? (known.Paging is { } knownPaging && PagingReader.Fits(knownPaging, parameters, response) ? knownPaging : null);
        return official with
        {
            Parameters = parameters,
            Response = response,
            Qps = official.Qps ?? known.Qps,
            Paging = paging,

            // The official format cannot say that a call is unsafe to repeat, so an official entry always reads as safe.
            Idempotent = official.Idempotent && known.Idempotent,
        };
    }

    private static SchemaModel Merge(SchemaModel official, SchemaModel known)
    {
        var decodes = official is { Kind: SchemaKind.String, Encoding: ValueEncoding.None } && known is { Encoding: ValueEncoding.Base64Json, Decoded: not null };
        return official with
        {
            Secret = official.Secret || known.Secret,
            Encoding = decodes ? known.Encoding : official.Encoding,
            Decoded = decodes ? known.Decoded : official.Decoded,
            Items = official.Items is { } items && known.Items is { } knownItems ? Merge(items, knownItems) : official.Items,
            Properties = known.Properties.Count == 0 ? official.Properties : MergeProperties(official.Properties, known.Properties),
        };
    }

    private static EquatableArray<PropertyModel> MergeProperties(EquatableArray<PropertyModel> official, EquatableArray<PropertyModel> known)
    {
        var byName = new Dictionary<string, SchemaModel>(System.StringComparer.Ordinal);
        foreach (var property in known)
        {
            byName[property.JsonName] = property.Schema;
        }

        return official.Select(p => byName.TryGetValue(p.JsonName, out var fact) ? p with { Schema = Merge(p.Schema, fact) } : p).ToEquatableArray();
    }
}
