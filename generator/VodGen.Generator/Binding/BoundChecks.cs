using VodGen.Generator.Model;

namespace VodGen.Generator.Binding;

/// <summary>
/// The spec's constraints on a sent value, those that apply to its C# type only (a string with listed values is an
/// option type, so it has no length or pattern to check); numbers as the spec writes them, invariant.
/// </summary>
/// <param name="Allowed">The listed values of a number.</param>
/// <param name="NoNullItems">A list whose elements are references: a null element is refused.</param>
internal sealed record BoundChecks(
    int? MinLength,
    int? MaxLength,
    string Pattern,
    EquatableArray<string> Allowed,
    string Minimum,
    string Maximum,
    int? MinItems,
    int? MaxItems,
    bool NoNullItems)
{
    public static BoundChecks None { get; } = new(null, null, string.Empty, EquatableArray<string>.Empty, string.Empty, string.Empty, null, null, false);

    public bool HasLength => MinLength is not null || MaxLength is not null;

    public bool HasBounds => Minimum.Length > 0 || Maximum.Length > 0;

    public bool HasItemCount => MinItems is not null || MaxItems is not null;

    /// <summary>Whether the value has anything of its own to check.</summary>
    public bool Any => HasLength || Pattern.Length > 0 || !Allowed.IsEmpty || HasBounds || HasItemCount || NoNullItems;
}
