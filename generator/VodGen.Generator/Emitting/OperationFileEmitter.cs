using VodGen.Generator.Binding;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Emits everything of one operation into one source file: request, response, error codes, the operation's
/// plumbing and the client method. One file per operation keeps the compiler's per-file costs (and the IDE's)
/// proportional to the operations, not to five times them.
/// </summary>
internal static class OperationFileEmitter
{
    public static string Emit(BoundOperation operation)
    {
        var writer = new SourceWriter().FileHeader();
        writer.Open("namespace " + operation.Namespace);
        RequestEmitter.Write(writer, operation);
        writer.WriteLine();
        ResponseEmitter.Write(writer, operation);
        writer.WriteLine();
        ErrorsEmitter.Write(writer, operation);
        writer.WriteLine();
        OperationEmitter.Write(writer, operation);
        writer.WriteLine();
        ClientEmitter.Write(writer, operation);
        writer.Close();
        return writer.ToString();
    }
}
