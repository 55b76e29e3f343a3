using System.Globalization;
using System.Linq;
using VodGen.Generator.Binding;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Emits the spec's constraints on a request property as <c>VodGen.Validation</c> attributes. They change
/// nothing at run time (the operation validates from its own code); the analyzer reads them to check constant
/// values where they are written.
/// </summary>
internal static class ConstraintAttributes
{
    private const string Namespace = "global::VodGen.Validation.";

    public static void Emit(SourceWriter writer, BoundChecks checks)
    {
        if (checks.HasLength)
        {
            writer.WriteLine("[" + Namespace + "VodLength(" + Named("MinLength", checks.MinLength, "MaxLength", checks.MaxLength) + ")]");
        }

        if (checks.Pattern.Length > 0)
        {
            writer.WriteLine("[" + Namespace + "VodPattern(" + Literals.String(checks.Pattern) + ")]");
        }

        if (!checks.Allowed.IsEmpty)
        {
            writer.WriteLine("[" + Namespace + "VodAllowedValues(" + string.Join(", ", checks.Allowed.Select(Literals.Double)) + ")]");
        }

        if (checks.HasBounds)
        {
            var parts = new System.Collections.Generic.List<string>();
            if (checks.Minimum.Length > 0)
            {
                parts.Add("Minimum = " + Literals.Double(checks.Minimum));
            }

            if (checks.Maximum.Length > 0)
            {
                parts.Add("Maximum = " + Literals.Double(checks.Maximum));
            }

            writer.WriteLine("[" + Namespace + "VodRange(" + string.Join(", ", parts) + ")]");
        }

        if (checks.HasItemCount)
        {
            writer.WriteLine("[" + Namespace + "VodItemCount(" + Named("MinItems", checks.MinItems, "MaxItems", checks.MaxItems) + ")]");
        }
    }

    private static string Named(string minName, int? min, string maxName, int? max)
    {
        var parts = new System.Collections.Generic.List<string>();
        if (min is not null)
        {
            parts.Add(minName + " = " + min.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (max is not null)
        {
            parts.Add(maxName + " = " + max.Value.ToString(CultureInfo.InvariantCulture));
        }

        return string.Join(", ", parts);
    }
}
