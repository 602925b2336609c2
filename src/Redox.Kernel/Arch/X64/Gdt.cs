using System.Runtime.InteropServices;

namespace Redox.Kernel.Arch.X64;

/// <summary>
/// The global descriptor table and the task state segment. Long mode ignores segment bases and limits, so the GDT
/// only says ring and code/data; the TSS gives the CPU the stacks to switch to (rsp0 for ring 3 → 0 later, IST1 for
/// double faults so a blown kernel stack still gets reported). The selector order suits SYSRET (user data, then
/// user code).
/// </summary>
public static unsafe class Gdt
{
    /// <summary>Kernel code selector.</summary>
    public const ushort KernelCode = 0x08;
    /// <summary>Kernel data selector.</summary>
    public const ushort KernelData = 0x10;
    /// <summary>User data selector (RPL 3).</summary>
    public const ushort UserData = 0x18 | 3;
    /// <summary>User code selector (RPL 3).</summary>
    public const ushort UserCode = 0x20 | 3;
    /// <summary>TSS selector.</summary>
    public const ushort Tss = 0x28;

    /// <summary>Number of 8-byte GDT slots (the TSS takes two).</summary>
    public const int EntryCount = 7;

    /// <summary>Bytes of the double-fault stack.</summary>
    public const int DoubleFaultStackSize = 16384;

    // The GDT lives in the entry area (a user view under page-table isolation maps it: the CPU reads it on every
    // ring crossing); the plain TSS stays here, as only ring 0 with the kernel's root has it loaded.
    private static TaskWithIoBitmap s_task;
    private static DoubleFaultStack s_doubleFaultStack;

    /// <summary>
    /// The TSS followed by its I/O permission bitmap: one bit per port (set: ring 3 may not use it), 8192 bytes for
    /// 65536 ports, and the byte of ones the CPU requires after the last (Intel SDM vol. 1, 19.5.2).
    /// </summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    internal struct TaskWithIoBitmap
    {
        public TaskStateSegment Tss;
        public fixed byte IoBitmap[IoPermissionBitmap.Bytes + 1];
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct DoubleFaultStack { public fixed byte Bytes[DoubleFaultStackSize]; }

    /// <summary>Builds and loads the GDT and TSS, reloading every segment register.</summary>
    public static void Initialize()
    {
        fixed (ulong* entries = EntryArea.s_area.Gdt)
        fixed (TaskWithIoBitmap* task = &s_task)
        fixed (byte* dfStack = s_doubleFaultStack.Bytes)
        {
            entries[0] = 0;
            entries[1] = Descriptor(code: true, ring: 0);
            entries[2] = Descriptor(code: false, ring: 0);
            entries[3] = Descriptor(code: false, ring: 3);
            entries[4] = Descriptor(code: true, ring: 3);
            TaskStateSegment* tss = &task->Tss;
            tss->Ist1 = (ulong)(dfStack + DoubleFaultStackSize);
            tss->IoMapBase = (ushort)sizeof(TaskStateSegment);
            // Every port denied to ring 3 until a process with grants runs (IoPermissionBitmap opens them then).
            for (int i = 0; i <= IoPermissionBitmap.Bytes; i++) task->IoBitmap[i] = 0xFF;
            IoPermissionBitmap.Attach(task->IoBitmap);
            TaskDescriptor((ulong)tss, out entries[5], out entries[6]);
            DescriptorTablePointer pointer;
            pointer.Limit = (ushort)(EntryCount * 8 - 1);
            pointer.Base = (ulong)entries;
            Native.LoadGdt(&pointer, KernelCode, KernelData, Tss);
        }
    }

    /// <summary>
    /// Page-table isolation: ring 3 enters on the entry stack (the user view maps no thread stack), so the CPU gets a
    /// second TSS in the entry area whose RSP0 is that stack's top for good, with its own I/O permission bitmap, which
    /// port grants then open and close. <see cref="SetKernelStack"/> goes on writing the first TSS, now unused: the
    /// switch path stays as it is, and the entry code takes the thread's stack from the per-CPU block instead.
    /// </summary>
    public static void UseIsolatedTask(ulong entryStackTop)
    {
        fixed (ulong* entries = EntryArea.s_area.Gdt)
        fixed (TaskWithIoBitmap* task = &EntryArea.s_area.IsolatedTask)
        {
            TaskStateSegment* tss = &task->Tss;
            tss->Rsp0 = entryStackTop;
            tss->Ist1 = s_task.Tss.Ist1;
            tss->IoMapBase = (ushort)sizeof(TaskStateSegment);
            for (int i = 0; i <= IoPermissionBitmap.Bytes; i++) task->IoBitmap[i] = 0xFF;
            IoPermissionBitmap.Attach(task->IoBitmap);
            // A fresh descriptor is "available" (type 0x9); ltr would fault on the first one's, which it marked busy.
            TaskDescriptor((ulong)tss, out entries[5], out entries[6]);
            Native.LoadTaskRegister(Tss);
        }
    }

    /// <summary>
    /// The 64-bit TSS descriptor (type 0x9: available, present) for a TSS with its I/O bitmap at <paramref name="tssBase"/>,
    /// two slots: base bits 0-31 spread over the first, bits 32-63 in the second.
    /// </summary>
    private static void TaskDescriptor(ulong tssBase, out ulong low, out ulong high)
    {
        ulong tssLimit = (ulong)sizeof(TaskWithIoBitmap) - 1;
        low = (tssLimit & 0xFFFF) | ((tssBase & 0xFFFFFF) << 16) | (0x89UL << 40) |
              (((tssLimit >> 16) & 0xF) << 48) | (((tssBase >> 24) & 0xFF) << 56);
        high = tssBase >> 32;
    }

    /// <summary>Sets the stack the CPU switches to when ring 3 is interrupted.</summary>
    public static void SetKernelStack(ulong top) => s_task.Tss.Rsp0 = top;

    /// <summary>A flat code or data descriptor for long mode.</summary>
    public static ulong Descriptor(bool code, int ring)
    {
        ulong access = 0x80UL /* present */ | ((ulong)ring << 5) | 0x10UL /* code/data */ | (code ? 0x0AUL : 0x02UL);
        ulong flags = code ? 0x2UL /* L: 64-bit */ : 0x4UL /* D/B: 32-bit stack, as 32-bit user code expects */;
        return 0xFFFFUL | (access << 40) | (0xFUL << 48) | ((flags | 0x8UL /* 4 KiB granularity */) << 52);
    }
}
