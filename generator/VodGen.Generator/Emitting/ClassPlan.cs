using System;
using System.Collections.Generic;
using VodGen.Generator.Model;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Emitting;

/// <summary>Whether a generated class is sent (request side) or read (response side).</summary>
internal enum ClassRole
{
    Request,
    Response,
}

/// <summary>A generated class: its members and the nested classes their values need.</summary>
internal sealed class ClassPlan
{
    public ClassPlan(string name, string description, ClassRole role)
    {
        Name = name;
        Description = description;
        Role = role;
    }

    public string Name { get; }

    public string Description { get; }

    public ClassRole Role { get; }

    public List<MemberPlan> Members { get; } = new();

    public List<ClassPlan> Nested { get; } = new();

    /// <summary>Enum-like option types for request strings that allow a fixed set of values.</summary>
    public List<OptionPlan> Options { get; } = new();
}

/// <summary>
/// An enum-like option type: a sealed class whose only instances are the allowed values, so that a value the
/// spec does not allow cannot be written at all.
/// </summary>
internal sealed class OptionPlan
{
    public OptionPlan(string name, string description, List<(string Value, string MemberName)> values)
    {
        Name = name;
        Description = description;
        Values = values;
    }

    public string Name { get; }

    public string Description { get; }

    public List<(string Value, string MemberName)> Values { get; }
}

/// <summary>A property of a generated class.</summary>
internal sealed class MemberPlan
{
    public MemberPlan(string jsonName, string propertyName, SchemaModel schema, bool required, string type, bool isValueType)
    {
        JsonName = jsonName;
        PropertyName = propertyName;
        Schema = schema;
        Required = required;
        Type = type;
        IsValueType = isValueType;
    }

    public string JsonName { get; }

    public string PropertyName { get; }

    public SchemaModel Schema { get; }

    public bool Required { get; }

    /// <summary>The C# type without a nullable annotation.</summary>
    public string Type { get; }

    public bool IsValueType { get; }

    /// <summary>For a Base64 JSON string: the type its <c>Decode…()</c> method returns.</summary>
    public string? DecodedType { get; set; }

    /// <summary>The declared type: nullable unless the member is required.</summary>
    public string DeclaredType => Required ? Type : Type + "?";
}

/// <summary>
/// Plans generated classes from object schemas: C# names that cannot collide (with each other, the
/// enclosing class or its nested classes), C# types for every schema, and nested classes for objects.
/// </summary>
internal static class ClassPlanner
{
    public const string ListType = "global::System.Collections.Generic.IReadOnlyList";

    public static ClassPlan Plan(string className, string description, IEnumerable<(string JsonName, SchemaModel Schema, bool Required)> members, ClassRole role, string ns)
    {
        var plan = new ClassPlan(className, description, role);
        var used = new HashSet<string>(StringComparer.Ordinal) { className, "ToString", "ReadJson", "WriteJson", "Equals", "GetHashCode", "GetType" };
        var names = new List<string>();
        foreach (var member in members)
        {
            var name = Identifiers.ToPascalCase(member.JsonName);
            if (name == className)
            {
                name += "Value";
            }

            names.Add(Unique(name, used));
        }

        var index = 0;
        foreach (var member in members)
        {
            var propertyName = names[index++];
            var type = TypeOf(member.Schema, propertyName, role, ns, plan, used, out var isValueType);
            var memberPlan = new MemberPlan(member.JsonName, propertyName, member.Schema, member.Required && role == ClassRole.Request, type, isValueType);
            if (role == ClassRole.Response && member.Schema is { Encoding: ValueEncoding.Base64Json, Decoded: { } decoded })
            {
                used.Add("Decode" + propertyName);
                memberPlan.DecodedType = decoded.TypeName.Length > 0
                    ? "global::" + ns + "." + decoded.TypeName
                    : NestedClass(decoded, propertyName + "Content", role, ns, plan, used);
            }

            plan.Members.Add(memberPlan);
        }

        return plan;
    }

    /// <summary>Plans the members of an object schema as a class.</summary>
    public static ClassPlan PlanObject(string className, SchemaModel schema, ClassRole role, string ns)
        => Plan(className, schema.Description, Members(schema), role, ns);

    public static IEnumerable<(string, SchemaModel, bool)> Members(SchemaModel schema)
    {
        foreach (var property in schema.Properties)
        {
            yield return (property.JsonName, property.Schema, property.Schema.Required);
        }
    }

    private static string TypeOf(SchemaModel schema, string baseName, ClassRole role, string ns, ClassPlan owner, HashSet<string> used, out bool isValueType)
    {
        isValueType = true;
        var isDuration = role == ClassRole.Response && schema.Format == "duration-seconds";
        switch (schema.Kind)
        {
            case SchemaKind.String when isDuration:
            case SchemaKind.Integer when isDuration:
                return "global::System.TimeSpan";
            case SchemaKind.Integer:
                return schema.Format == "int32" ? "int" : "long";
            case SchemaKind.Number:
                return "double";
            case SchemaKind.Boolean:
                return "bool";
            case SchemaKind.String when role == ClassRole.Request && !schema.Constraints.Enum.IsEmpty:
                isValueType = false;
                return OptionType(schema, baseName, owner, used);
            case SchemaKind.String:
                isValueType = false;
                return "string";
            case SchemaKind.Array:
                isValueType = false;
                return ListType + "<" + TypeOf(schema.Items!, baseName + "Item", role, ns, owner, used, out _) + ">";
            default:
                isValueType = false;
                return NestedClass(schema, baseName.EndsWith("Item", StringComparison.Ordinal) ? baseName : baseName + "Data", role, ns, owner, used);
        }
    }

    private static string NestedClass(SchemaModel schema, string preferredName, ClassRole role, string ns, ClassPlan owner, HashSet<string> used)
    {
        var name = Unique(schema.TypeName.Length > 0 && role == ClassRole.Request ? schema.TypeName : preferredName, used);
        owner.Nested.Add(PlanObject(name, schema, role, ns));
        return name;
    }

    private static string OptionType(SchemaModel schema, string baseName, ClassPlan owner, HashSet<string> used)
    {
        var name = Unique(schema.TypeName.Length > 0 ? schema.TypeName : baseName + "Option", used);
        var members = new HashSet<string>(StringComparer.Ordinal) { name, "Value", "All", "TryFromValue", "ToString", "Equals", "GetHashCode", "GetType" };
        var values = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in schema.Constraints.Enum)
        {
            if (!seen.Add(value))
            {
                continue;
            }

            values.Add((value, Unique(Identifiers.ToPascalCase(value), members)));
        }

        owner.Options.Add(new OptionPlan(name, schema.Description, values));
        return name;
    }

    private static string Unique(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var i = 2; !used.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
