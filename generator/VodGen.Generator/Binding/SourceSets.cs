using System;
using System.Linq;
using VodGen.Generator.Merging;
using VodGen.Generator.Model;

namespace VodGen.Generator.Binding;

/// <summary>The sources that exist once per product and once per namespace, each with what it needs and its file's name.</summary>
internal static class SourceSets
{
    /// <summary>Each product with its operations' names; apart from the operations' own inputs, so that adding an operation re-emits only this file and its own.</summary>
    public static EquatableArray<ProductSource> Products(MergedSpecs specs)
        => specs.Products
            .Select(p => new ProductSource(p, specs.Operations.Where(o => o.Product == p).Select(o => o.Operation.Name).OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray()))
            .ToEquatableArray();

    /// <summary>The namespaces that get generated code, once each, with the name of their serializers' file.</summary>
    public static EquatableArray<SerializersSource> Namespaces(MergedSpecs specs)
        => specs.Products.Select(p => p.Namespace).Distinct(StringComparer.Ordinal).OrderBy(n => n, StringComparer.Ordinal)
            .Select(ns => new SerializersSource(ns, FileNames.Type(ns, ClassBinder.SerializersClass, FileNames.SerializersKind, specs.Operations.Where(o => o.Product.Namespace == ns).Select(o => o.Operation.Name).ToList())))
            .ToEquatableArray();
}
