using Redox.Kernel.Processes;

namespace Redox.Kernel.Schemes;

/// <summary>Where one call in flight keeps its client's buffer, so the answer's bytes can be copied back.</summary>
internal struct CallTransfer
{
    /// <summary>The calling process (blocked in the call until it is answered or abandoned, so it outlives the transfer).</summary>
    public Process? Client;

    /// <summary>The client's buffer.</summary>
    public ulong Address;

    /// <summary>Its length as the driver was told (at most <see cref="UserScheme.BufferSize"/>).</summary>
    public ulong Length;

    /// <summary>Which way the bytes go.</summary>
    public BufferUse Use;

    /// <summary>
    /// The page-table leaf of the buffer's first page, as the client's buffer was checked when the call was sent (0 when
    /// it was not): the client is blocked in the call, so its mapping cannot change before the answer is copied back.
    /// </summary>
    public ulong FirstLeaf;
}
