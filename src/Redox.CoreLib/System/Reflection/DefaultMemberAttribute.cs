namespace System.Reflection;

/// <summary>The compiler's or runtime's <c>DefaultMember</c> marker, matched by name.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface, Inherited = false)]
public sealed class DefaultMemberAttribute : Attribute
{
    /// <summary>Creates the marker.</summary>
    public DefaultMemberAttribute(string memberName) { MemberName = memberName; }

    /// <summary>The memberName given to the constructor.</summary>
    public string MemberName { get; }
}
