#!/usr/bin/env bash
# Runs every test: host unit tests, analyzer tests, and the QEMU boot tests (which need the tools
# install-deps.sh provides) and the end-to-end tests (which need the packed packages). Ends with one line:
# "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh || exit 1
# The tests look for packages of this version (scripts/version.sh), even if files change while they run.
REDOX_PACKED_VERSION=$(scripts/version.sh) || exit 1
export REDOX_PACKED_VERSION
scripts/pack.sh >/dev/null || { echo "test: packing failed" >&2; exit 1; }

log=$(mktemp)
dotnet test Redox.NET.slnx --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary per test assembly: add them up.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s += $2} END {print s + 0}')
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "test: dotnet test exited with $status (a build error or a test host crash: see above)" >&2
  failed=1
fi
echo "$passed passed, $failed failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
