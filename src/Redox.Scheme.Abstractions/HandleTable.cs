namespace Redox.Scheme;

/// <summary>
/// A fixed-capacity table of open handles, each with its per-handle state <typeparamref name="TState"/>.
/// All storage is allocated by the constructor; add, look-up and remove never allocate.
/// Ids are <c>generation &lt;&lt; 32 | (slot + 1)</c>: never 0, and a closed id stays invalid after its
/// slot is reused (the generation moved on), so stale handles answer <c>EBADF</c>. Not thread-safe:
/// a scheme is driven by one request loop.
/// </summary>
/// <typeparam name="TState">Per-handle state (a struct, stored inline).</typeparam>
public sealed class HandleTable<TState>
    where TState : struct
{
    private const uint MaxGeneration = 0x7FFF_FFFF;

    private readonly TState[] _states;
    private readonly uint[] _generations;
    private readonly bool[] _used;
    private int _count;
    private int _next;
    private TState _missing;

    /// <summary>A table of <paramref name="capacity"/> handles (at least 1).</summary>
    public HandleTable(int capacity)
    {
        if (capacity < 1)
        {
            capacity = 1;
        }
        _states = new TState[capacity];
        _generations = new uint[capacity];
        _used = new bool[capacity];
        for (int i = 0; i < capacity; i++)
        {
            _generations[i] = 1;
        }
    }

    /// <summary>How many handles fit.</summary>
    public int Capacity => _states.Length;

    /// <summary>How many handles are open.</summary>
    public int Count => _count;

    /// <summary>Adds a handle with <paramref name="state"/>; false (table full, answer <c>EMFILE</c>) when no slot is free.</summary>
    [NoAlloc]
    public bool TryAdd(in TState state, out ulong id)
    {
        int capacity = _states.Length;
        for (int n = 0; n < capacity; n++)
        {
            int slot = _next + n;
            if (slot >= capacity)
            {
                slot -= capacity;
            }
            if (!_used[slot])
            {
                _used[slot] = true;
                _states[slot] = state;
                _count++;
                _next = slot + 1 == capacity ? 0 : slot + 1;
                id = ((ulong)_generations[slot] << 32) | (uint)(slot + 1);
                return true;
            }
        }
        id = 0;
        return false;
    }

    /// <summary>The slot of <paramref name="id"/>, or -1 when it is not an open handle.</summary>
    [NoAlloc]
    public int SlotOf(ulong id)
    {
        ulong low = id & 0xFFFF_FFFF;
        if (low == 0 || low > (ulong)_states.Length)
        {
            return -1;
        }
        int slot = (int)low - 1;
        if (!_used[slot] || _generations[slot] != (uint)(id >> 32))
        {
            return -1;
        }
        return slot;
    }

    /// <summary>True when <paramref name="id"/> is an open handle.</summary>
    public bool Contains(ulong id) => SlotOf(id) >= 0;

    /// <summary>
    /// The state of <paramref name="id"/> by reference, so a driver updates it in place. When the id is not
    /// open, <paramref name="found"/> is false and the reference points at a cleared scratch value.
    /// </summary>
    [NoAlloc]
    public ref TState Get(ulong id, out bool found)
    {
        int slot = SlotOf(id);
        if (slot < 0)
        {
            found = false;
            _missing = default;
            return ref _missing;
        }
        found = true;
        return ref _states[slot];
    }

    /// <summary>Closes <paramref name="id"/>; false when it was not open.</summary>
    [NoAlloc]
    public bool Remove(ulong id)
    {
        int slot = SlotOf(id);
        if (slot < 0)
        {
            return false;
        }
        _used[slot] = false;
        _states[slot] = default;
        uint generation = _generations[slot] + 1;
        _generations[slot] = generation > MaxGeneration ? 1 : generation;
        _count--;
        return true;
    }
}
