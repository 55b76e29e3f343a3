using System;
using System.Collections.Generic;
using VodGen.Generator.Model;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Binding;

/// <summary>
/// Binds object schemas to classes: C# names that cannot collide (with each other, the enclosing class or its
/// nested classes), a C# type for every schema, nested classes for inline objects, option types for request text
/// with listed values, and the shared class for a <c>$ref</c>.
/// </summary>
internal static class ClassBinder
{
    // Members every generated class has (from object, and its ToString override); properties are named around them.

    /// <summary>The hidden class, one per namespace, that holds the readers and writers of the generated classes.</summary>
    public const string SerializersClass = "VodGenJson";

    public static BoundClass Bind(string className, string description, IReadOnlyList<(string JsonName, SchemaModel Schema, bool Required)> members, ClassRole role, string ns)
        => Bind(className, "global::" + ns + "." + className, className, description, members, role, ns);

    private static BoundClass Bind(string className, string qualifiedName, string key, string description, IReadOnlyList<(string JsonName, SchemaModel Schema, bool Required)> members, ClassRole role, string ns)
    {
        var owner = new Builder(className, qualifiedName, key, description, role);
        var used = Identifiers.MemberScope(className);
        var names = new string[members.Count];
        for (var i = 0; i < members.Count; i++)
        {
            names[i] = Identifiers.MemberName(members[i].JsonName, className, used);
        }

        for (var i = 0; i < members.Count; i++)
        {
            var (jsonName, schema, required) = members[i];
            var type = TypeOf(schema, names[i], role, ns, owner, used);
            BoundType? decodedType = null;
            if (role != ClassRole.Request && schema is { Encoding: ValueEncoding.Base64Json, Decoded: { } decoded })
            {
                used.Add("Decode" + names[i]);
                decodedType = decoded.TypeName.Length > 0
                    ? BoundType.Shared(ns, decoded.TypeName)
                    : NestedClass(decoded, names[i] + "Content", role, ns, owner, used);
            }

            var checkedBeforeSending = required && role != ClassRole.Response;
            var playback = role == ClassRole.Request ? PlaybackUrlKind.None : PlaybackUrls(schema, type, owner);
            owner.Members.Add(new BoundMember(
                jsonName,
                names[i],
                type,
                schema.Description,
                schema.Secret ? string.Empty : schema.Example,
                schema.Secret,
                schema.Deprecated,
                checkedBeforeSending,
                checkedBeforeSending && role == ClassRole.Request && !schema.Deprecated,
                role == ClassRole.Response ? BoundChecks.None : ChecksOf(schema),
                decodedType,
                playback));
        }

        return owner.ToBound();
    }

    /// <summary>Binds the members of an object schema as a class.</summary>
    public static BoundClass BindObject(string className, SchemaModel schema, ClassRole role, string ns)
        => BindObject(className, "global::" + ns + "." + className, className, schema, role, ns);

    private static BoundClass BindObject(string className, string qualifiedName, string key, SchemaModel schema, ClassRole role, string ns)
    {
        var members = new (string, SchemaModel, bool)[schema.Properties.Count];
        for (var i = 0; i < members.Length; i++)
        {
            var property = schema.Properties[i];
            members[i] = (property.JsonName, property.Schema, property.Schema.Required);
        }

        return Bind(className, qualifiedName, key, schema.Description, members, role, ns);
    }

    private static BoundType TypeOf(SchemaModel schema, string baseName, ClassRole role, string ns, Builder owner, HashSet<string> used)
    {
        var isDuration = role == ClassRole.Response && schema.Format == "duration-seconds";
        switch (schema.Kind)
        {
            case SchemaKind.String when isDuration:
            case SchemaKind.Integer when isDuration:
                return BoundType.Scalar(ValueKind.Duration);
            case SchemaKind.Integer:
                return BoundType.Scalar(schema.Format == "int32" ? ValueKind.Int32 : ValueKind.Int64);
            case SchemaKind.Number:
                return BoundType.Scalar(ValueKind.Double);
            case SchemaKind.Boolean:
                return BoundType.Scalar(ValueKind.Boolean);
            case SchemaKind.Any:
                return BoundType.Scalar(ValueKind.Json);
            case SchemaKind.String when role == ClassRole.Request && !schema.Constraints.Enum.IsEmpty:
                var option = OptionType(schema, baseName, owner, used);
                return BoundType.Option(option, owner.QualifiedName + "." + option);
            case SchemaKind.String:
                return BoundType.Scalar(ValueKind.Text);
            case SchemaKind.Array:
                return BoundType.ListOf(TypeOf(schema.Items!, baseName + "Item", role, ns, owner, used));
            case SchemaKind.Object when schema.Reference.Length > 0:
                return BoundType.Shared(ns, schema.Reference);
            default:
                return NestedClass(schema, baseName.EndsWith("Item", StringComparison.Ordinal) ? baseName : baseName + "Data", role, ns, owner, used);
        }
    }

    // Only what applies to the value's C# type: listed text values became an option type, which needs no length or pattern.
    private static BoundChecks ChecksOf(SchemaModel schema)
    {
        var c = schema.Constraints;
        var checks = schema.Kind switch
        {
            SchemaKind.String when c.Enum.IsEmpty => BoundChecks.None with { MinLength = c.MinLength, MaxLength = c.MaxLength, Pattern = c.Pattern },
            SchemaKind.Integer or SchemaKind.Number => BoundChecks.None with { Allowed = c.Enum, Minimum = c.Minimum, Maximum = c.Maximum },
            SchemaKind.Array => BoundChecks.None with
            {
                MinItems = c.MinItems,
                MaxItems = c.MaxItems,
                NoNullItems = schema.Items!.Kind is SchemaKind.String or SchemaKind.Object or SchemaKind.Array,
            },
            _ => BoundChecks.None,
        };
        return checks.Any ? checks : BoundChecks.None;
    }

    // Playback URLs are reached through nested classes and lists; a shared schema's class is bound on its own, so URLs
    // inside one are not reached from here (its own class still gets WithPlaybackUrls).
    private static PlaybackUrlKind PlaybackUrls(SchemaModel schema, BoundType type, Builder owner)
    {
        bool IsUrl(SchemaModel s) => s.Kind == SchemaKind.String && s.Format == "playback-url";
        bool NestedHasUrls(BoundType t) => t is { IsClass: true, Component.Length: 0 } && owner.Nested.Exists(n => n.QualifiedName == t.QualifiedName && n.HasPlaybackUrls);
        return IsUrl(schema) ? PlaybackUrlKind.Url
            : schema.Kind == SchemaKind.Array && IsUrl(schema.Items!) ? PlaybackUrlKind.ListOfUrls
            : type.Element is { } element && NestedHasUrls(element) ? PlaybackUrlKind.ListOfClasses
            : NestedHasUrls(type) ? PlaybackUrlKind.Class
            : PlaybackUrlKind.None;
    }

    private static BoundType NestedClass(SchemaModel schema, string preferredName, ClassRole role, string ns, Builder owner, HashSet<string> used)
    {
        var name = Identifiers.Unique(schema.TypeName.Length > 0 && role == ClassRole.Request ? schema.TypeName : preferredName, used);
        var nested = BindObject(name, owner.QualifiedName + "." + name, owner.Key + "_" + name, schema, role, ns);
        owner.Nested.Add(nested);
        return BoundType.Class(name, nested.QualifiedName, nested.SerializerKey);
    }

    private static string OptionType(SchemaModel schema, string baseName, Builder owner, HashSet<string> used)
    {
        var name = Identifiers.Unique(schema.TypeName.Length > 0 ? schema.TypeName : baseName + "Option", used);
        var members = new HashSet<string>(StringComparer.Ordinal) { name, "Value", "All", "TryFromValue", "ToString", "Equals", "GetHashCode", "GetType" };
        var values = new List<BoundOptionValue>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in schema.Constraints.Enum)
        {
            if (seen.Add(value))
            {
                values.Add(new BoundOptionValue(value, Identifiers.Unique(Identifiers.ToPascalCase(value), members)));
            }
        }

        owner.Options.Add(new BoundOption(name, schema.Description, values.ToEquatableArray()));
        return name;
    }


    // Collects a class while its members are bound; nested classes are finished before their owner.
    private sealed class Builder
    {
        private readonly string _name;
        private readonly string _description;
        private readonly ClassRole _role;

        public Builder(string name, string qualifiedName, string key, string description, ClassRole role)
        {
            _name = name;
            QualifiedName = qualifiedName;
            Key = key;
            _description = description;
            _role = role;
        }

        public string QualifiedName { get; }

        public string Key { get; }

        public List<BoundMember> Members { get; } = new();

        public List<BoundClass> Nested { get; } = new();

        public List<BoundOption> Options { get; } = new();

        public BoundClass ToBound() => new(_name, QualifiedName, Key, _description, _role, Members.ToEquatableArray(), Nested.ToEquatableArray(), Options.ToEquatableArray());
    }
}
