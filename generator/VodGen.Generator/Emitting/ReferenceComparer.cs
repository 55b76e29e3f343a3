using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace VodGen.Generator.Emitting;

/// <summary>
/// Compares by identity. Bound models compare by value, so that the pipeline can cache them; an emitter that keeps
/// something per member or class (a field name, a method name) must tell two equal-looking members apart.
/// </summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
