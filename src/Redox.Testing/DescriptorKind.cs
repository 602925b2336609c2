namespace Redox.Testing;

/// <summary>What a descriptor of a hosted process refers to.</summary>
public enum DescriptorKind
{
    /// <summary>A handle of a scheme (the result of open or dup).</summary>
    SchemeHandle,

    /// <summary>The driver side of a scheme: the socket it reads requests from (<c>open(":name")</c>).</summary>
    SchemeSocket,

    /// <summary>An <c>event:</c> queue.</summary>
    EventQueue,

    /// <summary>A <c>time:N</c> clock (<see cref="FileDescription.HandleId"/> is the clock id).</summary>
    Time,

    /// <summary>An <c>irq:N</c> line (<see cref="FileDescription.HandleId"/> is the line, <see cref="FileDescription.Offset"/> the count last acknowledged).</summary>
    Irq,
}
