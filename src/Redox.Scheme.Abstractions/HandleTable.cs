using System.Runtime.CompilerServices;

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

    // The open id of each slot, 0 when the slot is free (no id is 0): a look-up is one load and one compare, which
    // checks "open" and "this generation" at once. Every scheme operation on a handle starts with a look-up.
    private readonly ulong[] _open;
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
        _open = new ulong[capacity];
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
            if (_open[slot] == 0)
            {
                _states[slot] = state;
                _count++;
                _next = slot + 1 == capacity ? 0 : slot + 1;
                id = ((ulong)_generations[slot] << 32) | (uint)(slot + 1);
                _open[slot] = id;
                return true;
            }
        }
        id = 0;
        return false;
    }

    /// <summary>The slot of <paramref name="id"/>, or -1 when it is not an open handle.</summary>
    [NoAlloc]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SlotOf(ulong id)
    {
        // The low half is slot + 1; a low half of 0 wraps to uint.MaxValue and fails the bound like any other.
        uint slot = (uint)id - 1;
        ulong[] open = _open;
        if (slot >= (uint)open.Length || open[slot] != id)
        {
            return -1;
        }
        return (int)slot;
    }

    /// <summary>True when <paramref name="id"/> is an open handle.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
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
        _open[slot] = 0;
        _states[slot] = default;
        uint generation = _generations[slot] + 1;
        _generations[slot] = generation > MaxGeneration ? 1 : generation;
        _count--;
        return true;
    }
}
