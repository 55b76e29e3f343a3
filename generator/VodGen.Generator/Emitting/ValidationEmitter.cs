using System.Globalization;
using System.Linq;
using VodGen.Generator.Binding;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Prints an operation's request validation as the binder decided it (<see cref="BoundValidation"/>): the checks of
/// each parameter (required, length, pattern, bounds, item count) and one private method per nested or shared request
/// class with something to check, naming members in errors by their path (<c>Items.2.Name</c>). Everything lives in
/// the operation class, so the request classes stay plain data. Lists of lists are checked for their count only.
/// </summary>
internal sealed class ValidationEmitter
{
    private const string Validation = "global::VodGen.GeneratedCode.VodRequestValidation";

    private readonly BoundValidation _validation;
    private int _locals;

    public ValidationEmitter(BoundValidation validation) => _validation = validation;

    public void EmitFields(SourceWriter writer)
    {
        foreach (var field in _validation.AllowedFields)
        {
            writer.WriteLine("private static readonly double[] " + field.AllowedField + " = { " + string.Join(", ", field.Member.Checks.Allowed.Select(Literals.Double)) + " };");
            writer.WriteLine();
        }

        foreach (var field in _validation.PatternFields)
        {
            writer.WriteLine("private static readonly global::System.Text.RegularExpressions.Regex " + field.PatternField + " = new(");
            writer.WriteLine("\t" + Literals.String(field.Member.Checks.Pattern) + ",");
            writer.WriteLine("\tglobal::System.Text.RegularExpressions.RegexOptions.CultureInvariant,");
            writer.WriteLine("\tglobal::System.TimeSpan.FromSeconds(1));");
            writer.WriteLine();
        }
    }

    /// <summary>The checks of the request's members, inside <c>Validate(request)</c>.</summary>
    public void EmitRequestChecks(SourceWriter writer)
    {
        foreach (var member in _validation.Request)
        {
            EmitChecks(writer, member, "request." + member.Member.PropertyName, Literals.String(member.Member.JsonName));
        }
    }

    /// <summary>One method per nested or shared request class, checking its members.</summary>
    public void EmitValidators(SourceWriter writer)
    {
        foreach (var validator in _validation.Validators)
        {
            writer.WriteLine();
            writer.Open("private static void " + validator.Method + "(" + validator.Type + " value, string name)");
            foreach (var member in validator.Members)
            {
                EmitChecks(writer, member, "value." + member.Member.PropertyName, "name + " + Literals.String("." + member.Member.JsonName));
            }

            writer.Close();
        }
    }

    // The checks of one member; name is the C# expression of its name in errors.
    private void EmitChecks(SourceWriter writer, BoundCheckedMember entry, string value, string name)
    {
        var member = entry.Member;
        var checks = member.Checks;
        if (entry.CheckPresence)
        {
            writer.WriteLine(Validation + ".Required(" + (member.TypeRef.Kind == ValueKind.Text ? value : "(object?)" + value) + ", " + name + ");");
        }

        if (checks.HasLength)
        {
            writer.WriteLine(Validation + ".Length(" + value + ", " + Int(checks.MinLength) + ", " + Int(checks.MaxLength) + ", " + name + ");");
        }

        if (entry.PatternField.Length > 0)
        {
            writer.WriteLine(Validation + ".Pattern(" + value + ", " + entry.PatternField + ", " + name + ");");
        }

        if (entry.AllowedField.Length > 0)
        {
            writer.WriteLine(Validation + ".OneOf(" + value + ", " + entry.AllowedField + ", " + name + ");");
        }

        if (checks.HasBounds)
        {
            writer.WriteLine(Validation + ".Bounds(" + value + ", " + Number(checks.Minimum) + ", " + Number(checks.Maximum) + ", " + name + ");");
        }

        if (checks.HasItemCount)
        {
            writer.WriteLine(Validation + ".Count(" + value + ", " + Int(checks.MinItems) + ", " + Int(checks.MaxItems) + ", " + name + ");");
        }

        if (checks.NoNullItems)
        {
            writer.WriteLine(Validation + ".NoNullItems(" + value + ", " + name + ");");
        }

        if (entry.Validator.Length == 0)
        {
            return;
        }

        if (member.TypeRef.Kind == ValueKind.List)
        {
            var list = "l" + _locals++.ToString(CultureInfo.InvariantCulture);
            writer.Open("if (" + value + " is { } " + list + ")");
            writer.Open("for (var i = 0; i < " + list + ".Count; i++)");
            writer.WriteLine(entry.Validator + "(" + list + "[i], " + name + " + \".\" + (i + 1).ToString(global::System.Globalization.CultureInfo.InvariantCulture));");
            writer.Close();
            writer.Close();
        }
        else
        {
            var local = "o" + _locals++.ToString(CultureInfo.InvariantCulture);
            writer.WriteLine("if (" + value + " is { } " + local + ") " + entry.Validator + "(" + local + ", " + name + ");");
        }
    }

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string Number(string value) => value.Length == 0 ? "null" : Literals.Double(value);
}
