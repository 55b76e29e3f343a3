using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VodGen.Generator.Binding;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Emits an operation's request validation: the checks of each parameter (required, length, pattern, bounds,
/// item count) and, for objects and lists of objects, one private method per nested request class that checks
/// its members, named in errors by their path (<c>Items.2.Name</c>); the same for each shared class (<c>$ref</c>) the
/// request reaches, whose one method also serves a class that contains itself. Everything lives in the operation
/// class, so the request classes stay plain data. Lists of lists are checked for their count only.
/// </summary>
internal sealed class ValidationEmitter
{
    private const string Validation = "global::VodGen.GeneratedCode.VodRequestValidation";

    // Keyed by C# names (a class's qualified name, a member's with its class's), which the binder made unique: equal-looking
    // members of different classes are told apart by where they are, not by object identity.
    private readonly Dictionary<string, (BoundMember Member, string Field)> _patterns = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, (BoundMember Member, string Field)> _allowed = new(System.StringComparer.Ordinal);
    private readonly List<(BoundClass Plan, string Type, string Method)> _nested = new();
    private readonly Dictionary<string, string> _methods = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, string> _memberMethods = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _used = new() { "Instance", "Validate", "WriteParameters", "ReadResponse" };
    private readonly Dictionary<string, BoundClass> _components = new(System.StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _componentHasChecks = new(System.StringComparer.Ordinal);
    private readonly HashSet<string> _collectedComponents = new(System.StringComparer.Ordinal);
    private int _locals;

    public ValidationEmitter(BoundOperation operation)
    {
        foreach (var component in operation.Components)
        {
            _components[component.Name] = component;
        }

        FindCheckedComponents();
        Collect(operation.Request, string.Empty);
    }

    public void EmitFields(SourceWriter writer)
    {
        foreach (var (member, field) in _allowed.Values)
        {
            writer.WriteLine("private static readonly double[] " + field + " = { " + string.Join(", ", member.Schema.Constraints.Enum.Select(Literals.Double)) + " };");
            writer.WriteLine();
        }

        foreach (var (member, field) in _patterns.Values)
        {
            writer.WriteLine("private static readonly global::System.Text.RegularExpressions.Regex " + field + " = new(");
            writer.WriteLine("\t" + Literals.String(member.Schema.Constraints.Pattern) + ",");
            writer.WriteLine("\tglobal::System.Text.RegularExpressions.RegexOptions.CultureInvariant,");
            writer.WriteLine("\tglobal::System.TimeSpan.FromSeconds(1));");
            writer.WriteLine();
        }
    }

    /// <summary>The checks of one member of <paramref name="owner"/>; <paramref name="name"/> is the C# expression of its name in errors.</summary>
    public void EmitChecks(SourceWriter writer, BoundClass owner, BoundMember member, string value, string name)
    {
        var key = Key(owner, member);
        var schema = member.Schema;
        var constraints = schema.Constraints;
        if (NeedsRequiredCheck(member))
        {
            writer.WriteLine(Validation + ".Required(" + (schema.Kind == SchemaKind.String ? value : "(object?)" + value) + ", " + name + ");");
        }

        switch (schema.Kind)
        {
            case SchemaKind.String when constraints.Enum.IsEmpty:
                if (constraints.MinLength is not null || constraints.MaxLength is not null)
                {
                    writer.WriteLine(Validation + ".Length(" + value + ", " + Int(constraints.MinLength) + ", " + Int(constraints.MaxLength) + ", " + name + ");");
                }

                if (_patterns.TryGetValue(key, out var pattern))
                {
                    writer.WriteLine(Validation + ".Pattern(" + value + ", " + pattern.Field + ", " + name + ");");
                }

                break;
            case SchemaKind.Integer:
            case SchemaKind.Number:
                if (_allowed.TryGetValue(key, out var allowed))
                {
                    writer.WriteLine(Validation + ".OneOf(" + value + ", " + allowed.Field + ", " + name + ");");
                }

                if (constraints.Minimum.Length > 0 || constraints.Maximum.Length > 0)
                {
                    writer.WriteLine(Validation + ".Bounds(" + value + ", " + Number(constraints.Minimum) + ", " + Number(constraints.Maximum) + ", " + name + ");");
                }

                break;
            case SchemaKind.Array:
                if (constraints.MinItems is not null || constraints.MaxItems is not null)
                {
                    writer.WriteLine(Validation + ".Count(" + value + ", " + Int(constraints.MinItems) + ", " + Int(constraints.MaxItems) + ", " + name + ");");
                }

                if (schema.Items!.Kind is SchemaKind.String or SchemaKind.Object or SchemaKind.Array)
                {
                    writer.WriteLine(Validation + ".NoNullItems(" + value + ", " + name + ");");
                }

                if (schema.Items.Kind == SchemaKind.Object && _memberMethods.TryGetValue(key, out var itemMethod))
                {
                    var list = "l" + _locals++;
                    writer.Open("if (" + value + " is { } " + list + ")");
                    writer.Open("for (var i = 0; i < " + list + ".Count; i++)");
                    writer.WriteLine(itemMethod + "(" + list + "[i], " + name + " + \".\" + (i + 1).ToString(global::System.Globalization.CultureInfo.InvariantCulture));");
                    writer.Close();
                    writer.Close();
                }

                break;
            case SchemaKind.Object when _memberMethods.TryGetValue(key, out var objectMethod):
                var local = "o" + _locals++;
                writer.WriteLine("if (" + value + " is { } " + local + ") " + objectMethod + "(" + local + ", " + name + ");");
                break;
        }
    }

    /// <summary>One method per nested request class, checking its members.</summary>
    public void EmitNestedValidators(SourceWriter writer)
    {
        foreach (var (plan, type, method) in _nested)
        {
            writer.WriteLine();
            writer.Open("private static void " + method + "(" + type + " value, string name)");
            foreach (var member in plan.Members)
            {
                EmitChecks(writer, plan, member, "value." + member.PropertyName, "name + " + Literals.String("." + member.JsonName));
            }

            writer.Close();
        }
    }

    private void Collect(BoundClass plan, string path)
    {
        // Nested classes with nothing to check get no method and no loop over their values.
        foreach (var nested in plan.Nested.Where(HasChecks))
        {
            _methods[nested.QualifiedName] = Unique("Validate" + path + nested.Name);
            _nested.Add((nested, nested.QualifiedName, _methods[nested.QualifiedName]));
        }

        foreach (var member in plan.Members)
        {
            if (member.Schema is { Kind: SchemaKind.String, Constraints: { Pattern.Length: > 0, Enum.IsEmpty: true } })
            {
                _patterns[Key(plan, member)] = (member, Unique(path + member.PropertyName + "Pattern"));
            }

            if (member.Schema is { Kind: SchemaKind.Integer or SchemaKind.Number, Constraints.Enum.IsEmpty: false })
            {
                _allowed[Key(plan, member)] = (member, Unique(path + member.PropertyName + "Allowed"));
            }

            // A member whose value (or list element) is one of this class's nested classes, or a shared class, is
            // checked by that class's method.
            var valueType = member.TypeRef.Element ?? member.TypeRef;
            foreach (var nested in plan.Nested)
            {
                if (nested.Name == valueType.Name && _methods.TryGetValue(nested.QualifiedName, out var method))
                {
                    _memberMethods[Key(plan, member)] = method;
                }
            }

            if (ReachesCheckedComponent(member) && _components.TryGetValue(valueType.Component, out var component))
            {
                _memberMethods[Key(plan, member)] = MethodOfComponent(component);
            }
        }

        foreach (var nested in plan.Nested.Where(HasChecks))
        {
            Collect(nested, path + nested.Name);
        }
    }

    // A shared class gets one method, however many members refer to it; a class that contains itself calls its own.
    private string MethodOfComponent(BoundClass component)
    {
        if (!_methods.TryGetValue(component.QualifiedName, out var method))
        {
            method = Unique("Validate" + component.Name);
            _methods[component.QualifiedName] = method;
            _nested.Add((component, component.QualifiedName, method));
            if (_collectedComponents.Add(component.Name))
            {
                Collect(component, component.Name);
            }
        }

        return method;
    }

    private bool HasChecks(BoundClass plan)
        => plan.Members.Any(m => NeedsRequiredCheck(m) || HasOwnChecks(m.Schema) || ReachesCheckedComponent(m)) || plan.Nested.Any(HasChecks);

    private bool ReachesCheckedComponent(BoundMember member)
        => _componentHasChecks.TryGetValue((member.TypeRef.Element ?? member.TypeRef).Component, out var known) && known;

    // Which shared classes have something to check, themselves or through the shared classes they refer to (which
    // may refer back): marked until nothing changes, so a cycle neither loops nor hides a check.
    private void FindCheckedComponents()
    {
        foreach (var name in _components.Keys)
        {
            _componentHasChecks[name] = false;
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var component in _components.Values)
            {
                if (!_componentHasChecks[component.Name] && HasChecks(component))
                {
                    _componentHasChecks[component.Name] = true;
                    changed = true;
                }
            }
        }
    }

    // A required reference can still be null at run time, and a required member that is deprecated is nullable
    // (see BoundMember.IsRequiredMember); a required value type the compiler already insists on.
    private static bool NeedsRequiredCheck(BoundMember member) => member.Required && (!member.IsValueType || !member.IsRequiredMember);

    private static bool HasOwnChecks(SchemaModel schema)
    {
        var c = schema.Constraints;
        return schema.Kind switch
        {
            SchemaKind.String => c.Enum.IsEmpty && (c.MinLength is not null || c.MaxLength is not null || c.Pattern.Length > 0),
            SchemaKind.Integer or SchemaKind.Number => c.Minimum.Length > 0 || c.Maximum.Length > 0 || !c.Enum.IsEmpty,
            SchemaKind.Array => c.MinItems is not null || c.MaxItems is not null || schema.Items!.Kind is SchemaKind.String or SchemaKind.Object or SchemaKind.Array,
            _ => false,
        };
    }

    private static string Key(BoundClass owner, BoundMember member) => owner.QualifiedName + "." + member.PropertyName;

    private string Unique(string name) => Parsing.Identifiers.Unique(name, _used);

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string Number(string value) => value.Length == 0 ? "null" : Literals.Double(value);
}
