using VodGen.Generator.Binding;

namespace VodGen.Generator.Emitting;

/// <summary>Emits a type that operations share by name: a decoded payload (<c>x-vodgen-typeName</c>) or a shared schema (<c>$ref</c>).</summary>
internal static class SharedTypeEmitter
{
    public static string Emit(BoundSharedType type)
    {
        var writer = new SourceWriter().FileHeader();
        writer.Open("namespace " + type.Namespace);
        ObjectClassEmitter.Emit(writer, type.Class, type.IsComponent ? "A value shared by several fields of the service." : "A decoded payload of a response field.", type.Namespace, accessibility: type.Accessibility);
        writer.WriteLine();

        // A decoded payload is only read; a shared schema may be sent as well as read.
        ObjectClassEmitter.OpenSerializers(writer);
        var first = true;
        ObjectClassEmitter.EmitSerializers(writer, type.Class, read: true, write: type.IsComponent, ref first);
        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
