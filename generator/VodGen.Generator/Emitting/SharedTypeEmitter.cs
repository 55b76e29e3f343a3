using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>Emits a type that operations share by name: a decoded payload (<c>x-vodgen-typeName</c>) or a shared schema (<c>$ref</c>).</summary>
internal static class SharedTypeEmitter
{
    public static string Emit(SharedTypeSource source)
    {
        var plan = ClassPlanner.PlanObject(source.TypeName, source.Schema, source.IsComponent ? ClassRole.Shared : ClassRole.Response, source.Namespace);
        var writer = new SourceWriter().FileHeader();
        writer.Open("namespace " + source.Namespace);
        ObjectClassEmitter.Emit(writer, plan, source.IsComponent ? "A value shared by several fields of the service." : "A decoded payload of a response field.", emitJsonWriter: false);
        writer.Close();
        return writer.ToString();
    }
}
