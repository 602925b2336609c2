using Redox.Scheme;

namespace Redox.Scheme.Tests;

/// <summary>A scheme that overrides nothing: every answer is a default.</summary>
public sealed class BareScheme : SchemeBase
{
}
