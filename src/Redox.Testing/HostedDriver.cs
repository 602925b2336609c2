using System;
using System.Threading;
using Redox.Scheme;
using Redox.Syscall;

namespace Redox.Testing;

/// <summary>
/// A driver running in its own thread as its own process: it creates its scheme with <c>open(":name")</c>
/// and serves it with <see cref="SchemeServer"/> until stopped. If the driver throws, the scheme is killed:
/// the call in progress and every later call answer <c>EIO</c>; nothing hangs.
/// </summary>
public sealed class HostedDriver
{
    private readonly HostedKernel _kernel;
    private readonly SchemeBase _scheme;
    private readonly int _batch;
    private readonly ManualResetEventSlim _ready = new();
    private readonly Thread _thread;
    private ThreadedEndpoint? _endpoint;

    internal HostedDriver(HostedKernel kernel, string name, SchemeBase scheme, int batch)
    {
        _kernel = kernel;
        Name = name;
        _scheme = scheme;
        _batch = batch;
        Process = kernel.CreateProcess();
        _thread = new Thread(Main) { IsBackground = true, Name = "driver " + name };
    }

    /// <summary>The scheme name.</summary>
    public string Name { get; }

    /// <summary>The driver's process.</summary>
    public HostedProcess Process { get; }

    /// <summary>The exception that ended the driver, if any.</summary>
    public Exception? Fault { get; private set; }

    /// <summary>The result <see cref="SchemeServer.Run"/> returned when the loop ended.</summary>
    public SyscallResult ExitResult { get; private set; }

    /// <summary>True while the driver thread runs.</summary>
    public bool IsAlive => _thread.IsAlive;

    internal void Start()
    {
        _thread.Start();
        if (!_ready.Wait(10_000))
        {
            throw new TimeoutException("driver '" + Name + "' did not create its scheme");
        }
        if (Fault != null)
        {
            throw new InvalidOperationException("driver '" + Name + "' failed to start", Fault);
        }
    }

    private void Main()
    {
        using var scope = Process.Enter();
        SimulatedBus.Current = _kernel.Bus;
        try
        {
            var socket = SchemeServer.CreateSocket(System.Text.Encoding.UTF8.GetBytes(":" + Name));
            if (socket.IsError)
            {
                Fault = new InvalidOperationException("open(\":" + Name + "\") failed: " + socket.Error);
                return;
            }
            _endpoint = (ThreadedEndpoint)Process.GetDescriptor(socket.Value)!.Endpoint!;
            var server = new SchemeServer(_scheme, (nuint)socket.Value, _batch);
            _ready.Set();
            ExitResult = server.Run();
        }
        catch (Exception e)
        {
            Fault = e;
            _endpoint?.Kill(e);
        }
        finally
        {
            _ready.Set();
        }
    }

    /// <summary>Removes the scheme and waits (up to <paramref name="timeoutMs"/>) for the thread to end.</summary>
    public bool Stop(int timeoutMs = 5_000)
    {
        if (_endpoint != null)
        {
            _kernel.RemoveScheme(_endpoint);
        }
        return _thread.Join(timeoutMs);
    }
}
