namespace VodGen.Generator.Model;

/// <summary>
/// A value's shape as a spec describes it: a scalar, an array (<see cref="Items"/>) or an object
/// (<see cref="Properties"/>), with the constraints and VodGen extensions that apply to it. An object that
/// names a shared schema of its file (<c>$ref</c>) has a <see cref="Reference"/> and no properties of its own:
/// the component's one generated type stands for it, which is how self-referencing schemas stay finite.
/// </summary>
internal sealed record SchemaModel(
    SchemaKind Kind,
    string Format,
    string Description,
    string Example,
    bool Required,
    bool Secret,
    bool Deprecated,
    SchemaModel? Items,
    EquatableArray<PropertyModel> Properties,
    ValueEncoding Encoding,
    SchemaModel? Decoded,
    string TypeName,
    ConstraintsModel Constraints,
    string Reference = "");

/// <summary>The JSON type of a schema.</summary>
internal enum SchemaKind
{
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Object,

    /// <summary>Any JSON value (<c>type: any</c>), kept as raw JSON.</summary>
    Any,
}

/// <summary>How a string value carries a structured payload.</summary>
internal enum ValueEncoding
{
    None,
    Base64Json,
}

/// <summary>A named member of an object schema.</summary>
internal sealed record PropertyModel(string JsonName, SchemaModel Schema);

/// <summary>Value constraints, kept as written in the spec (numbers as invariant text).</summary>
internal sealed record ConstraintsModel(
    string Minimum,
    string Maximum,
    int? MinLength,
    int? MaxLength,
    string Pattern,
    int? MinItems,
    int? MaxItems,
    EquatableArray<string> Enum)
{
    public static ConstraintsModel None { get; } = new(string.Empty, string.Empty, null, null, string.Empty, null, null, EquatableArray<string>.Empty);
}

/// <summary>A shared schema of a file (<c>components.schemas</c>) that some operation refers to.</summary>
internal sealed record ComponentModel(string Name, SchemaModel Schema);
