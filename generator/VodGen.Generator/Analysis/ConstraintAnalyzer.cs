using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using VodGen.Generator.Diagnostics;

namespace VodGen.Generator.Analysis;

/// <summary>
/// Checks constant values assigned to generated request properties against the spec's constraints, which the
/// generator places on them as <c>VodGen.Validation</c> attributes: text length and pattern, numeric range and
/// the number of items of a list written out in place. It reports at the offending expression; values that are
/// not constant are left to the run-time check.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ConstraintAnalyzer : DiagnosticAnalyzer
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.LengthViolation,
        DiagnosticDescriptors.PatternViolation,
        DiagnosticDescriptors.RangeViolation,
        DiagnosticDescriptors.ItemCountViolation,
        DiagnosticDescriptors.EmptyRequiredText,
        DiagnosticDescriptors.NotAllowedValue);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var attributes = ConstraintAttributeTypes.Find(start.Compilation);
            if (attributes is not null)
            {
                start.RegisterOperationAction(operation => AnalyzeAssignment(operation, attributes), OperationKind.SimpleAssignment);
            }
        });
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, ConstraintAttributeTypes types)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: var property })
        {
            return;
        }

        var value = Unwrap(assignment.Value);
        if (property.IsRequired && property.Type.SpecialType == SpecialType.System_String && value.ConstantValue is { HasValue: true, Value: null or "" }
            && types.IsGenerated(property.ContainingType))
        {
            Report(context, DiagnosticDescriptors.EmptyRequiredText, value.Syntax.GetLocation(), property.Name);
            return;
        }

        // Length before pattern, range before listed values: a value is reported once, for its plainest problem.
        var reported = false;
        foreach (var (kind, attribute) in property.GetAttributes().Select(a => (Kind: types.KindOf(a.AttributeClass), Attribute: a)).Where(a => a.Kind != ConstraintKind.None).OrderBy(a => a.Kind))
        {
            if (!(reported && kind is ConstraintKind.Pattern or ConstraintKind.AllowedValues))
            {
                reported |= Check(context, kind, attribute, property.Name, value);
            }
        }
    }

    private static bool Check(OperationAnalysisContext context, ConstraintKind kind, AttributeData attribute, string name, IOperation value)
    {
        var location = value.Syntax.GetLocation();
        switch (kind)
        {
            case ConstraintKind.Length when value.ConstantValue is { HasValue: true, Value: string text }:
            {
                var (min, max) = (Named(attribute, "MinLength"), Named(attribute, "MaxLength"));
                if ((min >= 0 && text.Length < min) || (max >= 0 && text.Length > max))
                {
                    return Report(context, DiagnosticDescriptors.LengthViolation, location, name, text.Length.ToString(CultureInfo.InvariantCulture), Between(min, max, "characters"));
                }

                break;
            }

            case ConstraintKind.Pattern when value.ConstantValue is { HasValue: true, Value: string text }:
                if (attribute.ConstructorArguments.FirstOrDefault().Value is string pattern && !Matches(text, pattern))
                {
                    return Report(context, DiagnosticDescriptors.PatternViolation, location, name, pattern);
                }

                break;
            case ConstraintKind.Range when value.ConstantValue is { HasValue: true, Value: { } number } && IsNumber(number):
            {
                var actual = Convert.ToDouble(number, CultureInfo.InvariantCulture);
                var min = NamedDouble(attribute, "Minimum", double.NegativeInfinity);
                var max = NamedDouble(attribute, "Maximum", double.PositiveInfinity);
                if (actual < min || actual > max)
                {
                    return Report(context, DiagnosticDescriptors.RangeViolation, location, name, Convert.ToString(number, CultureInfo.InvariantCulture)!, Range(min, max));
                }

                break;
            }

            case ConstraintKind.AllowedValues when value.ConstantValue is { HasValue: true, Value: { } number } && IsNumber(number):
            {
                var actual = Convert.ToDouble(number, CultureInfo.InvariantCulture);
                var allowed = attribute.ConstructorArguments.FirstOrDefault() is { Kind: TypedConstantKind.Array } list
                    ? list.Values.Select(v => v.Value is double d ? d : double.NaN).ToArray()
                    : Array.Empty<double>();
                if (allowed.Length > 0 && Array.IndexOf(allowed, actual) < 0)
                {
                    var listed = string.Join(", ", allowed.Select(a => a.ToString("R", CultureInfo.InvariantCulture)));
                    return Report(context, DiagnosticDescriptors.NotAllowedValue, location, name, Convert.ToString(number, CultureInfo.InvariantCulture)!, listed);
                }

                break;
            }

            case ConstraintKind.ItemCount when CountItems(value) is { } count:
            {
                var (min, max) = (Named(attribute, "MinItems"), Named(attribute, "MaxItems"));
                if ((min >= 0 && count < min) || (max >= 0 && count > max))
                {
                    return Report(context, DiagnosticDescriptors.ItemCountViolation, location, name, count.ToString(CultureInfo.InvariantCulture), Between(min, max, "items"));
                }

                break;
            }
        }

        return false;
    }

    private static bool Report(OperationAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object[] arguments)
    {
        var page = HelpLinks.PageOf(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
        context.ReportDiagnostic(Diagnostic.Create(HelpLinks.Descriptor(descriptor.Id, page), location, arguments));
        return true;
    }

    // Implicit conversions (string to string?, int to long?) hide the constant or the list written in place.
    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        return value;
    }

    // The number of items of a list written in place; null when it cannot be known at compile time.
    private static int? CountItems(IOperation value)
    {
        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues.Length;
            case IObjectCreationOperation { Initializer: { } initializer } when initializer.Initializers.All(i => i is not ISimpleAssignmentOperation):
                return initializer.Initializers.Length;
        }

        // Collection expressions have no operation node in the oldest supported compiler; their syntax tells.
        if (value.Syntax is CollectionExpressionSyntax collection && collection.Elements.All(e => e is ExpressionElementSyntax))
        {
            return collection.Elements.Count;
        }

        return null;
    }

    private static bool Matches(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (ArgumentException)
        {
            return true; // A pattern .NET cannot read is left to the run-time check, which reports it.
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
    }

    private static bool IsNumber(object value) => value is sbyte or byte or short or ushort or int or uint or long or ulong or float or double or decimal;

    private static int Named(AttributeData attribute, string name)
        => attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is int value ? value : -1;

    private static double NamedDouble(AttributeData attribute, string name, double fallback)
        => attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is double value ? value : fallback;

    private static string Between(int min, int max, string unit) => (min >= 0, max >= 0) switch
    {
        (true, true) => $"{min} to {max} {unit}",
        (true, false) => $"at least {min} {unit}",
        _ => $"at most {max} {unit}",
    };

    private static string Range(double min, double max)
    {
        var low = min.ToString("R", CultureInfo.InvariantCulture);
        var high = max.ToString("R", CultureInfo.InvariantCulture);
        return (double.IsNegativeInfinity(min), double.IsPositiveInfinity(max)) switch
        {
            (false, false) => $"{low} to {high}",
            (false, true) => $"at least {low}",
            _ => $"at most {high}",
        };
    }
}
