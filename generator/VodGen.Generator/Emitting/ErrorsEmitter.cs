using System.Collections.Generic;
using System.Globalization;
using VodGen.Generator.Binding;
using VodGen.Generator.Model;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Emitting;

/// <summary>Writes <c>{Operation}Errors</c>: one <c>VodErrorCode</c> per documented error, and <c>All</c>.</summary>
internal static class ErrorsEmitter
{
    public static void Write(SourceWriter writer, BoundOperation source)
    {
        var names = new OperationNames(source);
        XmlDoc.Summary(writer, "The error codes the " + source.Operation.Name + " operation documents. Compare them with VodServiceException.Code.", string.Empty);
        writer.WriteGeneratedAttributes();
        writer.Open(names.Accessibility + " static partial class " + names.Errors);
        var used = new HashSet<string> { names.Errors, "All" };
        var properties = new List<string>();
        foreach (var error in source.Operation.Errors)
        {
            var unique = Identifiers.Unique(Identifiers.ToPascalCase(error.Code), used);
            properties.Add(unique);
            var status = error.HttpStatus.ToString(CultureInfo.InvariantCulture);
            var statusText = error.HttpStatus > 0 ? "HTTP " + status : "HTTP status not documented";
            XmlDoc.Summary(writer, error.Code + " (" + statusText + "): " + (error.Description.Length > 0 ? error.Description : error.Message), string.Empty);
            writer.WriteLine("public static global::VodGen.VodErrorCode " + unique + " { get; } = new(" + Literals.String(error.Code) + ", " + status + ", " + Literals.String(error.Message) + ");");
            writer.WriteLine();
        }

        writer.WriteLine("/// <summary>Every error code listed above.</summary>");
        writer.WriteLine("public static global::System.Collections.Generic.IReadOnlyList<global::VodGen.VodErrorCode> All { get; } = new global::VodGen.VodErrorCode[]");
        writer.WriteLine("{");
        foreach (var property in properties)
        {
            writer.WriteLine("\t" + property + ",");
        }

        writer.WriteLine("};");
        writer.Close();
    }
}
