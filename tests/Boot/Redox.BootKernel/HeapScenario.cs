using Redox.Kernel.Memory;

/// <summary>
/// Many allocate/free cycles of raw blocks, objects and arrays must leave the heap where it started; a burst
/// bigger than the early arena must grow the heap from fresh frames, and a second burst must reuse that memory.
/// </summary>
public static unsafe class HeapScenario
{
    private sealed class Node
    {
        public Node(int value) => Value = value;

        public int Value;
        public Node? Next;
    }

    /// <summary>Passes when every cycle returned its memory.</summary>
    public static bool Run()
    {
        nuint baseline = Heap.Current.BytesInUse;
        nuint reservedBefore = Heap.Current.BytesReserved;
        bool ok = true;
        for (int i = 0; i < 20000 && ok; i++)
        {
            nuint size = (nuint)(1 + i * 37 % 5000);
            byte* block = Heap.AllocateBytes(size);
            ok &= Check.That(block != null && ((nuint)block & 15) == 0, "raw allocation, 16-byte aligned");
            for (nuint j = 0; j < size; j++) block[j] = (byte)i;
            ok &= Check.That(Heap.FreeBytes(block), "raw free");
        }
        for (int i = 0; i < 20000 && ok; i++)
        {
            Node node = new Node(i) { Next = new Node(-i) };
            ok &= Check.That(node.Value == i && node.Next!.Value == -i && node.Next.Next is null, "fresh objects are initialised");
            int[] numbers = new int[i % 300];
            ok &= Check.That(numbers.Length == i % 300 && (numbers.Length == 0 || numbers[numbers.Length - 1] == 0), "fresh arrays are zeroed");
            ok &= Check.That(Heap.Free(node.Next) && Heap.Free(node) && Heap.Free(numbers), "object and array free");
        }
        ok &= Check.That(!Heap.FreeBytes((byte*)0x1000), "a foreign pointer is refused");
        Check.Report("heap cycles bytes in use after", (ulong)Heap.Current.BytesInUse);
        ok &= Check.That(Heap.Current.BytesInUse == baseline, "every cycle gave its memory back");
        ok &= Check.That(Heap.Current.BytesReserved == reservedBefore, "cycles did not need more memory");

        ulong outstandingBefore = Heap.Current.Allocations - Heap.Current.Frees;
        ok &= Concurrent();
        // Each worker thread keeps one heap block, its record (stacks come from the guarded stack region): all else came back.
        ok &= Check.That(Heap.Current.Allocations - Heap.Current.Frees == outstandingBefore + 3, "concurrent threads gave their memory back");
        baseline = Heap.Current.BytesInUse;

        ok &= Burst(out nuint reservedAfterFirst);
        ok &= Burst(out nuint reservedAfterSecond);
        Check.Report("heap reserved KiB after bursts", (ulong)reservedAfterSecond >> 10);
        ok &= Check.That(reservedAfterFirst > reservedBefore, "a 6 MiB burst grew the heap from frames");
        ok &= Check.That(reservedAfterSecond == reservedAfterFirst, "the second burst reused the freed memory");
        ok &= Check.That(Heap.Current.BytesInUse == baseline, "bursts gave their memory back");
        return ok;
    }

    private static int s_workersDone;
    private static int s_workerFailures;

    /// <summary>Three threads allocating and freeing at once, preempted mid-allocation by the timer.</summary>
    private static bool Concurrent()
    {
        for (int i = 0; i < 3; i++) Redox.Kernel.Scheduling.Threads.Spawn("heap-worker", &Churn, i);
        while (System.Threading.Volatile.Read(ref s_workersDone) < 3) Redox.Kernel.Scheduling.Threads.Sleep(1);
        return Check.That(System.Threading.Volatile.Read(ref s_workerFailures) == 0, "concurrent allocations stayed intact");
    }

    private static void Churn(nint seed)
    {
        for (int i = 0; i < 30000; i++)
        {
            int[] numbers = new int[(i + (int)seed * 7) % 64 + 1];
            numbers[0] = i;
            numbers[numbers.Length - 1] = i;
            Node node = new Node(i);
            if (numbers[0] != i || numbers[numbers.Length - 1] != i || node.Value != i) System.Threading.Interlocked.Increment(ref s_workerFailures);
            if (!Heap.Free(node) || !Heap.Free(numbers)) System.Threading.Interlocked.Increment(ref s_workerFailures);
        }
        System.Threading.Interlocked.Increment(ref s_workersDone);
    }

    /// <summary>48 blocks of 128 KiB: more than the 4 MiB early arena holds.</summary>
    private static bool Burst(out nuint reserved)
    {
        const int Count = 48;
        const nuint Size = 128 * 1024;
        byte** blocks = stackalloc byte*[Count];
        bool ok = true;
        for (int i = 0; i < Count; i++)
        {
            blocks[i] = Heap.AllocateBytes(Size);
            ok &= Check.That(blocks[i] != null, "burst allocation");
            if (blocks[i] != null) { blocks[i][0] = (byte)i; blocks[i][Size - 1] = (byte)i; }
        }
        for (int i = 0; i < Count; i++)
        {
            if (blocks[i] == null) continue;
            ok &= Check.That(blocks[i][0] == (byte)i && blocks[i][Size - 1] == (byte)i, "burst memory keeps its data");
            ok &= Check.That(Heap.FreeBytes(blocks[i]), "burst free");
        }
        reserved = Heap.Current.BytesReserved;
        return ok;
    }
}
