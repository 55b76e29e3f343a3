using VodGen.Generator.Binding;

namespace VodGen.Generator.Emitting;

/// <summary>Writes <c>{Operation}Response</c> with its nested types (its reader is in <c>VodGenJson</c>).</summary>
internal static class ResponseEmitter
{
    public static void Write(SourceWriter writer, BoundOperation operation)
        => ObjectClassEmitter.Emit(writer, operation.Response, "The answer of the " + operation.Name + " operation.", operation.Namespace, accessibility: operation.Product.Accessibility);
}
