using System.Globalization;
using System.Linq;
using VodGen.Generator.Binding;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Emits the spec's constraints on a request property as <c>VodGen.Validation</c> attributes. They change
/// nothing at run time (the operation validates from its own code); the analyzer reads them to check constant
/// values where they are written.
/// </summary>
internal static class ConstraintAttributes
{
    private const string Namespace = "global::VodGen.Validation.";

    public static void Emit(SourceWriter writer, SchemaModel schema)
    {
        var constraints = schema.Constraints;
        switch (schema.Kind)
        {
            case SchemaKind.String when constraints.Enum.IsEmpty:
                if (constraints.MinLength is not null || constraints.MaxLength is not null)
                {
                    writer.WriteLine("[" + Namespace + "VodLength(" + Named("MinLength", constraints.MinLength, "MaxLength", constraints.MaxLength) + ")]");
                }

                if (constraints.Pattern.Length > 0)
                {
                    writer.WriteLine("[" + Namespace + "VodPattern(" + Literals.String(constraints.Pattern) + ")]");
                }

                break;
            case SchemaKind.Integer:
            case SchemaKind.Number:
                if (!constraints.Enum.IsEmpty)
                {
                    writer.WriteLine("[" + Namespace + "VodAllowedValues(" + string.Join(", ", constraints.Enum.Select(Literals.Double)) + ")]");
                }

                if (constraints.Minimum.Length > 0 || constraints.Maximum.Length > 0)
                {
                    var parts = new System.Collections.Generic.List<string>();
                    if (constraints.Minimum.Length > 0)
                    {
                        parts.Add("Minimum = " + Literals.Double(constraints.Minimum));
                    }

                    if (constraints.Maximum.Length > 0)
                    {
                        parts.Add("Maximum = " + Literals.Double(constraints.Maximum));
                    }

                    writer.WriteLine("[" + Namespace + "VodRange(" + string.Join(", ", parts) + ")]");
                }

                break;
            case SchemaKind.Array:
                if (constraints.MinItems is not null || constraints.MaxItems is not null)
                {
                    writer.WriteLine("[" + Namespace + "VodItemCount(" + Named("MinItems", constraints.MinItems, "MaxItems", constraints.MaxItems) + ")]");
                }

                break;
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
