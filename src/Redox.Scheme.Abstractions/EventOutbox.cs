using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Redox.Syscall;

namespace Redox.Scheme;

/// <summary>
/// Readiness posts waiting to be sent as <c>SendFevent</c> responses. Fixed capacity, allocated once;
/// posts for the same handle merge their flags, so a full outbox only happens with more distinct ready
/// handles than capacity (the post then answers false and the driver may retry). Safe to post from
/// another thread (an interrupt loop) than the one that drains: a tiny spin lock on an int.
/// </summary>
public sealed class EventOutbox
{
    private readonly ulong[] _ids;
    private readonly uint[] _flags;

    // Volatile so the request loop's empty check is one inlined load (CoreLib's Volatile.Read is a call under ILC):
    // the loop asks before every answer, and the outbox is nearly always empty.
    private volatile int _count;
    private int _lock;

    /// <summary>An outbox for up to <paramref name="capacity"/> distinct handles.</summary>
    public EventOutbox(int capacity)
    {
        if (capacity < 1)
        {
            capacity = 1;
        }
        _ids = new ulong[capacity];
        _flags = new uint[capacity];
    }

    /// <summary>Posts waiting to be drained.</summary>
    public int Count
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _count;
    }

    /// <summary>Queues readiness <paramref name="flags"/> for handle <paramref name="id"/>.</summary>
    [NoAlloc]
    public bool Post(ulong id, EventFlags flags)
    {
        Enter();
        int count = _count;
        bool ok = false;
        for (int i = 0; i < count; i++)
        {
            if (_ids[i] == id)
            {
                _flags[i] |= (uint)flags;
                ok = true;
                break;
            }
        }
        if (!ok && count < _ids.Length)
        {
            _ids[count] = id;
            _flags[count] = (uint)flags;
            _count = count + 1;
            ok = true;
        }
        Volatile.Write(ref _lock, 0);
        return ok;
    }

    /// <summary>Moves up to <c>destination.Length</c> posts into <paramref name="destination"/> as responses; returns how many.</summary>
    [NoAlloc]
    public int Drain(Span<Cqe> destination)
    {
        if (_count == 0)
        {
            return 0;
        }
        Enter();
        int count = _count;
        int n = count < destination.Length ? count : destination.Length;
        for (int i = 0; i < n; i++)
        {
            destination[i] = Cqe.PostFevent(_ids[i], (EventFlags)_flags[i]);
        }
        int rest = count - n;
        for (int i = 0; i < rest; i++)
        {
            _ids[i] = _ids[n + i];
            _flags[i] = _flags[n + i];
        }
        _count = rest;
        Volatile.Write(ref _lock, 0);
        return n;
    }

    private void Enter()
    {
        while (Interlocked.CompareExchange(ref _lock, 1, 0) != 0)
        {
            // Held for a handful of instructions only.
        }
    }
}
