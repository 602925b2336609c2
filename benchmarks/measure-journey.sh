#!/usr/bin/env bash
# Measures the getting-started journey (docs/getting-started.md, issue 13): from an empty folder to the driver answering
# in QEMU with the five commands, each timed, and `dotnet publish` of the image after a one-line change in the driver.
# Run scripts/pack.sh first. The dotnet CLI gets its own home (the templates are installed there, not in yours); NuGet
# uses your cache (NUGET_PACKAGES or ~/.nuget/packages), as a user who has run scripts/run-sample.sh has it.
# Usage: benchmarks/measure-journey.sh
set -euo pipefail
cd "$(dirname "$0")/.."
version=${REDOX_PACKED_VERSION:-$(scripts/version.sh)}
templates="$PWD/artifacts/packages/Redox.Templates.$version.nupkg"
[ -f "$templates" ] || { echo "measure-journey: $templates is missing: run scripts/pack.sh" >&2; exit 1; }
work=$(mktemp -d)
export DOTNET_CLI_HOME="$work/home" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# A user's defaults: the compiler server and MSBuild's node reuse on. Build machines (this one among them) often turn
# them off in the environment, which makes every C# compile start a cold compiler (about 1.5 s each).
unset UseSharedCompilation MSBUILDDISABLENODEREUSE DOTNET_CLI_USE_MSBUILD_SERVER
mkdir -p "$work/empty" && cd "$work/empty"
total=0
step() {   # step <label> <command...>: runs it, prints its seconds, adds them up
  local label="$1"; shift
  local start end
  start=$(date +%s.%N)
  "$@" > "$work/$label.log" 2>&1 || { echo "measure-journey: '$*' failed, see $work/$label.log" >&2; exit 1; }
  end=$(date +%s.%N)
  printf '%-8s %6.1f s  %s\n' "$label" "$(awk -v a="$end" -v b="$start" 'BEGIN {print a - b}')" "$*"
  total=$(awk -v t="$total" -v a="$end" -v b="$start" 'BEGIN {print t + a - b}')
}
dotnet build-server shutdown >/dev/null 2>&1 || true
step install dotnet new install "$templates"
step driver  dotnet new redox-driver -n Echo
cd Echo
step image   dotnet new redox-image -n EchoImage --driver Echo
step test    dotnet test Echo.Tests
step run     dotnet run --project EchoImage -p:RedoxQemuTimeoutSeconds=300
grep -q 'client: echo: answered "hello, driver"' "$work/run.log" || { echo "measure-journey: the driver did not answer, see $work/run.log" >&2; exit 1; }
printf 'total    %6.1f s  (empty folder -> driver answering in QEMU)\n' "$total"

# A one-line change in the driver, then publish (dotnet run above built the image once already).
dotnet publish EchoImage --nologo -v:quiet > /dev/null
sed -i 's|ReceiveCapacity = 256;|ReceiveCapacity = 255;|' Echo/EchoScheme.cs
total=0
step publish dotnet publish EchoImage --nologo -v:quiet
dotnet new uninstall Redox.Templates > /dev/null
dotnet build-server shutdown > /dev/null 2>&1 || true     # leave no compiler or MSBuild server behind
cd / && rm -rf "$work"
