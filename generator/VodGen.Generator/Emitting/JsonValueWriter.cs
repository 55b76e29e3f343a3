using VodGen.Generator.Binding;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>Emits the statements that write one request value as JSON (for parameters sent as JSON text).</summary>
internal static class JsonValueWriter
{
    public static void Write(SourceWriter writer, SchemaModel schema, string expression, int depth)
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
                writer.WriteLine(expression + ".WriteJson(json);");
                break;
            case SchemaKind.Any:
                writer.WriteLine("global::VodGen.Serialization.VodJsonValue.Write(json, " + expression + ");");
                break;
            default:
                var element = "e" + depth;
                writer.WriteLine("json.WriteStartArray();");
                writer.Open("foreach (var " + element + " in " + expression + ")");
                Write(writer, schema.Items!, element, depth + 1);
                writer.Close();
                writer.WriteLine("json.WriteEndArray();");
                break;
        }
    }
}
