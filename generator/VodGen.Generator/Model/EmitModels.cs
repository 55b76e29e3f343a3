namespace VodGen.Generator.Model;

/// <summary>What the product-level source needs: namespace, identity and endpoints.</summary>
/// <param name="HintName">The name of its generated file (<see cref="Merging.FileNames"/>).</param>
internal sealed record ProductModel(
    string Namespace,
    string Product,
    string Version,
    string ServiceClassName,
    EquatableArray<EndpointModel> Endpoints,
    string HintName,
    string Accessibility = "public")
{
    /// <summary>The product's class of client extension methods, declared in part by every operation's file.</summary>
    public string ExtensionsClassName => Parsing.Identifiers.ToPascalCase(Product) + "ClientExtensions";
}

/// <summary>
/// One operation ready to emit, with the product it belongs to and the shared schemas its parameters refer to
/// (directly or through each other), which flattening and validation need to spell out their members.
/// </summary>
internal sealed record OperationSource(ProductModel Product, OperationModel Operation, EquatableArray<ComponentModel> Components = default);

/// <summary>
/// A type shared by name: a decoded payload (<c>x-vodgen-typeName</c>), read only, or a shared schema of the file
/// (<c>components.schemas</c>, <see cref="IsComponent"/>), which requests send and responses read.
/// </summary>
internal sealed record SharedTypeSource(string Namespace, string TypeName, SchemaModel Schema, bool IsComponent = false)
{
    /// <summary>The name of its generated file (<see cref="Merging.FileNames"/>), set once every name is known.</summary>
    public string HintName { get; init; } = string.Empty;

    /// <summary><c>public</c> or <c>internal</c>, as the build asks.</summary>
    public string Accessibility { get; init; } = "public";
}

/// <summary>A product's service class with the names of the operations generated for it, which it registers at load.</summary>
internal sealed record ProductSource(ProductModel Product, EquatableArray<string> Operations);

/// <summary>A namespace's serializers declaration and the name of its file.</summary>
internal sealed record SerializersSource(string Namespace, string HintName);

/// <summary>The result of merging all spec files of a build.</summary>
internal sealed record MergedSpecs(
    EquatableArray<ProductModel> Products,
    EquatableArray<OperationSource> Operations,
    EquatableArray<SharedTypeSource> SharedTypes,
    EquatableArray<DiagnosticInfo> Diagnostics);
