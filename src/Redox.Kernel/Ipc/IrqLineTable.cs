using System.Runtime.CompilerServices;
using Redox.Syscall;

namespace Redox.Kernel.Ipc;

/// <summary>
/// The state of the <c>irq:</c> scheme's lines, written once and run by both kernels (the real one with interrupts off,
/// Redox.Testing under a monitor), like <see cref="ReadinessQueue{TWatched}"/>: each line's interrupt count, how many
/// descriptions have it open, and whether it is masked. The rules, Redox's: a line is masked while nobody has it open;
/// the first open unmasks it; each interrupt counted masks it until a driver writes the current count back
/// (acknowledges), so a level-triggered device cannot storm the CPU while its driver is away; a stale count (another
/// interrupt came since the driver read) acknowledges nothing and the line stays masked. Each description keeps the
/// count it last acknowledged (the kernels keep it as the description's offset): the line is readable for it while the
/// count differs. The controller is behind <typeparamref name="TMask"/>, called only when the mask changes. Blocking
/// readers, waking them and posting to <c>event:</c> queues stay with each kernel. The members on the interrupt path
/// are inlined on purpose: the kernel's IRQ-to-driver figure has an instruction budget (InstructionBudgetTests).
/// </summary>
/// <typeparam name="TMask">The interrupt controller.</typeparam>
public sealed class IrqLineTable<TMask> where TMask : struct, IInterruptMask
{
    private readonly ulong[] _counts = new ulong[IrqLineRules.Count];
    private readonly int[] _openers = new int[IrqLineRules.Count];
    private TMask _controller;
    private uint _unmasked;

    /// <summary>A table whose lines all start masked, driving <paramref name="controller"/>.</summary>
    public IrqLineTable(TMask controller)
    {
        _controller = controller;
    }

    /// <summary>Interrupts counted on <paramref name="line"/> (only those that came while it was open); 0 for no such line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong CountOf(int line) => (uint)line < IrqLineRules.Count ? _counts[line] : 0;

    /// <summary>Descriptions that have <paramref name="line"/> open.</summary>
    public int OpenersOf(int line) => (uint)line < IrqLineRules.Count ? _openers[line] : 0;

    /// <summary>True while <paramref name="line"/> is held back at the controller.</summary>
    public bool IsMasked(int line) => (_unmasked & (1u << line)) == 0;

    /// <summary>
    /// A description of <paramref name="line"/> opens (checked by <see cref="IrqLineRules.Check"/>): the value is the
    /// count it starts with as acknowledged. The first opener unmasks the line.
    /// </summary>
    public ulong Open(int line)
    {
        ulong count = _counts[line];
        if (_openers[line]++ == 0) Unmask(line);
        return count;
    }

    /// <summary>A description of <paramref name="line"/> went: with the last one the line is masked again.</summary>
    public void Release(int line)
    {
        if (--_openers[line] == 0) Mask(line);
    }

    /// <summary>
    /// An interrupt arrived on <paramref name="line"/>. Counted, and the line masked until acknowledged, when someone has
    /// it open: the value is then true and the kernel wakes the line's readers and posts EVENT_READ. False: nobody
    /// listens, nothing changes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Raise(int line)
    {
        if (_openers[line] == 0) return false;
        _counts[line]++;
        Mask(line);
        return true;
    }

    /// <summary>
    /// A driver wrote <paramref name="count"/> back: when it is the current count the line is unmasked and the value is
    /// true (the description's acknowledged count becomes it); a stale count answers false and changes nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Acknowledge(int line, ulong count)
    {
        if (count != _counts[line]) return false;
        Unmask(line);
        return true;
    }

    /// <summary>True when a description that acknowledged <paramref name="acknowledged"/> has something new to read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool HasNew(int line, ulong acknowledged) => _counts[line] != acknowledged;

    /// <summary>Readiness of such a description for an event queue: EVENT_READ while the count is not acknowledged.</summary>
    public ulong Readiness(int line, ulong acknowledged) => HasNew(line, acknowledged) ? (ulong)EventFlags.Read : 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Mask(int line)
    {
        if ((_unmasked & (1u << line)) == 0) return;
        _unmasked &= ~(1u << line);
        _controller.Mask(line);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Unmask(int line)
    {
        if ((_unmasked & (1u << line)) != 0) return;
        _unmasked |= 1u << line;
        _controller.Unmask(line);
    }
}
