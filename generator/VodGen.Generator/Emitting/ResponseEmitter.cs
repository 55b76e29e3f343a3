using VodGen.Generator.Binding;

namespace VodGen.Generator.Emitting;

/// <summary>Writes <c>{Operation}Response</c> with its nested types and its <c>Utf8JsonReader</c>-based reader.</summary>
internal static class ResponseEmitter
{
    public static void Write(SourceWriter writer, BoundOperation operation)
        => ObjectClassEmitter.Emit(writer, operation.Response, "The answer of the " + operation.Operation.Name + " operation.", emitJsonWriter: false);
}
