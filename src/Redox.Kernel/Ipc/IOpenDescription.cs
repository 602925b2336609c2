namespace Redox.Kernel.Ipc;

/// <summary>An open description as a <see cref="DescriptorTable{TFile}"/> sees it: how many descriptors refer to it.</summary>
public interface IOpenDescription
{
    /// <summary>Descriptors referring to the description (dup without a buffer shares one).</summary>
    int References { get; set; }
}
