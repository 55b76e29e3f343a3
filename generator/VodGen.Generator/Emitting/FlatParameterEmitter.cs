using System;
using System.Collections.Generic;
using System.Globalization;
using VodGen.Generator.Binding;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Emits flattened parameters: lists (<c>Name.1</c>, <c>Name.1.Field</c>, <c>Name.1.Rule.2.Value</c>) and objects
/// with <c>style: flat</c> (<c>Name.Field</c>, <c>Name.Range.Start</c>), at any depth. Each class that occurs in a
/// flattened value has one private writer method (bound in <see cref="BoundOperation.FlatWriters"/>), which calls the
/// others; a shared schema that contains itself therefore recurses at run time, as deep as the value is, instead of
/// being unrolled here.
/// </summary>
internal sealed class FlatParameterEmitter
{
    private const string QueryWriter = "global::VodGen.GeneratedCode.VodQueryWriter";

    private readonly EquatableArray<BoundFlatWriter> _writers;
    private readonly Dictionary<string, string> _methods = new(StringComparer.Ordinal);
    private int _index;

    public FlatParameterEmitter(EquatableArray<BoundFlatWriter> writers)
    {
        _writers = writers;
        foreach (var flatWriter in writers)
        {
            _methods[flatWriter.Type] = flatWriter.Method;
        }
    }

    /// <summary>Writes one flattened parameter of the request.</summary>
    public void EmitParameter(SourceWriter writer, BoundParameter parameter)
    {
        var member = parameter.Member!;
        var variable = Local("f");
        writer.Open("if (request." + member.PropertyName + " is { } " + variable + ")");
        writer.WriteLine("writer.BeginList();");
        if (parameter.Writing == ParameterWriting.Flat)
        {
            writer.WriteLine("writer.Enter(" + Literals.Utf8(parameter.EncodedName) + ");");
            EmitValue(writer, member.TypeRef, variable);
            writer.WriteLine("writer.Exit();");
        }
        else
        {
            EmitList(writer, member.TypeRef, variable, parameter.EncodedName + ".");
        }

        writer.WriteLine("writer.EndList();");
        writer.Close();
    }

    /// <summary>The writer methods the emitted parameters call, including those they call in turn.</summary>
    public void EmitMethods(SourceWriter writer)
    {
        foreach (var flatWriter in _writers)
        {
            writer.WriteLine();
            writer.Open("private static void " + flatWriter.Method + "(ref " + QueryWriter + " writer, " + flatWriter.Type + " value)");
            foreach (var member in flatWriter.Class.Members)
            {
                var suffix = "." + QueryNames.Encode(member.JsonName);
                var access = "value." + member.PropertyName;
                if (member.TypeRef.Element is not null)
                {
                    var list = Local("l");
                    writer.Open("if (" + access + " is { } " + list + ")");
                    EmitList(writer, member.TypeRef, list, suffix + ".");
                    writer.Close();
                }
                else if (member.TypeRef.IsClass)
                {
                    var item = Local("o");
                    writer.Open("if (" + access + " is { } " + item + ")");
                    writer.WriteLine("writer.Enter(" + Literals.Utf8(suffix) + ");");
                    EmitValue(writer, member.TypeRef, item);
                    writer.WriteLine("writer.Exit();");
                    writer.Close();
                }
                else
                {
                    writer.WriteLine("writer.WriteMember(" + Literals.Utf8(suffix) + ", " + access + ");");
                }
            }

            writer.Close();
        }
    }

    // Every element of a list, named {segment}{index} after the entered name.
    private void EmitList(SourceWriter writer, BoundType listType, string list, string segment)
    {
        var index = Local("i");
        var element = listType.Element!;
        writer.Open("for (var " + index + " = 0; " + index + " < " + list + ".Count; " + index + "++)");
        var item = list + "[" + index + "]";
        if (!element.IsValueType)
        {
            // Null elements are refused by validation where the spec describes the list; elsewhere they are skipped.
            var local = Local("e");
            writer.WriteLine("if (" + item + " is not { } " + local + ") continue;");
            item = local;
        }

        writer.WriteLine("writer.Enter(" + Literals.Utf8(segment) + ", " + index + " + 1);");
        EmitValue(writer, element, item);
        writer.WriteLine("writer.Exit();");
        writer.Close();
    }

    // A value at the entered name: a scalar is the name's value; a class writes its members after it; a list in a
    // list numbers its elements after a dot (Name.1.2).
    private void EmitValue(SourceWriter writer, BoundType type, string value)
    {
        if (type.Element is not null)
        {
            EmitList(writer, type, value, ".");
        }
        else if (type.IsClass)
        {
            writer.WriteLine(_methods[type.QualifiedName] + "(ref writer, " + value + ");");
        }
        else
        {
            writer.WriteLine("writer.WriteMember(global::System.ReadOnlySpan<byte>.Empty, " + value + ");");
        }
    }

    private string Local(string prefix) => prefix + (_index++).ToString(CultureInfo.InvariantCulture);
}
