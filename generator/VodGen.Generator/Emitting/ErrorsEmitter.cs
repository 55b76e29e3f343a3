using System.Globalization;
using VodGen.Generator.Binding;

namespace VodGen.Generator.Emitting;

/// <summary>Writes <c>{Operation}Errors</c>: one <c>VodErrorCode</c> per documented error, and <c>All</c>.</summary>
internal static class ErrorsEmitter
{
    public static void Write(SourceWriter writer, BoundOperation source, OperationNames names)
    {
        XmlDoc.Summary(writer, "The error codes the " + source.Name + " operation documents. Compare them with VodServiceException.Code.", string.Empty);
        writer.WriteGeneratedAttributes();
        writer.Open(names.Accessibility + " static partial class " + names.Errors);
        foreach (var error in source.Errors)
        {
            var status = error.HttpStatus.ToString(CultureInfo.InvariantCulture);
            var statusText = error.HttpStatus > 0 ? "HTTP " + status : "HTTP status not documented";
            XmlDoc.Summary(writer, error.Code + " (" + statusText + "): " + error.Summary, string.Empty);
            writer.StartLine().Write("public static global::VodGen.VodErrorCode ").Write(error.PropertyName).Write(" { get; } = new(")
                .WriteString(error.Code).Write(", ").Write(status).Write(", ").WriteString(error.Message).EndLine(");");
            writer.WriteLine();
        }

        writer.WriteLine("/// <summary>Every error code listed above.</summary>");
        writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<global::VodGen.VodErrorCode> All { get; } = new global::VodGen.VodErrorCode[]");
        writer.WriteLine("{");
        foreach (var error in source.Errors)
        {
            writer.WriteLine("\t", error.PropertyName, ",");
        }

        writer.WriteLine("};");
        writer.Close();
    }
}
