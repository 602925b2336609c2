using Redox.Scheme;
using Redox.Syscall;
using Redox.Syscall.Io;

namespace MyDriver;

/// <summary>Start-up and loop of the driver's process (MyDriver.Daemon runs it in ring 3).</summary>
public static class MyDriverDriver
{
    /// <summary>The UART's base port; the manifest (MyDriver.Daemon/Manifest.props) grants the 8 ports from here.</summary>
    public const ushort Port = 0x2F8;

    /// <summary>
    /// The driver's main: set the UART up, create <c>myscheme:</c> (the kernel lets this process create only the scheme its
    /// manifest names), then serve requests until the kernel stops the process. The value is the error that ended it:
    /// ENODEV or EIO from the UART, or what creating or serving the scheme answered.
    /// </summary>
    public static SyscallResult Run()
    {
        var scheme = new MyDriverScheme<BareMetalPortIo>(new MyDriverController<BareMetalPortIo>(Port)); // allocate up front
        Errno error = scheme.Initialize();                                   // find and set up the device
        if (error != 0)
        {
            return error;
        }
        SyscallResult socket = SchemeServer.CreateSocket(":myscheme"u8);     // register the scheme
        if (socket.IsError)
        {
            return socket;
        }
        Sys.Write(1, "myschemed: serving myscheme:\n"u8);
        return new SchemeServer(scheme, (nuint)socket.Value).Run();          // serve requests
    }
}
