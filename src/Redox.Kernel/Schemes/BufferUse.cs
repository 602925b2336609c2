namespace Redox.Kernel.Schemes;

/// <summary>How a scheme call's buffer crosses between client and driver (docs/adr/0002-scheme-buffers-are-copied.md).</summary>
public enum BufferUse : byte
{
    /// <summary>The call has no buffer.</summary>
    None,
    /// <summary>The driver reads it (a path, times): copied to the driver before the call.</summary>
    In,
    /// <summary>The driver reads it and answers how many bytes it took (write): a count larger than the buffer is EIO.</summary>
    InCount,
    /// <summary>The driver fills it and answers a byte count (read, fpath): that many bytes are copied back.</summary>
    OutCount,
    /// <summary>The driver fills it whole and answers 0 (fstat): the whole buffer is copied back on success.</summary>
    OutWhole,
    /// <summary>The driver fills it whole (a scheme-specific call that reads its payload back): copied back whole on success.</summary>
    OutWholeCall,
    /// <summary>Both ways (a scheme-specific call): copied there, and back whole on success (its value is the driver's to define).</summary>
    InOutWhole,
}
