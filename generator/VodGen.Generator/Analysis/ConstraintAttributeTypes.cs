using Microsoft.CodeAnalysis;

namespace VodGen.Generator.Analysis;

/// <summary>The kinds of constraint attribute the analyzer understands.</summary>
internal enum ConstraintKind
{
    None,
    Length,
    Pattern,
    Range,
    ItemCount,
}

/// <summary>The runtime's constraint attribute types, looked up once per compilation.</summary>
internal sealed class ConstraintAttributeTypes
{
    private readonly INamedTypeSymbol? _length;
    private readonly INamedTypeSymbol? _pattern;
    private readonly INamedTypeSymbol? _range;
    private readonly INamedTypeSymbol? _itemCount;

    private ConstraintAttributeTypes(Compilation compilation)
    {
        _length = compilation.GetTypeByMetadataName("VodGen.Validation.VodLengthAttribute");
        _pattern = compilation.GetTypeByMetadataName("VodGen.Validation.VodPatternAttribute");
        _range = compilation.GetTypeByMetadataName("VodGen.Validation.VodRangeAttribute");
        _itemCount = compilation.GetTypeByMetadataName("VodGen.Validation.VodItemCountAttribute");
    }

    /// <summary>The attribute types, or null when the compilation does not reference the runtime.</summary>
    public static ConstraintAttributeTypes? Find(Compilation compilation)
    {
        var types = new ConstraintAttributeTypes(compilation);
        return types._length is null && types._pattern is null && types._range is null && types._itemCount is null ? null : types;
    }

    public ConstraintKind KindOf(INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return ConstraintKind.None;
        }

        if (SymbolEqualityComparer.Default.Equals(attribute, _length))
        {
            return ConstraintKind.Length;
        }

        if (SymbolEqualityComparer.Default.Equals(attribute, _pattern))
        {
            return ConstraintKind.Pattern;
        }

        if (SymbolEqualityComparer.Default.Equals(attribute, _range))
        {
            return ConstraintKind.Range;
        }

        return SymbolEqualityComparer.Default.Equals(attribute, _itemCount) ? ConstraintKind.ItemCount : ConstraintKind.None;
    }
}
