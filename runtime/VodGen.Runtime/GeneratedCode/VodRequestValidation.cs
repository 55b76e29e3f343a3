using System.ComponentModel;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace VodGen.GeneratedCode;

/// <summary>
/// Checks generated <c>Validate</c> methods run before anything is signed or sent. Each throws an
/// <see cref="ArgumentException"/> whose <see cref="ArgumentException.ParamName"/> is the spec's parameter name.
/// Values are never quoted in messages, since a parameter may be sensitive.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class VodRequestValidation
{
    /// <summary>A required text parameter must be present and not empty.</summary>
    public static void Required(string? value, string name)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"{name} is required and must not be {(value is null ? "null" : "empty")}.", name);
        }
    }

    /// <summary>A required list or object parameter must be present.</summary>
    public static void Required(object? value, string name)
    {
        if (value is null)
        {
            throw new ArgumentException($"{name} is required and must not be null.", name);
        }
    }

    /// <summary>A list must not contain null elements.</summary>
    public static void NoNullItems<T>(IReadOnlyList<T?>? items, string name)
    {
        if (items is null)
        {
            return;
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                throw new ArgumentException($"{name}[{i}] is null; lists must not contain null elements.", name);
            }
        }
    }

    /// <summary>Checks a text's length in characters.</summary>
    public static void Length(string? value, int? min, int? max, string name)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length < (min ?? 0) || value.Length > (max ?? int.MaxValue))
        {
            throw new ArgumentException($"{name} must be {Range(min, max)} characters long; it is {value.Length}.", name);
        }
    }

    /// <summary>Checks a text against the spec's pattern.</summary>
    public static void Pattern(string? value, Regex pattern, string name)
    {
        if (value is null)
        {
            return;
        }

        bool matches;
        try
        {
            matches = pattern.IsMatch(value);
        }
        catch (RegexMatchTimeoutException exception)
        {
            // A value that takes the pattern this long to check is refused, like one that does not match.
            throw new ArgumentException($"{name} could not be checked against the pattern {pattern} within {exception.MatchTimeout.TotalSeconds:0.###} s; the value was not sent.", name, exception);
        }

        if (!matches)
        {
            throw new ArgumentException($"{name} does not match the pattern {pattern}.", name);
        }
    }

    /// <summary>Checks a number against the spec's bounds.</summary>
    public static void Bounds(double? value, double? minimum, double? maximum, string name)
    {
        if (value is { } number && (number < (minimum ?? double.NegativeInfinity) || number > (maximum ?? double.PositiveInfinity)))
        {
            throw new ArgumentException($"{name} must be {Range(minimum, maximum)}.", name);
        }
    }

    /// <summary>Checks a number against the values the spec lists for it.</summary>
    public static void OneOf(double? value, double[] allowed, string name)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (value is { } number && Array.IndexOf(allowed, number) < 0)
        {
            throw new ArgumentException($"{name} must be one of {string.Join(", ", Array.ConvertAll(allowed, a => a.ToString(CultureInfo.InvariantCulture)))}.", name);
        }
    }

    /// <summary>Checks a list's length.</summary>
    public static void Count<T>(IReadOnlyList<T>? items, int? min, int? max, string name)
    {
        if (items is not null && (items.Count < (min ?? 0) || items.Count > (max ?? int.MaxValue)))
        {
            throw new ArgumentException($"{name} must hold {Range(min, max)} elements; it holds {items.Count}.", name);
        }
    }

    private static string Range<T>(T? min, T? max)
        where T : struct, IFormattable
        => (min, max) switch
        {
            ({ } low, { } high) => $"between {Format(low)} and {Format(high)}",
            ({ } low, null) => $"at least {Format(low)}",
            (null, { } high) => $"at most {Format(high)}",
            _ => "any",
        };

    private static string Format(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
