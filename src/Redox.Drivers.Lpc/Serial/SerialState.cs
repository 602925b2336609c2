namespace Redox.Drivers.Lpc.Serial;

/// <summary>Per-handle state of <c>serial:</c>: which port, and whether this is its data stream or its settings file.</summary>
public struct SerialState
{
    /// <summary>Index of the port in the scheme's port list.</summary>
    public int Port;

    /// <summary>True for <c>comN/config</c> (text settings), false for <c>comN</c> (the byte stream).</summary>
    public bool Config;
}
