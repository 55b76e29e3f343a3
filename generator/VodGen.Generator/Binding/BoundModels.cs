using System.Linq;
using VodGen.Generator.Model;

namespace VodGen.Generator.Binding;

/// <summary>Whether a generated class is sent (request side), read (response side), or both (a shared schema).</summary>
internal enum ClassRole
{
    Request,
    Response,

    /// <summary>A shared schema (<c>components.schemas</c>): read and written, every member optional, text as text.</summary>
    Shared,
}

/// <summary>
/// A resolved C# type: a name (a keyword, a qualified name or a nested class name) or a list of an element type,
/// so that emitters never take type strings apart again.
/// </summary>
/// <param name="Name">The type as written in C# where it is declared (a nested class by its own name), without a nullable annotation.</param>
/// <param name="QualifiedName">The type as written anywhere (nested classes with their owners, <c>global::</c>-qualified).</param>
/// <param name="Element">The element type of a list; null for anything else.</param>
/// <param name="IsValueType">A struct (numbers, booleans, durations, raw JSON values).</param>
/// <param name="IsClass">A generated class (nested or shared), which has a reader and a writer in <c>VodGenJson</c>.</param>
/// <param name="Component">For the type of a shared schema: the schema's type name; empty for anything else.</param>
/// <param name="SerializerKey">For a generated class: what its reader and writer are named after (<c>Read_{key}</c>).</param>
internal sealed record BoundType(string Name, string QualifiedName, BoundType? Element, bool IsValueType, bool IsClass, string Component, string SerializerKey)
{
    public const string List = "global::System.Collections.Generic.IReadOnlyList";

    public static BoundType Value(string name) => new(name, name, null, IsValueType: true, IsClass: false, string.Empty, string.Empty);

    public static BoundType Reference(string name, string qualifiedName) => new(name, qualifiedName, null, IsValueType: false, IsClass: false, string.Empty, string.Empty);

    public static BoundType Class(string name, string qualifiedName, string serializerKey) => new(name, qualifiedName, null, IsValueType: false, IsClass: true, string.Empty, serializerKey);

    public static BoundType Shared(string ns, string component)
        => new("global::" + ns + "." + component, "global::" + ns + "." + component, null, IsValueType: false, IsClass: true, component, component);

    public static BoundType ListOf(BoundType element)
        => new(List + "<" + element.Name + ">", List + "<" + element.QualifiedName + ">", element, IsValueType: false, IsClass: false, string.Empty, string.Empty);

    public override string ToString() => Name;
}

/// <summary>A property of a generated class.</summary>
/// <param name="JsonName">The name on the wire.</param>
/// <param name="PropertyName">The C# name, unique in its class.</param>
/// <param name="Schema">What the spec says of the value.</param>
/// <param name="Required">Checked before sending: a member the spec requires, of a class that is sent.</param>
/// <param name="IsRequiredMember">
/// Declared with C#'s <c>required</c>, so leaving it out does not compile: required request members, except deprecated
/// ones (C# does not allow a required member to be obsolete, CS9042) and those of shared classes (which responses
/// build too); those are only checked before sending.
/// </param>
/// <param name="TypeRef">The C# type.</param>
/// <param name="Decoded">For a Base64 JSON string: the type its <c>Decode…()</c> method returns; else null.</param>
/// <param name="PlaybackUrls">Whether the member is, or holds, playback URLs that <c>WithPlaybackUrls</c> replaces.</param>
internal sealed record BoundMember(string JsonName, string PropertyName, SchemaModel Schema, bool Required, bool IsRequiredMember, BoundType TypeRef, BoundType? Decoded, PlaybackUrlKind PlaybackUrls = PlaybackUrlKind.None)
{

    /// <summary>The C# type without a nullable annotation.</summary>
    public string Type => TypeRef.Name;

    public bool IsValueType => TypeRef.IsValueType;

    /// <summary>The declared type: nullable unless the member is a required member.</summary>
    public string DeclaredType => IsRequiredMember ? Type : Type + "?";

    /// <summary>The declared type as written outside the class.</summary>
    public string QualifiedDeclaredType => IsRequiredMember ? TypeRef.QualifiedName : TypeRef.QualifiedName + "?";
}

/// <summary>How a member of a read class reaches playback URLs (<c>x-vodgen-format: playback-url</c>).</summary>
internal enum PlaybackUrlKind
{
    None,

    /// <summary>The member is a playback URL.</summary>
    Url,

    /// <summary>A list of playback URLs.</summary>
    ListOfUrls,

    /// <summary>A nested class that holds some.</summary>
    Class,

    /// <summary>A list of nested classes that hold some.</summary>
    ListOfClasses,
}

/// <summary>One value of an option type and the C# member that stands for it.</summary>
internal sealed record BoundOptionValue(string Value, string MemberName);

/// <summary>
/// An enum-like option type: a sealed class whose only instances are the allowed values, so that a value the
/// spec does not allow cannot be written at all.
/// </summary>
internal sealed record BoundOption(string Name, string Description, EquatableArray<BoundOptionValue> Values);

/// <summary>
/// A generated class: its members, the nested classes their values need, and its option types; its reader and writer
/// live in the namespace's hidden <c>VodGenJson</c> class, named after <see cref="SerializerKey"/>.
/// </summary>
internal sealed record BoundClass(
    string Name,
    string QualifiedName,
    string SerializerKey,
    string Description,
    ClassRole Role,
    EquatableArray<BoundMember> Members,
    EquatableArray<BoundClass> Nested,
    EquatableArray<BoundOption> Options)
{
    /// <summary>Whether the class gets a <c>WithPlaybackUrls</c> method: some member is, or holds, a playback URL.</summary>
    public bool HasPlaybackUrls => Members.Any(m => m.PlaybackUrls != PlaybackUrlKind.None);
}

/// <summary>
/// A paged list operation's <c>{Operation}ItemsAsync</c>, every name decided: the page parameters' properties, and the
/// paths to the items, the total and the continuation token in the answer, as C# member accesses on <c>response</c>.
/// </summary>
/// <param name="PageNumberJsonName">The page number's name on the wire, for the documentation.</param>
/// <param name="TokenJsonName">The continuation token's name on the wire; empty without one.</param>
/// <param name="ItemsAccess">The items list, e.g. <c>response.VideoList?.Video</c>.</param>
/// <param name="ItemType">The item type, qualified where it is a nested class.</param>
/// <param name="TotalAccess">The total, or null when the spec names none.</param>
internal sealed record BoundPaging(
    string PageNumberJsonName,
    string PageNumber,
    bool PageNumberRequired,
    string PageSize,
    bool PageSizeRequired,
    string TokenJsonName,
    string? RequestToken,
    string? ResponseToken,
    string ItemsAccess,
    string ItemType,
    string? TotalAccess);

/// <summary>A documented error code and the <c>{Operation}Errors</c> property that stands for it.</summary>
/// <param name="PropertyName">The C# name, unique in the class (which also has <c>All</c>).</param>
/// <param name="Code">The code on the wire.</param>
/// <param name="HttpStatus">The documented status; 0 when not documented.</param>
/// <param name="Message">The service's message.</param>
/// <param name="Summary">What the XML documentation says of it: the description, else the message.</param>
internal sealed record BoundErrorCode(string PropertyName, string Code, int HttpStatus, string Message, string Summary);

/// <summary>
/// One operation in C# terms, every name and type resolved: its request and response classes (with their nested
/// classes) and the classes of the shared schemas its parameters reach. Emitters print it and decide nothing.
/// </summary>
internal sealed record BoundOperation(
    ProductModel Product,
    OperationModel Operation,
    BoundClass Request,
    BoundClass Response,
    EquatableArray<BoundClass> Components,
    EquatableArray<BoundErrorCode> Errors = default,
    BoundPaging? Paging = null)
{
    public string Namespace => Product.Namespace;
}

/// <summary>A top-level shared class: a decoded payload or a shared schema.</summary>
internal sealed record BoundSharedType(string Namespace, BoundClass Class, bool IsComponent, string HintName, string Accessibility = "public");
