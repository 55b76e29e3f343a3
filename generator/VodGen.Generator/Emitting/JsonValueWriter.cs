using VodGen.Generator.Binding;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>Emits the statements that write one request value as JSON (for parameters sent as JSON text).</summary>
internal static class JsonValueWriter
{
    /// <param name="writer">Where the statements go.</param>
    /// <param name="type">The value's C# type.</param>
    /// <param name="schema">The value's schema.</param>
    /// <param name="expression">The value (not null).</param>
    /// <param name="depth">Nesting of lists, for local names.</param>
    /// <param name="serializers">How the serializers class is named where the statements go: empty inside it.</param>
    public static void Write(SourceWriter writer, BoundType type, SchemaModel schema, string expression, int depth, string serializers)
    {
        switch (schema.Kind)
        {
            case SchemaKind.String:
                writer.WriteLine("json.WriteStringValue(" + expression + ");");
                break;
            case SchemaKind.Integer:
            case SchemaKind.Number:
                writer.WriteLine("json.WriteNumberValue(" + expression + ");");
                break;
            case SchemaKind.Boolean:
                writer.WriteLine("json.WriteBooleanValue(" + expression + ");");
                break;
            case SchemaKind.Object:
                writer.WriteLine((serializers.Length > 0 ? serializers + "." : string.Empty) + "Write_" + type.SerializerKey + "(json, " + expression + ");");
                break;
            case SchemaKind.Any:
                writer.WriteLine("global::VodGen.GeneratedCode.VodJsonValue.Write(json, " + expression + ");");
                break;
            default:
                var element = "e" + depth;
                writer.WriteLine("json.WriteStartArray();");
                writer.Open("foreach (var " + element + " in " + expression + ")");
                Write(writer, type.Element!, schema.Items!, element, depth + 1, serializers);
                writer.Close();
                writer.WriteLine("json.WriteEndArray();");
                break;
        }
    }
}
