using System.Linq;
using VodGen.Generator.Binding;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Emits a bound class as plain data: documented init-only properties, <c>Decode…()</c> methods for Base64 JSON
/// fields and a <c>ToString()</c> that masks secrets; nested classes follow their owner's members. Its JSON reader
/// (response side) and writer (request side, for values sent as JSON) are emitted apart, by
/// <see cref="EmitSerializers"/>, into the namespace's hidden <c>VodGenJson</c> class.
/// </summary>
internal static class ObjectClassEmitter
{
    private const string Reader = "global::VodGen.GeneratedCode.VodJsonReader";
    private const string JsonReaderType = "global::System.Text.Json.Utf8JsonReader";

    /// <summary>Keeps generated plumbing out of IntelliSense; it is there for generated code, not for callers.</summary>
    public const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    /// <summary>The qualified name of the namespace's serializers class, for calls from outside it.</summary>
    public static string Serializers(string ns) => "global::" + ns + "." + ClassBinder.SerializersClass;

    public static void Emit(SourceWriter writer, BoundClass plan, string summaryFallback, string ns, string remarks = "", bool isNested = false, string accessibility = "public")
    {
        XmlDoc.Summary(writer, plan.Description, summaryFallback);
        XmlDoc.Remarks(writer, remarks);
        if (!isNested)
        {
            // Tools treat members of nested classes as generated through their containing type.
            writer.WriteGeneratedAttributes();
        }

        writer.Open((isNested ? "public" : accessibility) + " sealed partial class " + plan.Name);
        var first = true;
        foreach (var member in plan.Members)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            EmitProperty(writer, member, plan.Role);
        }

        foreach (var member in plan.Members.Where(m => m.Decoded is not null))
        {
            writer.WriteLine();
            EmitDecodeMethod(writer, member, ns);
        }

        writer.WriteLine();
        EmitToString(writer, plan);
        if (plan.Role != ClassRole.Request && plan.HasPlaybackUrls)
        {
            writer.WriteLine();
            PlaybackUrlEmitter.Emit(writer, plan);
        }

        foreach (var nested in plan.Nested)
        {
            writer.WriteLine();
            Emit(writer, nested, "A value of " + plan.Name + ".", ns, isNested: true);
        }

        foreach (var option in plan.Options)
        {
            writer.WriteLine();
            OptionTypeEmitter.Emit(writer, option);
        }

        writer.Close();
    }

    /// <summary>
    /// Opens the namespace's serializers class (an internal partial class every generated file adds to); close it
    /// with <see cref="SourceWriter.Close"/>.
    /// </summary>
    public static void OpenSerializers(SourceWriter writer)
    {
        // Every generated file adds its part; the attributes and documentation are on the one declaration of
        // EmitSerializersDeclaration (on every part they would be duplicates).
        writer.Open("internal static partial class " + ClassBinder.SerializersClass);
    }

    /// <summary>The file that declares the namespace's serializers class once, with its attributes, hidden from IntelliSense.</summary>
    public static string EmitSerializersDeclaration(string ns)
    {
        var writer = new SourceWriter().FileHeader();
        writer.Open("namespace " + ns);
        writer.WriteLine("/// <summary>Reads and writes the JSON of the classes VodGen generates in this namespace; for generated code only.</summary>");
        writer.WriteGeneratedAttributes();
        writer.WriteLine(Hidden);
        writer.WriteLine("internal static partial class " + ClassBinder.SerializersClass);
        writer.WriteLine("{");
        writer.WriteLine("}");
        writer.Close();
        return writer.ToString();
    }

    /// <summary>The reader (classes that are read) and writer (classes that are sent) of a class and its nested classes.</summary>
    public static void EmitSerializers(SourceWriter writer, BoundClass plan, bool read, bool write, ref bool first)
    {
        if (read)
        {
            Separate(writer, ref first);
            EmitReader(writer, plan);
        }

        if (write)
        {
            Separate(writer, ref first);
            EmitWriter(writer, plan);
        }

        foreach (var nested in plan.Nested)
        {
            EmitSerializers(writer, nested, read, write, ref first);
        }
    }

    private static void Separate(SourceWriter writer, ref bool first)
    {
        if (!first)
        {
            writer.WriteLine();
        }

        first = false;
    }

    private static void EmitProperty(SourceWriter writer, BoundMember member, ClassRole role)
    {
        XmlDoc.Summary(writer, member.Description, "The ", member.JsonName, " value.");
        if (member.Example.Length > 0)
        {
            writer.WriteLine("/// <example>", XmlDoc.Escape(member.Example).Replace("\n", " "), "</example>");
        }

        if (member.Deprecated)
        {
            writer.WriteLine("[global::System.Obsolete(" + Literals.String(member.JsonName + " is deprecated by the service.") + ")]");
        }

        if (role == ClassRole.Request)
        {
            ConstraintAttributes.Emit(writer, member.Checks);
        }

        var required = member.IsRequiredMember ? "required " : string.Empty;
        writer.StartLine().Write("public ").Write(required).Write(member.DeclaredType).Write(" ").Write(member.PropertyName).EndLine(" { get; init; }");
    }

    private static void EmitDecodeMethod(SourceWriter writer, BoundMember member, string ns)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Decodes the Base64 JSON in <see cref=\"" + member.PropertyName + "\"/>.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <exception cref=\"global::VodGen.VodProtocolException\">The field is absent, not Base64, or not the documented JSON.</exception>");
        writer.WriteLine("public " + member.Decoded!.QualifiedName + " Decode" + member.PropertyName + "()");
        writer.WriteLine("\t=> global::VodGen.GeneratedCode.VodBase64Json.Decode(" + member.PropertyName + ", " + Literals.String(member.JsonName)
            + ", static (ref " + JsonReaderType + " r, string p, int i) => " + Serializers(ns) + ".Read_" + member.Decoded.SerializerKey + "(ref r, p));");
    }

    private static void EmitToString(SourceWriter writer, BoundClass plan)
    {
        writer.WriteLine("/// <summary>A one-line description of the values; secrets are shown as <c>***</c>.</summary>");
        writer.WriteLine("public override string ToString()");
        if (plan.Members.Count == 0)
        {
            writer.WriteLine("\t=> " + Literals.String(plan.Name + " { }") + ";");
            return;
        }

        // One call with the names and values, not a concatenation: the compiler binds far less per member.
        writer.WriteLine("\t=> global::VodGen.GeneratedCode.VodDisplay.Describe(");
        writer.WriteLine("\t\t" + Literals.String(plan.Name) + ",");
        for (var i = 0; i < plan.Members.Count; i++)
        {
            var member = plan.Members[i];
            writer.StartLine().Write("\t\t").WriteString(member.PropertyName).Write(", ");
            if (member.Secret)
            {
                writer.Write("global::VodGen.GeneratedCode.VodDisplay.Secret(").Write(member.PropertyName).Write(")");
            }
            else
            {
                writer.Write(member.PropertyName);
            }

            writer.EndLine(i == plan.Members.Count - 1 ? ");" : ",");
        }
    }

    private static void EmitReader(SourceWriter writer, BoundClass plan)
    {
        // One call reads every member by the class's shape (a letter per member, readers for objects and lists), one
        // initializer builds the object: no per-member statements, which cost the compiler most (profile-compile).
        var shape = "Shape_" + plan.SerializerKey;
        writer.WriteLine("/// <summary>Reads a <see cref=\"" + plan.QualifiedName + "\"/> from the JSON object the reader stands on; <paramref name=\"path\"/> names it in errors.</summary>");
        writer.Open("internal static " + plan.QualifiedName + " Read_" + plan.SerializerKey + "(ref " + JsonReaderType + " reader, string path)");
        var kinds = new char[plan.Members.Count];
        var readers = 0;
        for (var i = 0; i < kinds.Length; i++)
        {
            kinds[i] = KindLetter(plan.Members[i].TypeRef);
            readers += kinds[i] == 'r' ? 1 : 0;
        }

        // One line of many parts (every member's name): written piece by piece, not joined first.
        writer.StartLine().Write("global::VodGen.GeneratedCode.VodJsonValues.Read(ref reader, path, ").Write(shape).Write(" ??= new(").WriteString(new string(kinds)).Write(", ");
        if (readers == 0)
        {
            writer.Write("null");
        }
        else
        {
            writer.Write("new " + ValueReaderType + "[] { ");
            var first = true;
            for (var i = 0; i < kinds.Length; i++)
            {
                if (kinds[i] == 'r')
                {
                    writer.Write(first ? string.Empty : ", ").Write(ValueReader(plan.Members[i].TypeRef));
                    first = false;
                }
            }

            writer.Write(" }");
        }

        foreach (var member in plan.Members)
        {
            writer.Write(", ").WriteString(member.JsonName);
        }

        writer.EndLine("), out var v);");
        if (plan.Members.Count == 0)
        {
            writer.WriteLine("return v.Complete(new " + plan.QualifiedName + "());");
        }
        else
        {
            writer.Open("return v.Complete(new " + plan.QualifiedName);
            for (var i = 0; i < plan.Members.Count; i++)
            {
                WriteValueAssignment(writer, plan.Members[i], i);
            }

            writer.Close(");");
        }

        writer.Close();
        writer.WriteLine();
        writer.WriteLine("private static global::VodGen.GeneratedCode.VodJsonShape? " + shape + ";");
    }

    private const string ValueReaderType = "global::VodGen.GeneratedCode.VodJsonValueReader";
    private const string ValueReaders = "global::VodGen.GeneratedCode.VodJsonValueReaders";

    // Member indexes as text, cached: every reader writes each of them.
    private static readonly string[] SmallNumbers = Enumerable.Range(0, 128).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    private static string Number(int value) => value < SmallNumbers.Length ? SmallNumbers[value] : value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // The shape's letter of a member (VodJsonShape): scalars are read by the runtime, objects and lists by a reader.
    private static char KindLetter(BoundType type) => type.Kind switch
    {
        ValueKind.Text => 's',
        ValueKind.Int64 => 'l',
        ValueKind.Int32 => 'i',
        ValueKind.Double => 'd',
        ValueKind.Boolean => 'b',
        ValueKind.Duration => 't',
        ValueKind.Json => 'j',
        _ => 'r',
    };

    // "Name = v.String(3)," and the like: the initializer's line of a member, in parts.
    private static void WriteValueAssignment(SourceWriter writer, BoundMember member, int index)
    {
        var i = Number(index);
        var read = member.TypeRef.Kind switch
        {
            ValueKind.Text => " = v.String(",
            ValueKind.Int64 => " = v.Int64(",
            ValueKind.Int32 => " = v.Int32(",
            ValueKind.Double => " = v.Double(",
            ValueKind.Boolean => " = v.Boolean(",
            ValueKind.Duration => " = v.DurationSeconds(",
            ValueKind.Json => " = v.Json(",
            _ => null,
        };

        if (read is not null)
        {
            writer.WriteLine(member.PropertyName, read, i, "),");
        }
        else
        {
            writer.StartLine().Write(member.PropertyName).Write(" = (").Write(member.TypeRef.QualifiedName).Write("?)v.Value(").Write(i).EndLine("),");
        }
    }

    // The reader of a member that holds an object or a list.
    private static string ValueReader(BoundType type)
    {
        var element = type.Element;
        return type.Kind == ValueKind.Class ? ValueReaders + ".Object(Read_" + type.SerializerKey + ")"
            : element!.IsClass ? ValueReaders + ".Objects(Read_" + element.SerializerKey + ")"
            : element.Kind == ValueKind.List ? ValueReaders + ".Array(" + ItemReader(element, 0) + ")"
            : ValueReaders + ".Array(" + Reader + "." + ScalarReader(element) + "Item)";
    }

    // A lambda reading one element of a nested array; arrays in it get their own lambda one level deeper.
    private static string ItemReader(BoundType itemType, int depth)
    {
        var (r, p, i) = ("r" + depth, "p" + depth, "i" + depth);
        var head = "static (ref " + JsonReaderType + " " + r + ", string " + p + ", int " + i + ") => ";
        switch (itemType.Kind)
        {
            case ValueKind.List:
                return head + Reader + ".ReadArrayValue(ref " + r + ", " + Reader + ".Item(" + p + ", " + i + "), "
                    + ItemReader(itemType.Element!, depth + 1) + ")";
            case ValueKind.Class:
                return head + Reader + ".ObjectItem(ref " + r + ", " + p + ", " + i + ", static (ref " + JsonReaderType + " e, string ep, int ei) => Read_"
                    + itemType.SerializerKey + "(ref e, ep))";
            default:
                return head + Reader + "." + ScalarReader(itemType) + "Item(ref " + r + ", " + p + ", " + i + ")";
        }
    }

    private static string ScalarReader(BoundType type) => type.Kind switch
    {
        ValueKind.Duration => "DurationSeconds",
        ValueKind.Int32 => "Int32",
        ValueKind.Int64 => "Int64",
        ValueKind.Double => "Double",
        ValueKind.Boolean => "Boolean",
        ValueKind.Json => "Json",
        _ => "String",
    };

    private static void EmitWriter(SourceWriter writer, BoundClass plan)
    {
        writer.WriteLine("/// <summary>Writes a <see cref=\"" + plan.QualifiedName + "\"/> as a JSON object.</summary>");
        writer.Open("internal static void Write_" + plan.SerializerKey + "(global::System.Text.Json.Utf8JsonWriter json, " + plan.QualifiedName + " value)");
        writer.WriteLine("json.WriteStartObject();");
        for (var i = 0; i < plan.Members.Count; i++)
        {
            var member = plan.Members[i];
            if (member.IsRequiredMember && member.IsValueType)
            {
                writer.WriteLine("json.WritePropertyName(" + Literals.String(member.JsonName) + "u8);");
                JsonValueWriter.Write(writer, member.TypeRef, "value." + member.PropertyName, 0, string.Empty);
                continue;
            }

            writer.Open("if (value." + member.PropertyName + " is { } v" + i + ")");
            writer.WriteLine("json.WritePropertyName(" + Literals.String(member.JsonName) + "u8);");
            JsonValueWriter.Write(writer, member.TypeRef, "v" + i, 0, string.Empty);
            writer.Close();
        }

        writer.WriteLine("json.WriteEndObject();");
        writer.Close();
    }
}
