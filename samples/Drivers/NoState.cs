namespace Samples.Drivers;

/// <summary>Per-handle state of schemes that need none beyond "this handle is open".</summary>
public struct NoState
{
}
