using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using VodGen.Generator.Diagnostics;
using VodGen.Generator.Model;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Merging;

/// <summary>
/// Merges the parsed spec files of one build: files of the same product and version contribute to one
/// product, an operation may be defined once, endpoints are united, and decoded payload types shared by
/// name are emitted once.
/// </summary>
internal static class SpecMerger
{
    public static MergedSpecs Merge(IEnumerable<SpecParseResult> results, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        if (!options.SupportsRequiredMembers)
        {
            // Generated requests use required members; without C# 11 nothing useful can be emitted.
            var first = results.Select(r => r.File).OfType<SpecFileModel>().FirstOrDefault();
            return first is null
                ? new MergedSpecs(default, default, default, default)
                : new MergedSpecs(default, default, default, new EquatableArray<DiagnosticInfo>(new[] { DiagnosticInfo.Create(DiagnosticDescriptors.LanguageVersionTooLow, first.InfoLocation, "an older version") }));
        }

        var products = new Dictionary<string, ProductBuilder>(StringComparer.Ordinal);
        var components = new Dictionary<string, (SharedTypeSource Type, SchemaModel Shape)>(StringComparer.Ordinal);
        var versionByNamespace = new Dictionary<string, (string Product, string Version)>(StringComparer.Ordinal);
        var operationOwners = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var file in results.Select(r => r.File).OfType<SpecFileModel>().OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ns = options.Namespace.Length > 0 ? options.Namespace : "VodGen." + Identifiers.ToPascalCase(file.Product);
            if (versionByNamespace.TryGetValue(ns + "|" + file.Product, out var existing) && existing.Version != file.Version)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.VersionConflict, file.InfoLocation, file.Product, existing.Version, file.Version, ns));
                continue;
            }

            versionByNamespace[ns + "|" + file.Product] = (file.Product, file.Version);
            var key = ns + "|" + file.Product + "|" + file.Version;
            if (!products.TryGetValue(key, out var product))
            {
                product = new ProductBuilder(ns, file.Product, file.Version);
                products.Add(key, product);
            }

            product.AddEndpoints(file, diagnostics);
            foreach (var component in file.Components)
            {
                AddShared(components, new SharedTypeSource(ns, component.Name, component.Schema, IsComponent: true), file.InfoLocation, diagnostics);
                product.Components[component.Name] = component;
            }

            foreach (var located in file.Operations)
            {
                var operationKey = ns + "." + located.Operation.Name;
                if (operationOwners.TryGetValue(operationKey, out var owner))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateOperation, located.Location, located.Operation.Name, file.Product, file.Version, owner));
                    continue;
                }

                operationOwners.Add(operationKey, file.Path);
                product.Operations.Add(located);
            }
        }

        if (options.Selection.Count > 0)
        {
            SelectOperations(products.Values, options.Selection, diagnostics);
        }

        var productModels = new List<ProductModel>();
        var operations = new List<OperationSource>();
        var sharedTypes = new Dictionary<string, (SharedTypeSource Type, SchemaModel Shape)>(StringComparer.Ordinal);
        foreach (var product in products.Values)
        {
            var model = product.ToModel();
            productModels.Add(model);
            foreach (var located in product.Operations.OrderBy(o => o.Operation.Name, StringComparer.Ordinal))
            {
                operations.Add(new OperationSource(model, located.Operation, product.ComponentsUsedBy(located.Operation)));
                CollectSharedTypes(model.Namespace, located, located.Operation.Response, sharedTypes, diagnostics);
            }
        }

        return new MergedSpecs(
            productModels.ToEquatableArray(),
            operations.ToEquatableArray(),
            sharedTypes.Values.Concat(components.Values).Select(v => v.Type).OrderBy(t => t.Namespace + "." + t.TypeName, StringComparer.Ordinal).ToEquatableArray(),
            diagnostics.ToEquatableArray());
    }

    // The VodGenOperations property keeps only the named operations, in every product.
    private static void SelectOperations(IEnumerable<ProductBuilder> products, EquatableArray<string> selection, List<DiagnosticInfo> diagnostics)
    {
        var wanted = new HashSet<string>(selection, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var product in products)
        {
            product.Operations.RemoveAll(o => !wanted.Contains(o.Operation.Name));
            found.UnionWith(product.Operations.Select(o => o.Operation.Name));
        }

        foreach (var missing in selection.Where(name => !found.Contains(name)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SelectedOperationMissing, null, missing, "the VodGenOperations property"));
        }
    }

    // Decoded payload types named with x-vodgen-typeName become one top-level type per name and namespace.
    private static void CollectSharedTypes(
        string ns,
        LocatedOperation owner,
        SchemaModel? schema,
        Dictionary<string, (SharedTypeSource Type, SchemaModel Shape)> sharedTypes,
        List<DiagnosticInfo> diagnostics)
    {
        if (schema is null)
        {
            return;
        }

        if (schema.Decoded is { TypeName.Length: > 0 } decoded)
        {
            AddShared(sharedTypes, new SharedTypeSource(ns, decoded.TypeName, decoded), owner.Location, diagnostics);
        }

        CollectSharedTypes(ns, owner, schema.Items, sharedTypes, diagnostics);
        foreach (var property in schema.Properties)
        {
            CollectSharedTypes(ns, owner, property.Schema, sharedTypes, diagnostics);
        }
    }

    private static void AddShared(
        Dictionary<string, (SharedTypeSource Type, SchemaModel Shape)> types,
        SharedTypeSource type,
        LocationInfo location,
        List<DiagnosticInfo> diagnostics)
    {
        var key = type.Namespace + "." + type.TypeName;
        var shape = ShapeOf(type.Schema);
        if (!types.TryGetValue(key, out var existing))
        {
            types.Add(key, (type, shape));
        }
        else if (existing.Shape != shape)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SharedTypeConflict, location, type.TypeName));
        }
    }

    // Two declarations of a shared type match when they agree on everything but their prose.
    private static SchemaModel ShapeOf(SchemaModel schema) => schema with
    {
        Description = string.Empty,
        Example = string.Empty,
        Items = schema.Items is null ? null : ShapeOf(schema.Items),
        Decoded = schema.Decoded is null ? null : ShapeOf(schema.Decoded),
        Properties = schema.Properties.Select(p => p with { Schema = ShapeOf(p.Schema) }).ToEquatableArray(),
    };

    private sealed class ProductBuilder
    {
        private readonly List<EndpointModel> _endpoints = new();

        public ProductBuilder(string ns, string product, string version)
        {
            Namespace = ns;
            Product = product;
            Version = version;
        }

        public string Namespace { get; }

        public string Product { get; }

        public string Version { get; }

        public List<LocatedOperation> Operations { get; } = new();

        public Dictionary<string, ComponentModel> Components { get; } = new(StringComparer.Ordinal);

        // The shared schemas an operation's parameters reach, in name order (responses only name their types).
        public EquatableArray<ComponentModel> ComponentsUsedBy(OperationModel operation)
        {
            var found = new SortedDictionary<string, ComponentModel>(StringComparer.Ordinal);
            var pending = new Stack<SchemaModel>(operation.Parameters.Select(p => p.Schema));
            while (pending.Count > 0)
            {
                var schema = pending.Pop();
                if (schema.Reference.Length > 0 && !found.ContainsKey(schema.Reference) && Components.TryGetValue(schema.Reference, out var component))
                {
                    found.Add(component.Name, component);
                    pending.Push(component.Schema);
                }

                if (schema.Items is not null)
                {
                    pending.Push(schema.Items);
                }

                foreach (var property in schema.Properties)
                {
                    pending.Push(property.Schema);
                }
            }

            return found.Values.ToEquatableArray();
        }

        public void AddEndpoints(SpecFileModel file, List<DiagnosticInfo> diagnostics)
        {
            foreach (var endpoint in file.Endpoints)
            {
                var known = _endpoints.FirstOrDefault(e => e.RegionId == endpoint.RegionId);
                if (known is null)
                {
                    _endpoints.Add(endpoint);
                }
                else if (!string.Equals(known.Host, endpoint.Host, StringComparison.OrdinalIgnoreCase))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EndpointConflict, file.InfoLocation, endpoint.RegionId, endpoint.Host, known.Host));
                }
            }
        }

        public ProductModel ToModel() => new(
            Namespace,
            Product,
            Version,
            Identifiers.ToPascalCase(Product) + "Service",
            _endpoints.OrderBy(e => e.RegionId, StringComparer.Ordinal).ToEquatableArray());
    }
}
