using VodGen.Generator.Binding;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Emits everything of one operation into one source file: request, response, error codes, the operation's
/// plumbing, the client method, and the JSON readers and writers of its classes. One file per operation keeps the compiler's per-file costs (and the IDE's)
/// proportional to the operations, not to five times them.
/// </summary>
internal static class OperationFileEmitter
{
    public static string Emit(BoundOperation operation)
    {
        var writer = new SourceWriter().FileHeader();
        var names = new OperationNames(operation);
        writer.Open("namespace " + operation.Namespace);
        RequestEmitter.Write(writer, operation);
        writer.WriteLine();
        ResponseEmitter.Write(writer, operation);
        writer.WriteLine();
        ErrorsEmitter.Write(writer, operation, names);
        writer.WriteLine();
        OperationEmitter.Write(writer, operation, names);
        writer.WriteLine();
        ClientEmitter.Write(writer, operation, names);
        writer.WriteLine();

        // The readers of the answer's classes and the writers of the request's (for values sent as JSON), kept
        // out of the classes themselves so that those stay plain data.
        ObjectClassEmitter.OpenSerializers(writer);
        var first = true;
        ObjectClassEmitter.EmitSerializers(writer, operation.Response, read: true, write: false, ref first);
        foreach (var nested in operation.Request.Nested)
        {
            ObjectClassEmitter.EmitSerializers(writer, nested, read: false, write: true, ref first);
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }
}
