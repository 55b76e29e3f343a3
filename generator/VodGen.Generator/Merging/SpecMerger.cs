using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using VodGen.Generator.Diagnostics;
using VodGen.Generator.Knowledge;
using VodGen.Generator.Model;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Merging;

/// <summary>
/// Merges the parsed spec files of one build: files of the same product and version contribute to one
/// product, an operation may be defined once (a VodGen spec of it overlays its official metadata entry, which gets
/// what VodGen knows added otherwise), endpoints are united, and decoded payload types shared by name are emitted once.
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
        var versionByNamespace = new Dictionary<string, (string Product, string Version)>(StringComparer.Ordinal);
        var operationOwners = new Dictionary<string, (string Path, LocatedOperation Entry, ProductBuilder Product)>(StringComparer.Ordinal);

        // The VodGenOperations property keeps only the named operations, in every product.
        var wanted = options.Selection.Count > 0 ? new HashSet<string>(options.Selection, StringComparer.Ordinal) : null;
        var selected = new HashSet<string>(StringComparer.Ordinal);

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
                product.AddComponent(component, file.InfoLocation, diagnostics);
            }

            foreach (var entry in file.Operations)
            {
                // Operations the build does not select are never generated, so they can neither conflict nor fail.
                if (wanted is not null && !wanted.Contains(entry.Operation.Name))
                {
                    continue;
                }

                selected.Add(entry.Operation.Name);
                var located = entry.Operation.Annotated || !options.KnownAnnotations
                    ? entry
                    : entry with { Operation = KnownAnnotations.Apply(file.Product, file.Version, entry.Operation) };
                var operationKey = ns + "." + located.Operation.Name;
                if (!operationOwners.TryGetValue(operationKey, out var owner))
                {
                    operationOwners.Add(operationKey, (file.Path, located, product));
                    product.Operations.Add(located);
                }
                else if (owner.Product == product && owner.Entry.Operation.Annotated != located.Operation.Annotated)
                {
                    // A VodGen spec of an operation overlays its official metadata entry, in whichever order they come.
                    if (located.Operation.Annotated)
                    {
                        product.Operations[product.Operations.IndexOf(owner.Entry)] = located;
                        operationOwners[operationKey] = (file.Path, located, product);
                    }
                }
                else
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateOperation, located.Location, located.Operation.Name, file.Product, file.Version, owner.Path));
                }
            }
        }

        if (wanted is not null)
        {
            foreach (var missing in options.Selection.Where(name => !selected.Contains(name)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SelectedOperationMissing, null, missing, "the VodGenOperations property"));
            }
        }

        var accessibility = options.Accessibility == "internal" ? "internal" : "public";
        if (options.Accessibility is not ("" or "public" or "internal"))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidAccessibility, null, options.Accessibility));
        }

        var productModels = new List<ProductModel>();
        var operations = new List<OperationSource>();
        var operationNames = products.Values
            .GroupBy(p => p.Namespace, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (ICollection<string>)new HashSet<string>(g.SelectMany(p => p.Operations).Select(o => o.Operation.Name), StringComparer.Ordinal), StringComparer.Ordinal);
        var sharedTypes = new Dictionary<string, (SharedTypeSource Type, SchemaModel Shape)>(StringComparer.Ordinal);
        var components = new SortedDictionary<string, SharedTypeSource>(StringComparer.Ordinal);
        foreach (var product in products.Values)
        {
            var model = product.ToModel(operationNames[product.Namespace]) with { Accessibility = accessibility };
            productModels.Add(model);
            product.NameComponents(model);
            foreach (var located in product.Operations.OrderBy(o => o.Operation.Name, StringComparer.Ordinal))
            {
                // Each operation is bound with the shared schemas its parameters reach (which flattening and
                // validation spell out); a type is emitted for every schema some generated operation reaches.
                var operation = product.WithComponentNames(located.Operation);
                operations.Add(new OperationSource(model, operation, product.ComponentsUsedBy(operation, includeResponse: false)));
                CollectSharedTypes(model.Namespace, located, operation.Response, sharedTypes, diagnostics);
                foreach (var component in product.ComponentsUsedBy(operation, includeResponse: true))
                {
                    components[model.Namespace + "." + component.Name] = new SharedTypeSource(model.Namespace, component.Name, component.Schema, IsComponent: true);
                }
            }
        }

        return new MergedSpecs(
            productModels.ToEquatableArray(),
            operations.ToEquatableArray(),
            sharedTypes.Values.Select(v => v.Type).Concat(components.Values)
                .Select(t => t with { HintName = FileNames.Type(t.Namespace, t.TypeName, FileNames.SchemaKind, operationNames[t.Namespace]), Accessibility = accessibility })
                .OrderBy(t => t.Namespace + "." + t.TypeName, StringComparer.Ordinal)
                .ToEquatableArray(),
            diagnostics.ToEquatableArray());
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

        // Shared schemas by the name references use; after NameComponents, by their C# type name.
        private Dictionary<string, ComponentModel> _components = new(StringComparer.Ordinal);
        private Dictionary<string, string> _renames = new(StringComparer.Ordinal);

        public void AddComponent(ComponentModel component, LocationInfo location, List<DiagnosticInfo> diagnostics)
        {
            if (!_components.TryGetValue(component.Name, out var known))
            {
                _components.Add(component.Name, component);
            }
            else if (ShapeOf(known.Schema) != ShapeOf(component.Schema))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SharedTypeConflict, location, component.Name));
            }
        }

        // A shared schema named like a type VodGen generates anyway (GetPlayInfoResponse, the service class, a decoded
        // payload type) gets "Schema" appended, so both compile; references follow the new name.
        public void NameComponents(ProductModel model)
        {
            var taken = new HashSet<string>(StringComparer.Ordinal)
            {
                model.ServiceClassName, model.ExtensionsClassName, "VodUploadExtensions", "VodGenJson",
            };
            foreach (var located in Operations)
            {
                var name = located.Operation.Name;
                taken.UnionWith(new[] { name + "Request", name + "Response", name + "Errors", name + "Operation" });
                AddDecodedTypeNames(located.Operation.Response, taken);
            }

            foreach (var name in _components.Keys.OrderBy(n => n, StringComparer.Ordinal))
            {
                if (!taken.Contains(name))
                {
                    continue;
                }

                var candidate = name + "Schema";
                for (var i = 2; taken.Contains(candidate) || _components.ContainsKey(candidate); i++)
                {
                    candidate = name + "Schema" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                _renames[name] = candidate;
                taken.Add(candidate);
            }

            if (_renames.Count > 0)
            {
                var renamed = new Dictionary<string, ComponentModel>(StringComparer.Ordinal);
                foreach (var component in _components.Values)
                {
                    var name = _renames.TryGetValue(component.Name, out var newName) ? newName : component.Name;
                    renamed[name] = new ComponentModel(name, Rename(component.Schema, _renames));
                }

                _components = renamed;
            }
        }

        public OperationModel WithComponentNames(OperationModel operation) => _renames.Count == 0 ? operation : operation with
        {
            Parameters = operation.Parameters.Select(p => p with { Schema = Rename(p.Schema, _renames) }).ToEquatableArray(),
            Response = operation.Response is null ? null : Rename(operation.Response, _renames),
        };

        // The shared schemas an operation reaches (its parameters, and its answer when asked, through each other),
        // in name order.
        public EquatableArray<ComponentModel> ComponentsUsedBy(OperationModel operation, bool includeResponse)
        {
            var found = new SortedDictionary<string, ComponentModel>(StringComparer.Ordinal);
            var pending = new Stack<SchemaModel>(operation.Parameters.Select(p => p.Schema));
            if (includeResponse && operation.Response is not null)
            {
                pending.Push(operation.Response);
            }

            while (pending.Count > 0)
            {
                var schema = pending.Pop();
                if (schema.Reference.Length > 0 && !found.ContainsKey(schema.Reference) && _components.TryGetValue(schema.Reference, out var component))
                {
                    found.Add(component.Name, component);
                    pending.Push(component.Schema);
                }

                if (schema.Items is not null)
                {
                    pending.Push(schema.Items);
                }

                if (schema.Decoded is not null)
                {
                    pending.Push(schema.Decoded);
                }

                foreach (var property in schema.Properties)
                {
                    pending.Push(property.Schema);
                }
            }

            return found.Values.ToEquatableArray();
        }

        private static void AddDecodedTypeNames(SchemaModel? schema, HashSet<string> names)
        {
            if (schema is null)
            {
                return;
            }

            if (schema.Decoded is { TypeName.Length: > 0 } decoded)
            {
                names.Add(decoded.TypeName);
            }

            AddDecodedTypeNames(schema.Items, names);
            AddDecodedTypeNames(schema.Decoded, names);
            foreach (var property in schema.Properties)
            {
                AddDecodedTypeNames(property.Schema, names);
            }
        }

        private static SchemaModel Rename(SchemaModel schema, Dictionary<string, string> renames) => schema with
        {
            Reference = renames.TryGetValue(schema.Reference, out var renamed) ? renamed : schema.Reference,
            Items = schema.Items is null ? null : Rename(schema.Items, renames),
            Decoded = schema.Decoded is null ? null : Rename(schema.Decoded, renames),
            Properties = schema.Properties.Select(p => p with { Schema = Rename(p.Schema, renames) }).ToEquatableArray(),
        };

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

        public ProductModel ToModel(ICollection<string> operationNames)
        {
            var serviceClass = Identifiers.ToPascalCase(Product) + "Service";
            return new(
                Namespace,
                Product,
                Version,
                serviceClass,
                _endpoints.OrderBy(e => e.RegionId, StringComparer.Ordinal).ToEquatableArray(),
                FileNames.Type(Namespace, serviceClass, FileNames.ClientKind, operationNames));
        }
    }
}
