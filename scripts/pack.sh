#!/usr/bin/env bash
# Packs every Redox.NET package into artifacts/packages (the local feed nuget.config names), then drops older
# copies of them from the NuGet cache so consumers restore exactly what was just packed (same version number).
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  src/Redox.Sdk
  src/Redox.Kernel
  src/Redox.Runtime
  src/Redox.Syscall
  src/Redox.Scheme.Abstractions
  src/Redox.Testing
  src/Redox.Benchmarking
  src/Redox.Drivers.Lpc
  src/Redox.Drivers.Ps2
  analyzers/Redox.Analyzers.Package
)
mkdir -p artifacts/packages

# The analyzers' allow-list of core-library APIs (RDX2100) is generated from the built core library itself.
dotnet build src/Redox.CoreLib -c Release --nologo -v:quiet >/dev/null
dotnet run --project analyzers/Redox.ApiList -c Release -- \
  src/Redox.CoreLib/bin/Release/net10.0/System.Private.CoreLib.dll artifacts/Redox.CoreLib.redoxapi

for project in "${packages[@]}"; do
  echo "pack: $project"
  # Only the analyzer package reads RedoxApiList.
  dotnet pack "$project" -c Release -o artifacts/packages --nologo -v:quiet -p:RedoxApiList=artifacts/Redox.CoreLib.redoxapi
done

cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}"
rm -rf "$cache"/redox.sdk "$cache"/redox.kernel "$cache"/redox.runtime "$cache"/redox.syscall "$cache"/redox.scheme.abstractions \
       "$cache"/redox.testing "$cache"/redox.benchmarking "$cache"/redox.drivers.lpc "$cache"/redox.drivers.ps2 "$cache"/redox.analyzers "$cache"/redox.templates
ls artifacts/packages
