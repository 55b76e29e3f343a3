using System;
using System.Collections.Generic;

namespace VodGen.Validation;

/// <summary>
/// The spec's length limits of a text parameter, placed by the generator on request properties. Run-time
/// checks come from the generated operation; the VodGen analyzer reads this to check constant values at build
/// time.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class VodLengthAttribute : Attribute
{
    /// <summary>Fewest characters allowed; -1 when the spec sets no lower limit.</summary>
    public int MinLength { get; set; } = -1;

    /// <summary>Most characters allowed; -1 when the spec sets no upper limit.</summary>
    public int MaxLength { get; set; } = -1;
}

/// <summary>The spec's regular expression for a text parameter; see <see cref="VodLengthAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class VodPatternAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="pattern">The regular expression a value must match.</param>
    public VodPatternAttribute(string pattern) => Pattern = pattern;

    /// <summary>The regular expression a value must match.</summary>
    public string Pattern { get; }
}

/// <summary>The spec's bounds of a numeric parameter, inclusive; see <see cref="VodLengthAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class VodRangeAttribute : Attribute
{
    /// <summary>Smallest value allowed; negative infinity when the spec sets none.</summary>
    public double Minimum { get; set; } = double.NegativeInfinity;

    /// <summary>Largest value allowed; positive infinity when the spec sets none.</summary>
    public double Maximum { get; set; } = double.PositiveInfinity;
}

/// <summary>The spec's limits on the number of items of a list parameter; see <see cref="VodLengthAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class VodItemCountAttribute : Attribute
{
    /// <summary>Fewest items allowed; -1 when the spec sets no lower limit.</summary>
    public int MinItems { get; set; } = -1;

    /// <summary>Most items allowed; -1 when the spec sets no upper limit.</summary>
    public int MaxItems { get; set; } = -1;
}

/// <summary>The values the spec lists for a numeric parameter; see <see cref="VodLengthAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class VodAllowedValuesAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="values">The values allowed.</param>
    public VodAllowedValuesAttribute(params double[] values) => Values = values;

    /// <summary>The values allowed.</summary>
    public IReadOnlyList<double> Values { get; }
}
