using System;
using System.Collections.Generic;

namespace Redox.Testing;

/// <summary>
/// The simulated I/O bus: device models claim port ranges and memory windows; reads from nothing
/// answer all ones (a floating bus), writes to nothing are dropped and counted.
/// <para>
/// Why a "current bus": <see cref="HostedPortIo"/> implements the static-abstract <c>IPortIo</c> seam, and
/// static members have no instance to carry a bus. So the bus is found through <see cref="Current"/>, which
/// is thread-static: each test (and each hosted driver thread, which the kernel binds to its
/// <see cref="HostedKernel.Bus"/>) sees its own devices even when tests run in parallel.
/// </para>
/// </summary>
public sealed class SimulatedBus
{
    [ThreadStatic]
    private static SimulatedBus? t_current;

    private readonly List<(ushort First, ushort Last, IPortDevice Device)> _ports = new();
    private readonly List<(ulong First, ulong Length, IMemoryDevice Device)> _memory = new();
    private readonly object _gate = new();

    /// <summary>The bus of the current thread (null: none bound).</summary>
    public static SimulatedBus? Current
    {
        get => t_current;
        set => t_current = value;
    }

    /// <summary>Accesses that hit no device.</summary>
    public int UnclaimedAccesses { get; private set; }

    /// <summary>Binds this bus to the current thread until the scope is disposed.</summary>
    public IDisposable Bind()
    {
        var previous = t_current;
        t_current = this;
        return new Restore(previous);
    }

    /// <summary>Lets <paramref name="device"/> answer ports <paramref name="first"/> .. first + count - 1.</summary>
    public void MapPorts(ushort first, int count, IPortDevice device)
    {
        if (count < 1 || first + count - 1 > ushort.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }
        lock (_gate)
        {
            _ports.Add((first, (ushort)(first + count - 1), device));
        }
    }

    /// <summary>Lets <paramref name="device"/> answer the memory window of <paramref name="length"/> bytes at <paramref name="address"/>.</summary>
    public void MapMemory(ulong address, ulong length, IMemoryDevice device)
    {
        lock (_gate)
        {
            _memory.Add((address, length, device));
        }
    }

    /// <summary>An <c>in</c> on this bus.</summary>
    public uint In(ushort port, int width)
    {
        var device = FindPort(port);
        if (device == null)
        {
            UnclaimedAccesses++;
            return width == 1 ? 0xFFu : width == 2 ? 0xFFFFu : 0xFFFF_FFFFu;
        }
        return device.In(port, width);
    }

    /// <summary>An <c>out</c> on this bus.</summary>
    public void Out(ushort port, int width, uint value)
    {
        var device = FindPort(port);
        if (device == null)
        {
            UnclaimedAccesses++;
            return;
        }
        device.Out(port, width, value);
    }

    /// <summary>A memory read on this bus.</summary>
    public ulong Read(ulong address, int width)
    {
        var (device, offset) = FindMemory(address, width);
        if (device == null)
        {
            UnclaimedAccesses++;
            return width == 8 ? ulong.MaxValue : (1UL << (width * 8)) - 1;
        }
        return device.Read(offset, width);
    }

    /// <summary>A memory write on this bus.</summary>
    public void Write(ulong address, int width, ulong value)
    {
        var (device, offset) = FindMemory(address, width);
        if (device == null)
        {
            UnclaimedAccesses++;
            return;
        }
        device.Write(offset, width, value);
    }

    private IPortDevice? FindPort(ushort port)
    {
        lock (_gate)
        {
            foreach (var (first, last, device) in _ports)
            {
                if (port >= first && port <= last)
                {
                    return device;
                }
            }
            return null;
        }
    }

    private (IMemoryDevice? Device, ulong Offset) FindMemory(ulong address, int width)
    {
        lock (_gate)
        {
            foreach (var (first, length, device) in _memory)
            {
                if (address >= first && address - first + (ulong)width <= length)
                {
                    return (device, address - first);
                }
            }
            return (null, 0);
        }
    }

    private sealed class Restore : IDisposable
    {
        private readonly SimulatedBus? _previous;

        public Restore(SimulatedBus? previous)
        {
            _previous = previous;
        }

        public void Dispose() => t_current = _previous;
    }
}
