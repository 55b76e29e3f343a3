using System;
using System.Collections.Generic;
using VodGen.Generator.Model;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Emitting;

/// <summary>Whether a generated class is sent (request side), read (response side), or both (a shared schema).</summary>
internal enum ClassRole
{
    Request,
    Response,

    /// <summary>A shared schema (<c>components.schemas</c>): read and written, every member optional, text as text.</summary>
    Shared,
}

/// <summary>
/// A resolved C# type: a name (a keyword, a qualified name or a nested class name) or a list of an element type,
/// so emitters never take type strings apart again.
/// </summary>
internal sealed class TypeRef
{
    private TypeRef(string name, TypeRef? element, bool isValueType, bool isClass, string component = "")
    {
        Name = name;
        Element = element;
        IsValueType = isValueType;
        IsClass = isClass;
        Component = component;
    }

    /// <summary>For the type of a shared schema: the schema's name; empty for anything else.</summary>
    public string Component { get; }

    /// <summary>The element type of a list; null for anything else.</summary>
    public TypeRef? Element { get; }

    public bool IsValueType { get; }

    /// <summary>A generated class (nested or shared), which has <c>ReadJson</c> and <c>WriteJson</c>.</summary>
    public bool IsClass { get; }

    /// <summary>The type as written in C#, without a nullable annotation.</summary>
    public string Name { get; }

    public static TypeRef Value(string name) => new(name, null, isValueType: true, isClass: false);

    public static TypeRef Reference(string name) => new(name, null, isValueType: false, isClass: false);

    public static TypeRef Class(string name) => new(name, null, isValueType: false, isClass: true);

    public static TypeRef Shared(string ns, string component) => new("global::" + ns + "." + component, null, isValueType: false, isClass: true, component);

    public static TypeRef ListOf(TypeRef element) => new(ClassPlanner.ListType + "<" + element.Name + ">", element, isValueType: false, isClass: false);

    public override string ToString() => Name;
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
    public MemberPlan(string jsonName, string propertyName, SchemaModel schema, bool required, TypeRef type)
    {
        JsonName = jsonName;
        PropertyName = propertyName;
        Schema = schema;
        Required = required;
        TypeRef = type;
    }

    public string JsonName { get; }

    public string PropertyName { get; }

    public SchemaModel Schema { get; }

    /// <summary>Checked before sending: a request member the spec requires.</summary>
    public bool Required { get; }

    /// <summary>
    /// Declared with C#'s <c>required</c>, so leaving it out does not compile. A deprecated member is only checked
    /// before sending: C# does not allow a required member to be obsolete (CS9042).
    /// </summary>
    public bool IsRequiredMember => Required && !Schema.Deprecated;

    public TypeRef TypeRef { get; }

    /// <summary>The C# type without a nullable annotation.</summary>
    public string Type => TypeRef.Name;

    public bool IsValueType => TypeRef.IsValueType;

    /// <summary>For a Base64 JSON string: the type its <c>Decode…()</c> method returns.</summary>
    public string? DecodedType { get; set; }

    /// <summary>The declared type: nullable unless the member is a required member.</summary>
    public string DeclaredType => IsRequiredMember ? Type : Type + "?";
}

/// <summary>
/// Plans generated classes from object schemas: C# names that cannot collide (with each other, the
/// enclosing class or its nested classes), C# types for every schema, and nested classes for objects.
/// </summary>
internal static class ClassPlanner
{
    public const string ListType = "global::System.Collections.Generic.IReadOnlyList";

    public const string JsonElementType = "global::System.Text.Json.JsonElement";

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
            var type = TypeOf(member.Schema, propertyName, role, ns, plan, used);
            var memberPlan = new MemberPlan(member.JsonName, propertyName, member.Schema, member.Required && role == ClassRole.Request, type);
            if (role != ClassRole.Request && member.Schema is { Encoding: ValueEncoding.Base64Json, Decoded: { } decoded })
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

    private static TypeRef TypeOf(SchemaModel schema, string baseName, ClassRole role, string ns, ClassPlan owner, HashSet<string> used)
    {
        var isDuration = role == ClassRole.Response && schema.Format == "duration-seconds";
        switch (schema.Kind)
        {
            case SchemaKind.String when isDuration:
            case SchemaKind.Integer when isDuration:
                return TypeRef.Value("global::System.TimeSpan");
            case SchemaKind.Integer:
                return TypeRef.Value(schema.Format == "int32" ? "int" : "long");
            case SchemaKind.Number:
                return TypeRef.Value("double");
            case SchemaKind.Boolean:
                return TypeRef.Value("bool");
            case SchemaKind.Any:
                return TypeRef.Value(JsonElementType);
            case SchemaKind.String when role == ClassRole.Request && !schema.Constraints.Enum.IsEmpty:
                return TypeRef.Reference(OptionType(schema, baseName, owner, used));
            case SchemaKind.String:
                return TypeRef.Reference("string");
            case SchemaKind.Array:
                return TypeRef.ListOf(TypeOf(schema.Items!, baseName + "Item", role, ns, owner, used));
            case SchemaKind.Object when schema.Reference.Length > 0:
                return TypeRef.Shared(ns, schema.Reference);
            default:
                return TypeRef.Class(NestedClass(schema, baseName.EndsWith("Item", StringComparison.Ordinal) ? baseName : baseName + "Data", role, ns, owner, used));
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
