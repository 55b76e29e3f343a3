using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VodGen.Generator.Binding;
using VodGen.Generator.Model;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Writes <c>{Operation}Operation</c>: the operation's facts, request validation, the parameter writer with
/// the canonical (signing) order fixed here, at compile time, and the entry to the response reader.
/// </summary>
internal static class OperationEmitter
{
    public static void Write(SourceWriter writer, BoundOperation source)
    {
        var names = new OperationNames(source);
        var operation = source.Operation;
        var request = source.Request;
        var members = operation.Parameters.Zip(request.Members, (parameter, member) => (Parameter: parameter, Member: member)).ToList();

        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// How " + operation.Name + " is validated, signed and read. Used by <see cref=\"" + names.Extensions + "." + names.Method + "\"/>;");
        writer.WriteLine("/// exposed so that its facts (such as <see cref=\"global::VodGen.GeneratedCode.VodOperationInfo.Qps\"/>) can be read.");
        writer.WriteLine("/// </summary>");
        writer.WriteGeneratedAttributes();
        writer.WriteLine(ObjectClassEmitter.Hidden);
        writer.Open(names.Accessibility + " sealed partial class " + names.Operation + " : global::VodGen.GeneratedCode.VodOperation<" + names.Qualified(names.Request) + ", " + names.Qualified(names.Response) + ">");
        var validation = new ValidationEmitter(source);
        validation.EmitFields(writer);
        writer.WriteLine("/// <summary>The one instance.</summary>");
        writer.WriteLine("public static " + names.Qualified(names.Operation) + " Instance { get; } = new();");
        writer.WriteLine();
        writer.WriteLine("private " + names.Operation + "()");
        writer.WriteLine("\t: base(new global::VodGen.GeneratedCode.VodOperationInfo(");
        writer.WriteLine("\t\t" + Literals.String(operation.Name) + ",");
        writer.WriteLine("\t\t" + names.Qualified(names.Service) + ".Version,");
        writer.WriteLine("\t\tglobal::VodGen.GeneratedCode.VodHttpMethod." + operation.Method + ",");
        writer.WriteLine("\t\t" + names.Qualified(names.Service) + ".Endpoints,");
        writer.WriteLine("\t\t" + Qps(operation.Qps) + ")" + (operation.Idempotent ? ")" : " { IsIdempotent = false })"));
        writer.WriteLine("{");
        writer.WriteLine("}");
        writer.WriteLine();
        EmitValidate(writer, names, source.Request, members, validation);
        writer.WriteLine();
        var flat = new FlatParameterEmitter(source, new[] { "Instance", "Validate", "WriteParameters", "ReadResponse" });
        EmitWriteParameters(writer, names, members, request, flat);
        flat.EmitMethods(writer);
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine("public override " + names.Qualified(names.Response) + " ReadResponse(ref global::System.Text.Json.Utf8JsonReader reader)");
        writer.WriteLine("\t=> " + ObjectClassEmitter.Serializers(names.Namespace) + ".Read_" + source.Response.SerializerKey + "(ref reader, \"$\");");
        writer.Close();
    }

    private static string Qps(QpsModel? qps)
    {
        if (qps is null)
        {
            return "null";
        }

        var regions = string.Join(", ", qps.Regions.Select(r => "new(" + Literals.String(r.RegionId) + ", " + r.Limit.ToString(CultureInfo.InvariantCulture) + ")"));
        return "new global::VodGen.GeneratedCode.VodQpsLimit(" + qps.PerAccount.ToString(CultureInfo.InvariantCulture)
            + ", new global::System.Collections.Generic.KeyValuePair<string, int>[] { " + regions + " })";
    }

    private static void EmitValidate(SourceWriter writer, OperationNames names, BoundClass request, List<(ParameterModel Parameter, BoundMember Member)> members, ValidationEmitter validation)
    {
        writer.WriteLine("/// <inheritdoc/>");
        writer.Open("public override void Validate(" + names.Qualified(names.Request) + " request)");
        writer.WriteLine("global::System.ArgumentNullException.ThrowIfNull(request);");
        foreach (var (parameter, member) in members)
        {
            validation.EmitChecks(writer, request, member, "request." + member.PropertyName, Literals.String(parameter.Name));
        }

        writer.Close();
        validation.EmitNestedValidators(writer);
    }

    private static void EmitWriteParameters(SourceWriter writer, OperationNames names, List<(ParameterModel Parameter, BoundMember Member)> members, BoundClass request, FlatParameterEmitter flat)
    {
        writer.WriteLine("/// <inheritdoc/>");
        writer.Open("public override void WriteParameters(" + names.Qualified(names.Request) + " request, ref global::VodGen.GeneratedCode.VodQueryWriter writer)");
        var index = 0;
        foreach (var entry in CanonicalOrder(members))
        {
            if (entry.Member is null)
            {
                writer.WriteLine("writer.WriteCommon(global::VodGen.GeneratedCode.VodCommonParameter." + entry.CommonName + ");");
            }
            else
            {
                EmitParameter(writer, entry.Parameter!, entry.Member, entry.EncodedName, "v" + index++, request, ObjectClassEmitter.Serializers(names.Namespace), flat);
            }
        }

        writer.Close();
    }

    // Common parameters and the operation's own, in ordinal order of their encoded names. A flattened list or
    // object sorts by its prefix ("Name."), since all its names share it.
    private static IEnumerable<(string SortKey, string EncodedName, string CommonName, ParameterModel? Parameter, BoundMember? Member)> CanonicalOrder(
        List<(ParameterModel Parameter, BoundMember Member)> members)
    {
        var entries = OperationReader.CommonParameterNames
            .Where(n => n != "Signature")
            .Select(n => (SortKey: n, EncodedName: n, CommonName: n, Parameter: (ParameterModel?)null, Member: (BoundMember?)null))
            .ToList();
        foreach (var (parameter, member) in members)
        {
            var encoded = Literals.PercentEncode(parameter.Name);
            var key = parameter.Style is ParameterStyle.RepeatList or ParameterStyle.Flat ? encoded + "." : encoded;
            entries.Add((key, encoded, string.Empty, parameter, member));
        }

        return entries.OrderBy(e => e.SortKey, StringComparer.Ordinal);
    }

    private static void EmitParameter(SourceWriter writer, ParameterModel parameter, BoundMember member, string encodedName, string variable, BoundClass request, string serializers, FlatParameterEmitter flat)
    {
        var value = "request." + member.PropertyName;
        switch (parameter.Style)
        {
            case ParameterStyle.Simple:
                writer.WriteLine("writer.Write(", Literals.Utf8(encodedName), ", ", value, ");");
                break;
            case ParameterStyle.Json:
                writer.Open("if (" + value + " is { } " + variable + ")");
                writer.WriteLine("var json = writer.BeginJson();");
                JsonValueWriter.Write(writer, member.TypeRef, parameter.Schema, variable, 0, serializers);
                writer.WriteLine("writer.EndJson(" + Literals.Utf8(encodedName) + ");");
                writer.Close();
                break;
            default:
                flat.EmitParameter(writer, parameter, member, encodedName, request);
                break;
        }
    }
}
