using System;
using System.Collections.Generic;
using System.Linq;
using VodGen.Generator.Model;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Binding;

/// <summary>
/// Decides an operation's request validation: which nested and shared classes need a method of their own (those with
/// something to check, themselves or through what they contain), what the methods and the static fields of patterns
/// and allowed numbers are called, and which method checks each member's value.
/// </summary>
internal sealed class ValidationBinder
{
    // Keyed by C# names (a class's qualified name, a member's with its class's), which the binder made unique: equal-looking
    // members of different classes are told apart by where they are, not by object identity.
    private readonly Dictionary<string, string> _patterns = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _allowed = new(StringComparer.Ordinal);
    private readonly List<BoundCheckedMember> _patternFields = new();
    private readonly List<BoundCheckedMember> _allowedFields = new();
    private readonly List<(BoundClass Class, string Method)> _validators = new();
    private readonly Dictionary<string, string> _methods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _memberMethods = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used;
    private readonly Dictionary<string, BoundClass> _components = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _componentHasChecks = new(StringComparer.Ordinal);
    private readonly HashSet<string> _collectedComponents = new(StringComparer.Ordinal);

    private ValidationBinder(IEnumerable<BoundClass> components, HashSet<string> used)
    {
        _used = used;
        foreach (var component in components)
        {
            _components[component.Name] = component;
        }

        FindCheckedComponents();
    }

    /// <summary>Binds the validation of <paramref name="request"/>; its names are taken from <paramref name="used"/>, the operation class's scope.</summary>
    public static BoundValidation Bind(BoundClass request, EquatableArray<BoundClass> components, HashSet<string> used)
    {
        var binder = new ValidationBinder(components, used);
        binder.Collect(request, string.Empty);
        return new BoundValidation(
            binder.Checked(request),
            binder._validators.Select(v => new BoundValidator(v.Method, v.Class.QualifiedName, binder.Checked(v.Class))).ToEquatableArray(),
            binder._allowedFields.ToEquatableArray(),
            binder._patternFields.ToEquatableArray());
    }

    // Whether a member is checked for presence: a required reference can still be null at run time, and a required
    // member that is deprecated is nullable (see BoundMember.IsRequiredMember); a required value type the compiler
    // already insists on.
    private static bool NeedsRequiredCheck(BoundMember member) => member.Required && (!member.IsValueType || !member.IsRequiredMember);

    private EquatableArray<BoundCheckedMember> Checked(BoundClass owner)
        => owner.Members.Select(m =>
        {
            var key = Key(owner, m);
            return new BoundCheckedMember(m, NeedsRequiredCheck(m), Lookup(_patterns, key), Lookup(_allowed, key), Lookup(_memberMethods, key));
        }).ToEquatableArray();

    private static string Lookup(Dictionary<string, string> names, string key) => names.TryGetValue(key, out var name) ? name : string.Empty;

    private void Collect(BoundClass plan, string path)
    {
        // Nested classes with nothing to check get no method and no loop over their values.
        foreach (var nested in plan.Nested.Where(HasChecks))
        {
            _methods[nested.QualifiedName] = Unique("Validate" + path + nested.Name);
            _validators.Add((nested, _methods[nested.QualifiedName]));
        }

        foreach (var member in plan.Members)
        {
            var key = Key(plan, member);
            if (member.Checks.Pattern.Length > 0)
            {
                _patterns[key] = Unique(path + member.PropertyName + "Pattern");
                _patternFields.Add(new BoundCheckedMember(member, false, _patterns[key], string.Empty, string.Empty));
            }

            if (!member.Checks.Allowed.IsEmpty)
            {
                _allowed[key] = Unique(path + member.PropertyName + "Allowed");
                _allowedFields.Add(new BoundCheckedMember(member, false, string.Empty, _allowed[key], string.Empty));
            }

            // A member whose value (or list element) is one of this class's nested classes, or a shared class, is
            // checked by that class's method.
            var valueType = member.TypeRef.Element ?? member.TypeRef;
            if (!valueType.IsClass)
            {
                continue;
            }

            foreach (var nested in plan.Nested)
            {
                if (nested.Name == valueType.Name && _methods.TryGetValue(nested.QualifiedName, out var method))
                {
                    _memberMethods[key] = method;
                }
            }

            if (ReachesCheckedComponent(member) && _components.TryGetValue(valueType.Component, out var component))
            {
                _memberMethods[key] = MethodOfComponent(component);
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
            _validators.Add((component, method));
            if (_collectedComponents.Add(component.Name))
            {
                Collect(component, component.Name);
            }
        }

        return method;
    }

    private bool HasChecks(BoundClass plan)
        => plan.Members.Any(m => NeedsRequiredCheck(m) || m.Checks.Any || ReachesCheckedComponent(m)) || plan.Nested.Any(HasChecks);

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

    private static string Key(BoundClass owner, BoundMember member) => owner.QualifiedName + "." + member.PropertyName;

    private string Unique(string name) => Identifiers.Unique(name, _used);
}
