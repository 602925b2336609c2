using System;
using System.Collections.Generic;
using Redox.Drivers.Ps2;
using Redox.Testing;
using Redox.Testing.Ps2;

namespace Redox.Drivers.Ps2.Tests;

/// <summary>
/// A driver against the i8042 model on a bus bound to the test thread. Interrupts are delivered by
/// <see cref="Pump"/>: while the model has raised IRQ 1/12 (or still holds output), run the interrupt path.
/// </summary>
internal sealed class Rig : IDisposable
{
    private readonly IDisposable _binding;

    public Rig(Action<I8042Model>? setUp = null, Ps2Options? options = null, bool mapController = true)
    {
        Bus = new SimulatedBus();
        Model = new I8042Model();
        setUp?.Invoke(Model);
        if (mapController)
        {
            Bus.MapPorts(0x60, 5, Model);
        }
        _binding = Bus.Bind();
        Driver = new Ps2Driver<HostedPortIo, PollCountClock>(new PollCountClock(1000), options ?? Ps2Options.Default);
    }

    public SimulatedBus Bus { get; }

    public I8042Model Model { get; }

    public Ps2Driver<HostedPortIo, PollCountClock> Driver { get; }

    public Ps2InitReport Start() => Driver.Start();

    /// <summary>Runs the interrupt path for every pending IRQ; the value is how many times it ran.</summary>
    public int Pump()
    {
        int runs = 0;
        while (Model.Interrupts.TakePending() != 0 || Model.OutputFull)
        {
            Driver.HandleInterrupt();
            runs++;
            if (runs > 10_000)
            {
                throw new InvalidOperationException("the driver does not drain the controller");
            }
        }
        return runs;
    }

    public List<KeyEvent> Keys()
    {
        Pump();
        var list = new List<KeyEvent>();
        var buffer = new byte[KeyEvent.Size * 64];
        int n;
        while ((n = Driver.State.Keys.Pop(buffer)) > 0)
        {
            for (int i = 0; i < n; i += KeyEvent.Size)
            {
                list.Add(System.Runtime.InteropServices.MemoryMarshal.Read<KeyEvent>(buffer.AsSpan(i)));
            }
        }
        return list;
    }

    public List<MouseEvent> Moves()
    {
        Pump();
        var list = new List<MouseEvent>();
        var buffer = new byte[MouseEvent.Size * 64];
        int n;
        while ((n = Driver.State.Mouse.Pop(buffer)) > 0)
        {
            for (int i = 0; i < n; i += MouseEvent.Size)
            {
                list.Add(System.Runtime.InteropServices.MemoryMarshal.Read<MouseEvent>(buffer.AsSpan(i)));
            }
        }
        return list;
    }

    public static unsafe byte[] Raw(KeyEvent e)
    {
        var bytes = new byte[e.RawLength];
        for (int i = 0; i < e.RawLength; i++)
        {
            bytes[i] = e.Raw[i];
        }
        return bytes;
    }

    public void Dispose() => _binding.Dispose();
}
