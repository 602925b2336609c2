namespace Internal.Metadata.NativeFormat;

/// <summary>
/// A name ILC looks for when it emits reflection metadata (which gives every method a distinct handle, the key of
/// its generic-virtual-method tables): the metadata of custom attributes on a GenericParameter record is kept only if this getter is
/// compiled. Nothing calls it, so no attribute metadata is kept. Not a metadata reader.
/// </summary>
internal readonly struct GenericParameter
{
    /// <summary>Never read: its only job is to exist (see the type's remarks).</summary>
    public int CustomAttributes => 0;
}
