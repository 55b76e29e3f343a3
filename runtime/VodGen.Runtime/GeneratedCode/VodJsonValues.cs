using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace VodGen.GeneratedCode;

/// <summary>
/// The member values of one JSON object, read by its class's <see cref="VodJsonShape"/>: unknown members skipped, a
/// member given twice refused, every value checked against its kind with the member's path in the
/// <see cref="VodProtocolException"/>. Generated readers build their object from it in one initializer and hand the
/// result to <see cref="Complete{T}"/>. The values of a class of up to eight members live on the stack; larger classes
/// share one array per thread, taken and given back, so that reading allocates nothing of its own.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct VodJsonValues
{
    private const int InlineCount = 8;
    private const byte Reading = 1, Completed = 2;

    private Inline _inline;
    private Slot[]? _array;
    private int _count;
    private byte _state;

    /// <summary>Reads the object the reader stands on into <paramref name="values"/>; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="VodProtocolException">The value is not an object, gives a member twice, or a member's value is not of its kind.</exception>
    public static void Read(ref Utf8JsonReader reader, string path, VodJsonShape shape, out VodJsonValues values)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(shape);
        VodJsonReader.ExpectObject(ref reader, path);
        values = default;
        var count = shape.Count;
        values._count = count;
        values._state = Reading;
        if (count > InlineCount)
        {
            values._array = Take(count);
        }

        var slots = values.Slots;
        var expected = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            // Answers list members in their documented order as a rule: the search starts after the last one found.
            var index = shape.Members.Find(ref reader, expected < count ? expected : 0);
            if (index < 0)
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            ref var slot = ref slots[index];
            if (slot.Seen)
            {
                var twice = VodJsonReader.Child(path, shape.Members[index]);
                throw new VodProtocolException($"The response is ambiguous: {twice} appears more than once.", jsonPath: twice);
            }

            slot.Seen = true;
            expected = index + 1;
            ReadValue(ref reader, path, shape, index, ref slot);
        }
    }

    /// <summary>Member <paramref name="member"/> as text; null when absent or null.</summary>
    public string? String(int member) => (string?)At(member).Reference;

    /// <summary>Member <paramref name="member"/> as a 64-bit whole number; null when absent or null.</summary>
    public long? Int64(int member) => At(member) is { HasNumber: true } slot ? slot.Bits : null;

    /// <summary>Member <paramref name="member"/> as a 32-bit whole number; null when absent or null.</summary>
    public int? Int32(int member) => At(member) is { HasNumber: true } slot ? (int)slot.Bits : null;

    /// <summary>Member <paramref name="member"/> as a number; null when absent or null.</summary>
    public double? Double(int member) => At(member) is { HasNumber: true } slot ? BitConverter.Int64BitsToDouble(slot.Bits) : null;

    /// <summary>Member <paramref name="member"/> as a boolean; null when absent or null.</summary>
    public bool? Boolean(int member) => At(member) is { HasNumber: true } slot ? slot.Bits != 0 : null;

    /// <summary>Member <paramref name="member"/> as a duration; null when absent or null.</summary>
    public TimeSpan? DurationSeconds(int member) => At(member) is { HasNumber: true } slot ? TimeSpan.FromTicks(slot.Bits) : null;

    /// <summary>Member <paramref name="member"/> as raw JSON; null when absent or null.</summary>
    public JsonElement? Json(int member) => (JsonElement?)At(member).Reference;

    /// <summary>Member <paramref name="member"/> as its reader read it (an object or a list); null when absent or null.</summary>
    public object? Value(int member) => At(member).Reference;

    /// <summary>Returns <paramref name="result"/>, the object built from the values, and lets go of them: they cannot be read after it.</summary>
    public T Complete<T>(T result)
    {
        if (_state == Reading)
        {
            if (_array is { } array)
            {
                _array = null;
                Give(array, _count);
            }
            else
            {
                // The stack slots hold references until the frame ends; cleared so that none outlives its object.
                MemoryMarshal.CreateSpan(ref _inline.First, _count).Clear();
            }

            _state = Completed;
        }

        return result;
    }

    // Every value read goes through here: one check of the state and the index, no span.
    [UnscopedRef]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref Slot At(int member)
    {
        if (_state != Reading || (uint)member >= (uint)_count)
        {
            Refuse(member);
        }

        return ref _array is null ? ref Unsafe.Add(ref _inline.First, member) : ref _array[member];
    }

    [UnscopedRef]
    private Span<Slot> Slots => _array is { } array ? array.AsSpan(0, _count) : MemoryMarshal.CreateSpan(ref _inline.First, _count);

    private readonly void Refuse(int member)
        => throw (_state == Reading ? new ArgumentOutOfRangeException(nameof(member), member, $"The shape has {_count} members.")
            : new InvalidOperationException(_state == Completed ? "The values were completed; read them before Complete." : "The values were not read with VodJsonValues.Read."));

    private static void ReadValue(ref Utf8JsonReader reader, string path, VodJsonShape shape, int index, ref Slot slot)
    {
        var name = shape.Members[index];
        switch (shape.Kinds[index])
        {
            case VodJsonShape.Text:
                slot.Reference = VodJsonReader.ReadString(ref reader, path, name);
                break;
            case VodJsonShape.Int64:
                slot.Set(VodJsonReader.ReadInt64(ref reader, path, name));
                break;
            case VodJsonShape.Int32:
                slot.Set(VodJsonReader.ReadInt32(ref reader, path, name));
                break;
            case VodJsonShape.Double:
                slot.Set(VodJsonReader.ReadDouble(ref reader, path, name) is { } number ? BitConverter.DoubleToInt64Bits(number) : null);
                break;
            case VodJsonShape.Boolean:
                slot.Set(VodJsonReader.ReadBoolean(ref reader, path, name) is { } flag ? (flag ? 1 : 0) : null);
                break;
            case VodJsonShape.DurationSeconds:
                slot.Set(VodJsonReader.ReadDurationSeconds(ref reader, path, name)?.Ticks);
                break;
            case VodJsonShape.Json:
                slot.Reference = VodJsonReader.ReadJson(ref reader, path, name);
                break;
            default:
                slot.Reference = shape.Readers[index]!(ref reader, path, name);
                break;
        }
    }

    // Larger classes: one array kept per thread. Objects are read depth first and most large ones are leaves (the items
    // of a list), so the array a finished object gives back serves the next; an object read while another holds it
    // gets a new one.
    [ThreadStatic]
    private static Slot[]? t_spare;

    private static Slot[] Take(int count)
    {
        var spare = t_spare;
        if (spare is not null && spare.Length >= count)
        {
            t_spare = null;
            return spare;
        }

        return new Slot[count];
    }

    private static void Give(Slot[] array, int used)
    {
        // Cleared before it is kept: no value outlives its object, and a later object starts from empty slots.
        Array.Clear(array, 0, used);
        if (t_spare is null || t_spare.Length < array.Length)
        {
            t_spare = array;
        }
    }

    // One member's value: a reference (text, JSON, objects, lists) or the bits of a number, boolean or duration.
    internal struct Slot
    {
        public object? Reference;
        public long Bits;
        public bool HasNumber;
        public bool Seen;

        public void Set(long? value)
        {
            HasNumber = value.HasValue;
            Bits = value.GetValueOrDefault();
        }
    }

    [InlineArray(InlineCount)]
    private struct Inline
    {
        public Slot First;
    }
}
