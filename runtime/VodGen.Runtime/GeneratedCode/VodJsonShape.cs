using System;
using System.ComponentModel;

namespace VodGen.GeneratedCode;

/// <summary>
/// How the members of one generated class are read: their JSON names, what each holds (one letter per member:
/// <c>s</c> text, <c>l</c> 64-bit and <c>i</c> 32-bit whole numbers, <c>d</c> numbers, <c>b</c> booleans,
/// <c>t</c> durations in seconds, <c>j</c> raw JSON, <c>r</c> read by a <see cref="VodJsonValueReader"/>), and the
/// readers of the <c>r</c> members, in member order. <see cref="VodJsonValues.Read"/> reads an object by it, so that a
/// generated reader is one call and an object initializer. Generated code creates one per class, on first use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class VodJsonShape
{
    internal const char Text = 's', Int64 = 'l', Int32 = 'i', Double = 'd', Boolean = 'b', DurationSeconds = 't', Json = 'j', ByReader = 'r';

    /// <summary>Creates the shape of a class whose members are named <paramref name="names"/>, in their order.</summary>
    /// <param name="kinds">One letter per member, as the class documentation lists them.</param>
    /// <param name="readers">The readers of the members marked <c>r</c>, in member order; null when there are none.</param>
    /// <param name="names">The members' JSON names.</param>
    /// <exception cref="ArgumentException">The kinds, readers and names do not match one another, or a name is listed twice.</exception>
    public VodJsonShape(string kinds, VodJsonValueReader[]? readers, params string[] names)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        Members = new VodJsonMembers(names);
        if (kinds.Length != names.Length)
        {
            throw new ArgumentException($"{names.Length} members need {names.Length} kinds, not {kinds.Length}.", nameof(kinds));
        }

        Kinds = kinds;
        Readers = new VodJsonValueReader?[names.Length];
        var next = 0;
        for (var i = 0; i < kinds.Length; i++)
        {
            switch (kinds[i])
            {
                case ByReader:
                    if (readers is null || next >= readers.Length || readers[next] is null)
                    {
                        throw new ArgumentException($"Member {i} ({names[i]}) is read by a reader, but reader {next} is not given.", nameof(readers));
                    }

                    Readers[i] = readers[next++];
                    break;
                case Text or Int64 or Int32 or Double or Boolean or DurationSeconds or Json:
                    break;
                default:
                    throw new ArgumentException($"Member {i} ({names[i]}) has the unknown kind '{kinds[i]}'.", nameof(kinds));
            }
        }

        if (readers is not null && next != readers.Length)
        {
            throw new ArgumentException($"{readers.Length} readers are given for {next} members marked 'r'.", nameof(readers));
        }
    }

    /// <summary>How many members the class has.</summary>
    public int Count => Kinds.Length;

    internal VodJsonMembers Members { get; }

    internal string Kinds { get; }

    internal VodJsonValueReader?[] Readers { get; }
}
