using System.Linq;
using VodGen.Generator.Binding;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Emits a planned class: documented init-only properties, <c>Decode…()</c> methods for Base64 JSON
/// fields, a <c>ToString()</c> that masks secrets, and the JSON reader (response side) or writer
/// (request side, for values sent as JSON). Nested classes follow their owner's members.
/// </summary>
internal static class ObjectClassEmitter
{
    private const string Reader = "global::VodGen.Serialization.VodJsonReader";
    private const string JsonReaderType = "global::System.Text.Json.Utf8JsonReader";

    /// <summary>Keeps generated plumbing out of IntelliSense; it is there for generated code, not for callers.</summary>
    public const string Hidden = "[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]";

    public static void Emit(SourceWriter writer, BoundClass plan, string summaryFallback, bool emitJsonWriter, string remarks = "")
    {
        XmlDoc.Summary(writer, plan.Description, summaryFallback);
        XmlDoc.Remarks(writer, remarks);
        writer.WriteLine("[global::System.CodeDom.Compiler.GeneratedCode(\"VodGen\", \"" + GeneratorInfo.Version + "\")]");
        writer.Open("public sealed partial class " + plan.Name);
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

        foreach (var member in plan.Members.Where(m => m.DecodedType is not null))
        {
            writer.WriteLine();
            EmitDecodeMethod(writer, member);
        }

        writer.WriteLine();
        EmitToString(writer, plan);
        if (plan.Role != ClassRole.Request)
        {
            writer.WriteLine();
            EmitReader(writer, plan);
        }

        if (plan.Role == ClassRole.Shared || emitJsonWriter)
        {
            writer.WriteLine();
            EmitWriter(writer, plan);
        }

        foreach (var nested in plan.Nested)
        {
            writer.WriteLine();
            Emit(writer, nested, "A value of " + plan.Name + ".", emitJsonWriter: plan.Role == ClassRole.Request);
        }

        foreach (var option in plan.Options)
        {
            writer.WriteLine();
            OptionTypeEmitter.Emit(writer, option);
        }

        writer.Close();
    }

    private static void EmitProperty(SourceWriter writer, BoundMember member, ClassRole role)
    {
        XmlDoc.Summary(writer, member.Schema.Description, "The " + member.JsonName + " value.");
        if (member.Schema.Example.Length > 0 && !member.Schema.Secret)
        {
            writer.WriteLine("/// <example>" + XmlDoc.Escape(member.Schema.Example).Replace("\n", " ") + "</example>");
        }

        if (member.Schema.Deprecated)
        {
            writer.WriteLine("[global::System.Obsolete(" + Literals.String(member.JsonName + " is deprecated by the service.") + ")]");
        }

        if (role == ClassRole.Request)
        {
            ConstraintAttributes.Emit(writer, member.Schema);
        }

        var required = member.IsRequiredMember ? "required " : string.Empty;
        writer.WriteLine("public " + required + member.DeclaredType + " " + member.PropertyName + " { get; init; }");
    }

    private static void EmitDecodeMethod(SourceWriter writer, BoundMember member)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Decodes the Base64 JSON in <see cref=\"" + member.PropertyName + "\"/>.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <exception cref=\"global::VodGen.VodProtocolException\">The field is absent, not Base64, or not the documented JSON.</exception>");
        writer.WriteLine("public " + member.DecodedType + " Decode" + member.PropertyName + "()");
        writer.WriteLine("\t=> global::VodGen.Serialization.VodBase64Json.Decode(" + member.PropertyName + ", " + Literals.String(member.JsonName)
            + ", static (ref " + JsonReaderType + " r, string p, int i) => " + member.DecodedType + ".ReadJson(ref r, p));");
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

        writer.WriteLine("\t=> " + Literals.String(plan.Name + " { "));
        for (var i = 0; i < plan.Members.Count; i++)
        {
            var member = plan.Members[i];
            var display = member.Schema.Secret ? "Secret" : "Value";
            var separator = i == 0 ? string.Empty : ", ";
            writer.WriteLine("\t+ " + Literals.String(separator + member.PropertyName + " = ")
                + " + global::VodGen.Serialization.VodDisplay." + display + "(" + member.PropertyName + ")");
        }

        writer.WriteLine("\t+ \" }\";");
    }

    private static void EmitReader(SourceWriter writer, BoundClass plan)
    {
        writer.WriteLine("/// <summary>Reads the JSON object the reader stands on; <paramref name=\"path\"/> names it in errors.</summary>");
        writer.WriteLine(Hidden);
        writer.Open("internal static " + plan.Name + " ReadJson(ref " + JsonReaderType + " reader, string path)");
        writer.WriteLine(Reader + ".ExpectObject(ref reader, path);");
        for (var i = 0; i < plan.Members.Count; i++)
        {
            writer.WriteLine(plan.Members[i].DeclaredType + " v" + i + " = default;");
        }

        // One bit per member, 64 to a mask, so a member the answer gives twice is refused rather than overwritten.
        for (var mask = 0; mask * 64 < plan.Members.Count; mask++)
        {
            writer.WriteLine("ulong seen" + mask + " = 0;");
        }

        writer.Open("while (" + Reader + ".NextProperty(ref reader))");
        for (var i = 0; i < plan.Members.Count; i++)
        {
            var member = plan.Members[i];
            writer.Open((i == 0 ? "if" : "else if") + " (reader.ValueTextEquals(" + Literals.String(member.JsonName) + "u8))");
            writer.WriteLine(Reader + ".FirstTime(ref seen" + (i / 64) + ", " + (i % 64) + ", path, " + Literals.String(member.JsonName) + ");");
            writer.WriteLine(ReadStatement(member, "v" + i));
            writer.Close();
        }

        if (plan.Members.Count > 0)
        {
            writer.Open("else");
        }

        writer.WriteLine(Reader + ".SkipValue(ref reader);");
        if (plan.Members.Count > 0)
        {
            writer.Close();
        }

        writer.Close();
        writer.WriteLine();
        if (plan.Members.Count == 0)
        {
            writer.WriteLine("return new " + plan.Name + "();");
        }
        else
        {
            writer.Open("return new " + plan.Name);
            for (var i = 0; i < plan.Members.Count; i++)
            {
                writer.WriteLine(plan.Members[i].PropertyName + " = v" + i + ",");
            }

            writer.Close(";");
        }

        writer.Close();
    }

    private static string ReadStatement(BoundMember member, string variable)
    {
        var name = Literals.String(member.JsonName);
        var schema = member.Schema;
        switch (schema.Kind)
        {
            case SchemaKind.Array:
                return variable + " = " + Reader + ".ReadArray(ref reader, path, " + name + ", " + ItemReader(schema.Items!, member.TypeRef.Element!, 0) + ");";
            case SchemaKind.Object:
                return "reader.Read(); " + variable + " = " + Reader + ".IsNull(ref reader) ? null : " + member.Type
                    + ".ReadJson(ref reader, " + Reader + ".Child(path, " + name + "));";
            default:
                return variable + " = " + Reader + ".Read" + ScalarReader(schema, member.TypeRef) + "(ref reader, path, " + name + ");";
        }
    }

    // A lambda reading one array element; nested arrays get their own lambda one level deeper.
    private static string ItemReader(SchemaModel items, BoundType itemType, int depth)
    {
        var (r, p, i) = ("r" + depth, "p" + depth, "i" + depth);
        var head = "static (ref " + JsonReaderType + " " + r + ", string " + p + ", int " + i + ") => ";
        switch (items.Kind)
        {
            case SchemaKind.Array:
                return head + Reader + ".ReadArrayValue(ref " + r + ", " + Reader + ".Item(" + p + ", " + i + "), "
                    + ItemReader(items.Items!, itemType.Element!, depth + 1) + ")";
            case SchemaKind.Object:
                return head + Reader + ".ObjectItem(ref " + r + ", " + p + ", " + i + ", static (ref " + JsonReaderType + " o, string op, int oi) => "
                    + itemType + ".ReadJson(ref o, op))";
            default:
                return head + Reader + "." + ScalarReader(items, itemType) + "Item(ref " + r + ", " + p + ", " + i + ")";
        }
    }

    private static string ScalarReader(SchemaModel schema, BoundType type) => type.Name == "global::System.TimeSpan"
        ? "DurationSeconds"
        : schema.Kind switch
        {
            SchemaKind.Integer => schema.Format == "int32" ? "Int32" : "Int64",
            SchemaKind.Number => "Double",
            SchemaKind.Boolean => "Boolean",
            SchemaKind.Any => "Json",
            _ => "String",
        };

    private static void EmitWriter(SourceWriter writer, BoundClass plan)
    {
        writer.WriteLine("/// <summary>Writes the values as a JSON object.</summary>");
        writer.WriteLine(Hidden);
        writer.Open("internal void WriteJson(global::System.Text.Json.Utf8JsonWriter json)");
        writer.WriteLine("json.WriteStartObject();");
        for (var i = 0; i < plan.Members.Count; i++)
        {
            var member = plan.Members[i];
            if (member.IsRequiredMember && member.IsValueType)
            {
                writer.WriteLine("json.WritePropertyName(" + Literals.String(member.JsonName) + "u8);");
                JsonValueWriter.Write(writer, member.Schema, member.PropertyName, 0);
                continue;
            }

            writer.Open("if (" + member.PropertyName + " is { } v" + i + ")");
            writer.WriteLine("json.WritePropertyName(" + Literals.String(member.JsonName) + "u8);");
            JsonValueWriter.Write(writer, member.Schema, "v" + i, 0);
            writer.Close();
        }

        writer.WriteLine("json.WriteEndObject();");
        writer.Close();
    }
}
