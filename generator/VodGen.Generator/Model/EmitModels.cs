namespace VodGen.Generator.Model;

/// <summary>What the product-level source needs: namespace, identity and endpoints.</summary>
internal sealed record ProductModel(
    string Namespace,
    string Product,
    string Version,
    string ServiceClassName,
    EquatableArray<EndpointModel> Endpoints);

/// <summary>One operation ready to emit, with the product it belongs to.</summary>
internal sealed record OperationSource(ProductModel Product, OperationModel Operation);

/// <summary>A decoded payload type shared by name between operations (<c>x-vodgen-typeName</c>).</summary>
internal sealed record SharedTypeSource(string Namespace, string TypeName, SchemaModel Schema);

/// <summary>The result of merging all spec files of a build.</summary>
internal sealed record MergedSpecs(
    EquatableArray<ProductModel> Products,
    EquatableArray<OperationSource> Operations,
    EquatableArray<SharedTypeSource> SharedTypes,
    EquatableArray<DiagnosticInfo> Diagnostics);
