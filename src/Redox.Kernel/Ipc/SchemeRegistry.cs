using Redox.Syscall;

namespace Redox.Kernel.Ipc;

/// <summary>
/// The schemes that exist, by name: what <c>open(":name")</c> adds, what <c>open("name:path")</c> looks up, what a
/// driver's end removes. Shared by the real kernel and Redox.Testing (see <see cref="SchemeCallTable{TWaiter}"/>).
/// Fixed capacity; registering copies the name once, lookups allocate nothing. The caller holds its lock.
/// </summary>
/// <typeparam name="TScheme">The kernel's object for one scheme.</typeparam>
public sealed class SchemeRegistry<TScheme> where TScheme : class
{
    /// <summary>The longest scheme name, in bytes.</summary>
    public const int MaxNameLength = 64;

    private readonly byte[]?[] _names;
    private readonly TScheme?[] _schemes;

    /// <summary>A registry of at most <paramref name="capacity"/> schemes.</summary>
    public SchemeRegistry(int capacity)
    {
        _names = new byte[]?[capacity];
        _schemes = new TScheme?[capacity];
    }

    /// <summary>Schemes registered now.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Whether <paramref name="name"/> can name a scheme: 1 to <see cref="MaxNameLength"/> bytes of printable ASCII
    /// without <c>:</c> or <c>/</c> (they separate scheme and path) and not starting with a dot.
    /// </summary>
    public static bool IsValidName(System.ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty || name.Length > MaxNameLength || name[0] == (byte)'.') return false;
        foreach (byte b in name)
        {
            if (b <= (byte)' ' || b >= 0x7F || b == (byte)':' || b == (byte)'/') return false;
        }
        return true;
    }

    /// <summary>Adds <paramref name="scheme"/> as <paramref name="name"/>: EINVAL for a bad name, EEXIST when taken, ENOSPC when full.</summary>
    public Errno Register(System.ReadOnlySpan<byte> name, TScheme scheme)
    {
        if (!IsValidName(name)) return Errno.EINVAL;
        if (IndexOf(name) >= 0) return Errno.EEXIST;
        for (int i = 0; i < _schemes.Length; i++)
        {
            if (_schemes[i] is not null) continue;
            _names[i] = name.ToArray();
            _schemes[i] = scheme;
            Count++;
            return 0;
        }
        return Errno.ENOSPC;
    }

    /// <summary>The scheme named <paramref name="name"/>, or null.</summary>
    public TScheme? Find(System.ReadOnlySpan<byte> name)
    {
        int i = IndexOf(name);
        return i < 0 ? null : _schemes[i];
    }

    /// <summary>
    /// Removes <paramref name="scheme"/> (whatever its name); false when it was not registered. Returns the name's
    /// storage so a kernel without a collector can free it.
    /// </summary>
    public bool Remove(TScheme scheme, out byte[]? name)
    {
        name = null;
        for (int i = 0; i < _schemes.Length; i++)
        {
            if (_schemes[i] != scheme) continue;
            name = _names[i];
            _names[i] = null;
            _schemes[i] = null;
            Count--;
            return true;
        }
        return false;
    }

    private int IndexOf(System.ReadOnlySpan<byte> name)
    {
        for (int i = 0; i < _schemes.Length; i++)
        {
            byte[]? candidate = _names[i];
            if (candidate is not null && name.SequenceEqual(candidate)) return i;
        }
        return -1;
    }
}
