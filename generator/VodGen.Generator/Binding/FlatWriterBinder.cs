using System;
using System.Collections.Generic;
using System.Linq;
using VodGen.Generator.Model;
using VodGen.Generator.Parsing;

namespace VodGen.Generator.Binding;

/// <summary>
/// Decides the writer methods of flattened parameters: one per class that occurs in a flattened value (nested or
/// shared), found in the order the parameter writer reaches them, named in the operation class's scope.
/// </summary>
internal static class FlatWriterBinder
{
    public static EquatableArray<BoundFlatWriter> Bind(EquatableArray<BoundParameter> writeOrder, BoundClass request, EquatableArray<BoundClass> components, HashSet<string> scope)
    {
        var writers = new List<BoundFlatWriter>();
        var byType = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in writeOrder)
        {
            if (parameter.Writing is ParameterWriting.RepeatList or ParameterWriting.Flat)
            {
                Visit(parameter.Member!.TypeRef, request);
            }
        }

        // A writer's members may need writers of their own, found as each is printed: a queue, not a recursion.
        for (var i = 0; i < writers.Count; i++)
        {
            foreach (var member in writers[i].Class.Members)
            {
                Visit(member.TypeRef, writers[i].Class);
            }
        }

        return writers.ToEquatableArray();

        void Visit(BoundType type, BoundClass owner)
        {
            if (type.Element is { } element)
            {
                Visit(element, owner);
            }
            else if (type.IsClass && byType.Add(type.QualifiedName))
            {
                // A shared schema's class is bound with the operation; a nested class is one of its owner's.
                var plan = type.Component.Length > 0
                    ? components.First(c => c.Name == type.Component)
                    : owner.Nested.First(n => n.Name == type.Name);
                writers.Add(new BoundFlatWriter(Identifiers.Unique("WriteFlat" + plan.Name, scope), type.QualifiedName, plan));
            }
        }
    }
}
