using VodGen.Generator.Binding;

namespace VodGen.Generator.Emitting;

/// <summary>Emits the statements that write one request value as JSON (for parameters sent as JSON text).</summary>
internal static class JsonValueWriter
{
    /// <param name="writer">Where the statements go.</param>
    /// <param name="type">The value's C# type.</param>
    /// <param name="expression">The value (not null).</param>
    /// <param name="depth">Nesting of lists, for local names.</param>
    /// <param name="serializers">How the serializers class is named where the statements go: empty inside it.</param>
    public static void Write(SourceWriter writer, BoundType type, string expression, int depth, string serializers)
    {
        switch (type.Kind)
        {
            case ValueKind.Text:
                writer.WriteLine("json.WriteStringValue(" + expression + ");");
                break;
            case ValueKind.Int32:
            case ValueKind.Int64:
            case ValueKind.Double:
                writer.WriteLine("json.WriteNumberValue(" + expression + ");");
                break;
            case ValueKind.Boolean:
                writer.WriteLine("json.WriteBooleanValue(" + expression + ");");
                break;
            case ValueKind.Class:
                writer.WriteLine((serializers.Length > 0 ? serializers + "." : string.Empty) + "Write_" + type.SerializerKey + "(json, " + expression + ");");
                break;
            case ValueKind.Json:
                writer.WriteLine("global::VodGen.GeneratedCode.VodJsonValue.Write(json, " + expression + ");");
                break;
            case ValueKind.List:
                var element = "e" + depth;
                writer.WriteLine("json.WriteStartArray();");
                writer.Open("foreach (var " + element + " in " + expression + ")");
                Write(writer, type.Element!, element, depth + 1, serializers);
                writer.Close();
                writer.WriteLine("json.WriteEndArray();");
                break;
            default:
                // Durations are read from answers only; a value that is never sent has no writer.
                throw new System.InvalidOperationException("No JSON writer for " + type.Kind + ".");
        }
    }
}
