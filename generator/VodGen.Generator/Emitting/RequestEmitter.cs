using VodGen.Generator.Binding;

namespace VodGen.Generator.Emitting;

/// <summary>Writes <c>{Operation}Request</c>: one property per parameter, required ones as <c>required</c> members.</summary>
internal static class RequestEmitter
{
    public static void Write(SourceWriter writer, BoundOperation operation)
        => ObjectClassEmitter.Emit(
            writer,
            operation.Request,
            "Parameters of the " + operation.Name + " operation.",
            operation.Namespace,
            remarks: "Parameters of " + operation.Name + ". " + operation.Summary,
            accessibility: operation.Product.Accessibility);
}
