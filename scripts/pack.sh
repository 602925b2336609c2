#!/usr/bin/env bash
# Packs every Redox.NET package into artifacts/packages (the local feed nuget.config names) with the version
# scripts/version.sh gives this checkout: different code gets a different version, so nothing in any NuGet cache is
# ever stale and nothing there is deleted. Then pins the samples (samples/global.json, not committed) to that version.
set -euo pipefail
cd "$(dirname "$0")/.."
# REDOX_PACKED_VERSION: what scripts/test.sh computed just before (the same script; the tests then look for it).
version=${REDOX_PACKED_VERSION:-$(scripts/version.sh)}
echo "pack: version $version"

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
  src/Redox.Templates
)
mkdir -p artifacts/packages

# The analyzers' allow-list of core-library APIs (RDX2100) is generated from the built core library itself.
dotnet build src/Redox.CoreLib -c Release --nologo -v:quiet >/dev/null
dotnet run --project analyzers/Redox.ApiList -c Release -- \
  src/Redox.CoreLib/bin/Release/net10.0/System.Private.CoreLib.dll artifacts/Redox.CoreLib.redoxapi

for project in "${packages[@]}"; do
  echo "pack: $project"
  # Only the analyzer package reads RedoxApiList.
  # REDOX_RULES_HELP_ROOT: where the analyzers' help links point (default: this checkout's docs/rules, as file: URIs).
  dotnet pack "$project" -c Release -o artifacts/packages --nologo -v:quiet -p:RedoxApiList=artifacts/Redox.CoreLib.redoxapi \
    -p:Version="$version" ${REDOX_RULES_HELP_ROOT:+"-p:RedoxRulesHelpRoot=$REDOX_RULES_HELP_ROOT"}
done

# The samples use the packages like a user's projects: <Project Sdk="Redox.Sdk"> takes its version from the nearest
# global.json (msbuild-sdks), and Version="$(RedoxVersion)" is that same version (Redox.Sdk defines it).
cat > samples/global.json <<JSON
{
  "msbuild-sdks": {
    "Redox.Sdk": "$version"
  }
}
JSON
ls artifacts/packages/*."$version".nupkg
echo "templates: dotnet new install $PWD/artifacts/packages/Redox.Templates.$version.nupkg"
