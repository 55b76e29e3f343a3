namespace VodGen.Generator.Model;

/// <summary>
/// A value's shape as a spec describes it: a scalar, an array (<see cref="Items"/>) or an object
/// (<see cref="Properties"/>), with the constraints and VodGen extensions that apply to it.
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
    ConstraintsModel Constraints);

/// <summary>The JSON type of a schema.</summary>
internal enum SchemaKind
{
    String,
    Integer,
    Number,
    Boolean,
    Array,
    Object,
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
