using VodGen.Generator.Binding;

namespace VodGen.Generator.Emitting;

/// <summary>Emits a type that operations share by name: a decoded payload (<c>x-vodgen-typeName</c>) or a shared schema (<c>$ref</c>).</summary>
internal static class SharedTypeEmitter
{
    public static string Emit(BoundSharedType type)
    {
        var writer = new SourceWriter().FileHeader();
        writer.Open("namespace " + type.Namespace);
        ObjectClassEmitter.Emit(writer, type.Class, type.IsComponent ? "A value shared by several fields of the service." : "A decoded payload of a response field.", emitJsonWriter: false);
        writer.Close();
        return writer.ToString();
    }
}
