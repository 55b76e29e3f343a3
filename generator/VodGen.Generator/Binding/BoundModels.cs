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

/// <summary>What a value is when it is read, written or checked.</summary>
internal enum ValueKind
{
    /// <summary>Text: a string, or a request option type (written as its text).</summary>
    Text,
    Int32,
    Int64,
    Double,
    Boolean,

    /// <summary>Any JSON value, kept raw.</summary>
    Json,

    /// <summary>Seconds on the wire, a <c>TimeSpan</c> in C# (answers only).</summary>
    Duration,

    /// <summary>A generated class (nested or shared), which has a reader and a writer in <c>VodGenJson</c>.</summary>
    Class,

    /// <summary>A list of <see cref="BoundType.Element"/>.</summary>
    List,
}

/// <summary>
/// A resolved C# type: a name (a keyword, a qualified name or a nested class name) or a list of an element type,
/// so that emitters never take type strings apart again.
/// </summary>
/// <param name="Kind">How values of the type are read, written and checked.</param>
/// <param name="Name">The type as written in C# where it is declared (a nested class by its own name), without a nullable annotation.</param>
/// <param name="QualifiedName">The type as written anywhere (nested classes with their owners, <c>global::</c>-qualified).</param>
/// <param name="Element">The element type of a list; null for anything else.</param>
/// <param name="Component">For the type of a shared schema: the schema's type name; empty for anything else.</param>
/// <param name="SerializerKey">For a generated class: what its reader and writer are named after (<c>Read_{key}</c>).</param>
internal sealed record BoundType(ValueKind Kind, string Name, string QualifiedName, BoundType? Element, string Component, string SerializerKey)
{
    public const string List = "global::System.Collections.Generic.IReadOnlyList";

    /// <summary>A struct (numbers, booleans, durations, raw JSON values).</summary>
    public bool IsValueType => Kind is ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Boolean or ValueKind.Json or ValueKind.Duration;

    /// <summary>A generated class (nested or shared).</summary>
    public bool IsClass => Kind == ValueKind.Class;

    /// <summary>The type of a scalar kind (one shared instance each: every property of an official file asks for one).</summary>
    public static BoundType Scalar(ValueKind kind) => kind switch
    {
        ValueKind.Int32 => Int32Type,
        ValueKind.Int64 => Int64Type,
        ValueKind.Double => DoubleType,
        ValueKind.Boolean => BooleanType,
        ValueKind.Json => JsonType,
        ValueKind.Duration => DurationType,
        ValueKind.Text => TextType,
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "not a scalar kind"),
    };

    private static readonly BoundType TextType = Named(ValueKind.Text, "string");
    private static readonly BoundType Int32Type = Named(ValueKind.Int32, "int");
    private static readonly BoundType Int64Type = Named(ValueKind.Int64, "long");
    private static readonly BoundType DoubleType = Named(ValueKind.Double, "double");
    private static readonly BoundType BooleanType = Named(ValueKind.Boolean, "bool");
    private static readonly BoundType JsonType = Named(ValueKind.Json, "global::System.Text.Json.JsonElement");
    private static readonly BoundType DurationType = Named(ValueKind.Duration, "global::System.TimeSpan");

    private static BoundType Named(ValueKind kind, string name) => new(kind, name, name, null, string.Empty, string.Empty);

    /// <summary>A request option type: a class, but sent as its text.</summary>
    public static BoundType Option(string name, string qualifiedName) => new(ValueKind.Text, name, qualifiedName, null, string.Empty, string.Empty);

    public static BoundType Class(string name, string qualifiedName, string serializerKey) => new(ValueKind.Class, name, qualifiedName, null, string.Empty, serializerKey);

    public static BoundType Shared(string ns, string component)
        => new(ValueKind.Class, "global::" + ns + "." + component, "global::" + ns + "." + component, null, component, component);

    public static BoundType ListOf(BoundType element)
        => new(ValueKind.List, List + "<" + element.Name + ">", List + "<" + element.QualifiedName + ">", element, string.Empty, string.Empty);

    public override string ToString() => Name;
}

/// <summary>A property of a generated class.</summary>
/// <param name="JsonName">The name on the wire.</param>
/// <param name="PropertyName">The C# name, unique in its class.</param>
/// <param name="TypeRef">The C# type.</param>
/// <param name="Description">The spec's description, for the XML documentation.</param>
/// <param name="Example">The spec's example; empty for a secret.</param>
/// <param name="Secret">Masked by <c>ToString()</c>.</param>
/// <param name="Deprecated">Marked obsolete.</param>
/// <param name="Required">Checked before sending: a member the spec requires, of a class that is sent.</param>
/// <param name="IsRequiredMember">
/// Declared with C#'s <c>required</c>, so leaving it out does not compile: required request members, except deprecated
/// ones (C# does not allow a required member to be obsolete, CS9042) and those of shared classes (which responses
/// build too); those are only checked before sending.
/// </param>
/// <param name="Checks">The spec's constraints that apply to the C# type, for validation and the analyzer's attributes (none on answers).</param>
/// <param name="Decoded">For a Base64 JSON string: the type its <c>Decode…()</c> method returns; else null.</param>
/// <param name="PlaybackUrls">Whether the member is, or holds, playback URLs that <c>WithPlaybackUrls</c> replaces.</param>
internal sealed record BoundMember(
    string JsonName,
    string PropertyName,
    BoundType TypeRef,
    string Description,
    string Example,
    bool Secret,
    bool Deprecated,
    bool Required,
    bool IsRequiredMember,
    BoundChecks Checks,
    BoundType? Decoded,
    PlaybackUrlKind PlaybackUrls = PlaybackUrlKind.None)
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
/// classes), the classes of the shared schemas its parameters reach, the order its parameters are signed in, its
/// validation and its flattening writers. Emitters print it and decide nothing.
/// </summary>
/// <param name="HttpMethod">The name of the runtime's <c>VodHttpMethod</c> member.</param>
/// <param name="Idempotent">Whether a call may be repeated after an unclear failure.</param>
internal sealed record BoundOperation(
    ProductModel Product,
    string Name,
    string Summary,
    string Description,
    string HttpMethod,
    bool Deprecated,
    bool Idempotent,
    BoundQps? Qps,
    BoundClass Request,
    BoundClass Response,
    EquatableArray<BoundClass> Components,
    EquatableArray<BoundParameter> WriteOrder,
    BoundValidation Validation,
    EquatableArray<BoundFlatWriter> FlatWriters,
    EquatableArray<BoundErrorCode> Errors = default,
    BoundPaging? Paging = null)
{
    public string Namespace => Product.Namespace;
}

/// <summary>Documented call rate limits: per account, and per region where a region differs.</summary>
internal sealed record BoundQps(int PerAccount, EquatableArray<BoundRegionLimit> Regions);

/// <summary>A per-region call rate limit.</summary>
internal sealed record BoundRegionLimit(string RegionId, int Limit);

/// <summary>A top-level shared class: a decoded payload or a shared schema.</summary>
internal sealed record BoundSharedType(string Namespace, BoundClass Class, bool IsComponent, string HintName, string Accessibility = "public");
