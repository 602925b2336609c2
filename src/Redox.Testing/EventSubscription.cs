using Redox.Syscall;

namespace Redox.Testing;

/// <summary>One <c>event:</c> subscription: queue, the descriptor it watches and the scheme handle behind it.</summary>
internal sealed record EventSubscription(EventQueue Queue, ulong Fd, SchemeEndpoint Endpoint, ulong HandleId, EventFlags Flags, ulong Data);
