namespace VodGen.Emulator;

/// <summary>The latest items added, at most a fixed number, oldest first; thread-safe. Memory stays flat however many come.</summary>
internal sealed class BoundedRing<T>
{
    private readonly T[] _ring;
    private long _total;

    public BoundedRing(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _ring = new T[capacity];
    }

    public int Capacity => _ring.Length;

    /// <summary>Items added since the start (or the last <see cref="Clear"/>), kept or not.</summary>
    public long Total
    {
        get
        {
            lock (_ring)
            {
                return _total;
            }
        }
    }

    public void Add(T item)
    {
        lock (_ring)
        {
            _ring[(int)(_total % _ring.Length)] = item;
            _total++;
        }
    }

    public void Clear()
    {
        lock (_ring)
        {
            Array.Clear(_ring);
            _total = 0;
        }
    }

    public T[] ToArray()
    {
        lock (_ring)
        {
            var count = (int)Math.Min(_total, _ring.Length);
            var items = new T[count];
            var start = (int)((_total - count) % _ring.Length);
            for (var i = 0; i < count; i++)
            {
                items[i] = _ring[(start + i) % _ring.Length];
            }

            return items;
        }
    }
}
