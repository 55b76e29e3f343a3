using System.Linq;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>Emits <c>{Operation}Request</c>: one property per parameter, required ones as <c>required</c> members.</summary>
internal static class RequestEmitter
{
    public static string Emit(OperationSource source)
    {
        var names = new OperationNames(source);
        var plan = Plan(source);
        var writer = new SourceWriter().FileHeader();
        writer.Open("namespace " + names.Namespace);
        ObjectClassEmitter.Emit(
            writer,
            plan,
            "Parameters of the " + source.Operation.Name + " operation.",
            emitJsonWriter: false,
            remarks: "Parameters of " + source.Operation.Name + ". " + source.Operation.Summary);
        writer.Close();
        return writer.ToString();
    }

    public static ClassPlan Plan(OperationSource source)
    {
        var names = new OperationNames(source);
        return ClassPlanner.Plan(
            names.Request,
            string.Empty,
            source.Operation.Parameters.Select(p => (p.Name, p.Schema, p.Required)),
            ClassRole.Request,
            names.Namespace);
    }
}
