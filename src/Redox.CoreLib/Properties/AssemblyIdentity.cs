// The real System.Private.CoreLib's identity (with its public key from corelib-public.snk): a library compiled
// against us then binds to the host's CoreLib on the normal runtime. See docs/adr/0001-toolchain.md.
[assembly: System.Reflection.AssemblyVersion("10.0.0.0")]
