using System.Globalization;
using System.Linq;
using VodGen.Generator.Binding;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Writes <c>{Operation}Operation</c>: the operation's facts, request validation, the parameter writer in the
/// canonical (signing) order the binder fixed, at compile time, and the entry to the response reader.
/// </summary>
internal static class OperationEmitter
{
    public static void Write(SourceWriter writer, BoundOperation source, OperationNames names)
    {
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// How " + source.Name + " is validated, signed and read. Used by <see cref=\"" + names.Extensions + "." + names.Method + "\"/>;");
        writer.WriteLine("/// exposed so that its facts (such as <see cref=\"global::VodGen.GeneratedCode.VodOperationInfo.Qps\"/>) can be read.");
        writer.WriteLine("/// </summary>");
        writer.WriteGeneratedAttributes();
        writer.WriteLine(ObjectClassEmitter.Hidden);
        writer.Open(names.Accessibility + " sealed partial class " + names.Operation + " : global::VodGen.GeneratedCode.VodOperation<" + names.Qualified(names.Request) + ", " + names.Qualified(names.Response) + ">");
        var validation = new ValidationEmitter(source.Validation);
        validation.EmitFields(writer);
        writer.WriteLine("/// <summary>The one instance.</summary>");
        writer.WriteLine("public static " + names.Qualified(names.Operation) + " Instance { get; } = new();");
        writer.WriteLine();
        writer.WriteLine("private " + names.Operation + "()");
        writer.WriteLine("\t: base(new global::VodGen.GeneratedCode.VodOperationInfo(");
        writer.WriteLine("\t\t" + Literals.String(source.Name) + ",");
        writer.WriteLine("\t\t" + names.Qualified(names.Service) + ".Version,");
        writer.WriteLine("\t\tglobal::VodGen.GeneratedCode.VodHttpMethod." + source.HttpMethod + ",");
        writer.WriteLine("\t\t" + names.Qualified(names.Service) + ".Endpoints,");
        writer.WriteLine("\t\t" + Qps(source.Qps) + ")" + (source.Idempotent ? ")" : " { IsIdempotent = false })"));
        writer.WriteLine("{");
        writer.WriteLine("}");
        writer.WriteLine();
        EmitValidate(writer, names, validation);
        writer.WriteLine();
        var flat = new FlatParameterEmitter(source.FlatWriters);
        EmitWriteParameters(writer, names, source, flat);
        flat.EmitMethods(writer);
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public override " + names.Qualified(names.Response) + " ReadResponse(ref global::System.Text.Json.Utf8JsonReader reader)");
        writer.WriteLine("\t=> " + ObjectClassEmitter.Serializers(names.Namespace) + ".Read_" + source.Response.SerializerKey + "(ref reader, \"$\");");
        writer.Close();
    }

    private static string Qps(BoundQps? qps)
    {
        if (qps is null)
        {
            return "null";
        }

        var regions = string.Join(", ", qps.Regions.Select(r => "new(" + Literals.String(r.RegionId) + ", " + r.Limit.ToString(CultureInfo.InvariantCulture) + ")"));
        return "new global::VodGen.GeneratedCode.VodQpsLimit(" + qps.PerAccount.ToString(CultureInfo.InvariantCulture)
            + ", new global::System.Collections.Generic.KeyValuePair<string, int>[] { " + regions + " })";
    }

    private static void EmitValidate(SourceWriter writer, OperationNames names, ValidationEmitter validation)
    {
        writer.WriteLine("/// <inheritdoc/>");
        writer.Open("public override void Validate(" + names.Qualified(names.Request) + " request)");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(request);");
        validation.EmitRequestChecks(writer);
        writer.Close();
        validation.EmitValidators(writer);
    }

    private static void EmitWriteParameters(SourceWriter writer, OperationNames names, BoundOperation source, FlatParameterEmitter flat)
    {
        writer.WriteLine("/// <inheritdoc/>");
        writer.Open("public override void WriteParameters(" + names.Qualified(names.Request) + " request, ref global::VodGen.GeneratedCode.VodQueryWriter writer)");
        var index = 0;
        var serializers = ObjectClassEmitter.Serializers(names.Namespace);
        foreach (var parameter in source.WriteOrder)
        {
            var member = parameter.Member;
            switch (parameter.Writing)
            {
                case ParameterWriting.Common:
                    writer.WriteLine("writer.WriteCommon(global::VodGen.GeneratedCode.VodCommonParameter.", parameter.EncodedName, ");");
                    break;
                case ParameterWriting.Simple:
                    writer.StartLine().Write("writer.Write(").WriteString(parameter.EncodedName).Write("u8, request.").Write(member!.PropertyName).EndLine(");");
                    index++;
                    break;
                case ParameterWriting.Json:
                    var variable = "v" + index++.ToString(CultureInfo.InvariantCulture);
                    writer.Open("if (request." + member!.PropertyName + " is { } " + variable + ")");
                    writer.WriteLine("var json = writer.BeginJson();");
                    JsonValueWriter.Write(writer, member.TypeRef, variable, 0, serializers);
                    writer.WriteLine("writer.EndJson(" + Literals.Utf8(parameter.EncodedName) + ");");
                    writer.Close();
                    break;
                default:
                    flat.EmitParameter(writer, parameter);
                    index++;
                    break;
            }
        }

        writer.Close();
    }
}
