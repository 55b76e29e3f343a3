namespace VodGen.Generator.Binding;

/// <summary>How an operation's parameter goes into the query.</summary>
internal enum ParameterWriting
{
    /// <summary>One of the common parameters every call has (<c>Action</c>, <c>Version</c>, …), written by the runtime.</summary>
    Common,

    /// <summary>A scalar written as <c>Name=value</c>.</summary>
    Simple,

    /// <summary>A list flattened as <c>Name.1</c>, <c>Name.1.Field</c>, …</summary>
    RepeatList,

    /// <summary>A list or object sent as one JSON text.</summary>
    Json,

    /// <summary>An object flattened as <c>Name.Field</c>, <c>Name.Range.Start</c>, …</summary>
    Flat,
}

/// <summary>
/// One entry of an operation's parameter writer, in the canonical (signing) order: ordinal order of the encoded names,
/// a flattened parameter sorting by its prefix (<c>Name.</c>) since all its names share it.
/// </summary>
/// <param name="EncodedName">The name percent-encoded as signed; for a common parameter, the runtime's member name.</param>
/// <param name="Member">The request member; null for a common parameter.</param>
internal sealed record BoundParameter(string EncodedName, ParameterWriting Writing, BoundMember? Member);

/// <summary>
/// A private method of the operation class that writes a class occurring in a flattened parameter; the methods call each
/// other, so a shared class that contains itself recurses as deep as the value is.
/// </summary>
/// <param name="Type">The class's qualified name (what the value's <see cref="BoundType.QualifiedName"/> is).</param>
internal sealed record BoundFlatWriter(string Method, string Type, BoundClass Class);
