namespace System;

/// <summary>Releases what an object holds.</summary>
public interface IDisposable
{
    /// <summary>Releases what the object holds.</summary>
    void Dispose();
}
