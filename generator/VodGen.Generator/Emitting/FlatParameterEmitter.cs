using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using VodGen.Generator.Binding;
using VodGen.Generator.Model;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Emits flattened parameters: lists (<c>Name.1</c>, <c>Name.1.Field</c>, <c>Name.1.Rule.2.Value</c>) and objects
/// with <c>style: flat</c> (<c>Name.Field</c>, <c>Name.Range.Start</c>), at any depth. Each class that occurs in a
/// flattened value gets one private writer method, which calls the others; a shared schema that contains itself
/// therefore recurses at run time, as deep as the value is, instead of being unrolled here.
/// </summary>
internal sealed class FlatParameterEmitter
{
    private const string QueryWriter = "global::VodGen.GeneratedCode.VodQueryWriter";

    private readonly BoundOperation _source;
    private readonly Dictionary<string, string> _methods = new(StringComparer.Ordinal);
    private readonly List<(string Method, BoundClass Plan)> _pending = new();
    private readonly HashSet<string> _used;
    private int _index;

    public FlatParameterEmitter(BoundOperation source, IEnumerable<string> usedNames)
    {
        _source = source;
        _used = new HashSet<string>(usedNames, StringComparer.Ordinal);
    }

    /// <summary>Writes one flattened parameter of the request; <paramref name="owner"/> is the request class.</summary>
    public void EmitParameter(SourceWriter writer, ParameterModel parameter, BoundMember member, string encodedName, BoundClass owner)
    {
        var variable = Local("f");
        writer.Open("if (request." + member.PropertyName + " is { } " + variable + ")");
        writer.WriteLine("writer.BeginList();");
        if (parameter.Style == ParameterStyle.Flat)
        {
            writer.WriteLine("writer.Enter(" + Literals.Utf8(encodedName) + ");");
            EmitValue(writer, member.TypeRef, parameter.Schema, variable, owner);
            writer.WriteLine("writer.Exit();");
        }
        else
        {
            EmitList(writer, member.TypeRef, parameter.Schema, variable, encodedName + ".", owner);
        }

        writer.WriteLine("writer.EndList();");
        writer.Close();
    }

    /// <summary>The writer methods the emitted parameters call, including those they call in turn.</summary>
    public void EmitMethods(SourceWriter writer)
    {
        for (var i = 0; i < _pending.Count; i++)
        {
            var (method, plan) = _pending[i];
            writer.WriteLine();
            writer.Open("private static void " + method + "(ref " + QueryWriter + " writer, " + plan.QualifiedName + " value)");
            foreach (var member in plan.Members)
            {
                var suffix = "." + Literals.PercentEncode(member.JsonName);
                var access = "value." + member.PropertyName;
                if (member.TypeRef.Element is not null)
                {
                    var list = Local("l");
                    writer.Open("if (" + access + " is { } " + list + ")");
                    EmitList(writer, member.TypeRef, member.Schema, list, suffix + ".", plan);
                    writer.Close();
                }
                else if (member.TypeRef.IsClass)
                {
                    var item = Local("o");
                    writer.Open("if (" + access + " is { } " + item + ")");
                    writer.WriteLine("writer.Enter(" + Literals.Utf8(suffix) + ");");
                    EmitValue(writer, member.TypeRef, member.Schema, item, plan);
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
    private void EmitList(SourceWriter writer, BoundType listType, SchemaModel schema, string list, string segment, BoundClass owner)
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
        EmitValue(writer, element, schema.Items!, item, owner);
        writer.WriteLine("writer.Exit();");
        writer.Close();
    }

    // A value at the entered name: a scalar is the name's value; a class writes its members after it; a list in a
    // list numbers its elements after a dot (Name.1.2).
    private void EmitValue(SourceWriter writer, BoundType type, SchemaModel schema, string value, BoundClass owner)
    {
        if (type.Element is not null)
        {
            EmitList(writer, type, schema, value, ".", owner);
        }
        else if (type.IsClass)
        {
            writer.WriteLine(MethodFor(type, owner) + "(ref writer, " + value + ");");
        }
        else
        {
            writer.WriteLine("writer.WriteMember(global::System.ReadOnlySpan<byte>.Empty, " + value + ");");
        }
    }

    private string MethodFor(BoundType type, BoundClass owner)
    {
        // A shared schema's class is bound with the operation; a nested class is one of its owner's.
        var plan = type.Component.Length > 0
            ? _source.Components.First(c => c.Name == type.Component)
            : owner.Nested.First(n => n.Name == type.Name);
        if (!_methods.TryGetValue(plan.QualifiedName, out var method))
        {
            method = Unique("WriteFlat" + plan.Name);
            _methods.Add(plan.QualifiedName, method);
            _pending.Add((method, plan));
        }

        return method;
    }

    private string Local(string prefix) => prefix + (_index++).ToString(CultureInfo.InvariantCulture);

    private string Unique(string name) => Parsing.Identifiers.Unique(name, _used);
}
