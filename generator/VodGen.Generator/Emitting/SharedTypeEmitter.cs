using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>Emits a decoded payload type that operations share by name (<c>x-vodgen-typeName</c>).</summary>
internal static class SharedTypeEmitter
{
    public static string Emit(SharedTypeSource source)
    {
        var plan = ClassPlanner.PlanObject(source.TypeName, source.Schema, ClassRole.Response, source.Namespace);
        var writer = new SourceWriter().FileHeader();
        writer.Open("namespace " + source.Namespace);
        ObjectClassEmitter.Emit(writer, plan, "A decoded payload of a response field.", emitJsonWriter: false);
        writer.Close();
        return writer.ToString();
    }
}
