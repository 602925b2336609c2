namespace Internal.TypeSystem;

/// <summary>
/// ILC passes one of these to the throw helpers it emits where the input IL was unusable (missing method, bad
/// program...). The numbers are ILC's; we only print them.
/// </summary>
internal enum ExceptionStringID
{
    /// <summary>Any problem ILC found at compile time.</summary>
    Unknown = 0,
}
