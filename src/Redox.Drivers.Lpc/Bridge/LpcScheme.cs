using System;
using Redox;
using Redox.Drivers.Lpc.Text;
using Redox.Scheme;
using Redox.Syscall;

namespace Redox.Drivers.Lpc.Bridge;

/// <summary>
/// <c>lpc:</c> what the LPC driver found at start-up, as readable text: <c>lpc:</c> (everything), <c>lpc:bridge</c>
/// (identity and decodes of the LPC/ISA bridge), <c>lpc:pci</c> (bus 0), <c>lpc:superio</c> (both configuration
/// ports). A snapshot: the text is rendered once by <see cref="LpcDriver"/>, read-only, positioned.
/// </summary>
[NoAlloc]
public sealed class LpcScheme : SchemeBase
{
    private readonly byte[] _text;
    private readonly int _bridgeEnd;
    private readonly int _pciEnd;
    private readonly int _length;
    private readonly HandleTable<LpcState> _handles;

    /// <summary>
    /// A scheme over <paramref name="text"/>: bytes [0, bridgeEnd) are the bridge section, [bridgeEnd, pciEnd) the
    /// PCI section, [pciEnd, length) the Super I/O section.
    /// </summary>
    public LpcScheme(byte[] text, int bridgeEnd, int pciEnd, int length, int maxHandles = 16)
    {
        _text = text;
        _bridgeEnd = bridgeEnd;
        _pciEnd = pciEnd;
        _length = length;
        _handles = new HandleTable<LpcState>(maxHandles);
    }

    /// <summary>The whole report.</summary>
    public ReadOnlySpan<byte> Text => new(_text, 0, _length);

    /// <inheritdoc/>
    public override OpenResult Open(ReadOnlySpan<byte> path, OpenFlags flags, in CallerContext caller)
    {
        LpcSection section;
        if (path.IsEmpty)
        {
            section = LpcSection.All;
        }
        else if (path.SequenceEqual("bridge"u8))
        {
            section = LpcSection.Bridge;
        }
        else if (path.SequenceEqual("pci"u8))
        {
            section = LpcSection.Pci;
        }
        else if (path.SequenceEqual("superio"u8))
        {
            section = LpcSection.SuperIo;
        }
        else
        {
            return Errno.ENOENT;
        }
        if ((flags & OpenFlags.AccessMode) != OpenFlags.ReadOnly)
        {
            return Errno.EROFS;
        }
        return _handles.TryAdd(new LpcState { Section = section }, out ulong id) ? OpenResult.Handle(id, NewFdFlags.Positioned) : Errno.EMFILE;
    }

    /// <inheritdoc/>
    public override SyscallResult Read(ulong id, Span<byte> buffer, ulong offset, uint flags, in CallerContext caller)
    {
        ref LpcState state = ref _handles.Get(id, out bool found);
        return found ? TextFile.Copy(SectionText(state.Section), buffer, offset) : Errno.EBADF;
    }

    /// <inheritdoc/>
    public override SyscallResult Fsize(ulong id, in CallerContext caller)
    {
        ref LpcState state = ref _handles.Get(id, out bool found);
        return found ? SyscallResult.Ok((ulong)SectionText(state.Section).Length) : Errno.EBADF;
    }

    /// <inheritdoc/>
    public override SyscallResult Close(ulong id, in CallerContext caller)
        => _handles.Remove(id) ? SyscallResult.Ok(0) : Errno.EBADF;

    private ReadOnlySpan<byte> SectionText(LpcSection section) => section switch
    {
        LpcSection.Bridge => new ReadOnlySpan<byte>(_text, 0, _bridgeEnd),
        LpcSection.Pci => new ReadOnlySpan<byte>(_text, _bridgeEnd, _pciEnd - _bridgeEnd),
        LpcSection.SuperIo => new ReadOnlySpan<byte>(_text, _pciEnd, _length - _pciEnd),
        _ => new ReadOnlySpan<byte>(_text, 0, _length),
    };
}
