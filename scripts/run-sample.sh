#!/usr/bin/env bash
# A newcomer's first command: installs what is missing, packs our packages into the local feed, publishes the
# sample image (samples/HelloKernel, which uses the packages like any user project) and boots it in QEMU with
# the serial console here. The kernel leaves QEMU when the sample's Main returns.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
scripts/pack.sh
echo "publish: samples/HelloKernel"
dotnet publish samples/HelloKernel -c Release --nologo
iso=samples/HelloKernel/bin/Release/net10.0/publish/HelloKernel.iso
echo "boot: $iso in QEMU (serial console below; ends by itself)"
set +e
# The SDK's own runner (what `dotnet run` uses) boots it and maps the kernel's exit statuses to 0/1/2.
timeout 120 bash src/Redox.Sdk/build/tools/run-qemu.sh qemu-system-x86_64 "$iso" 128M | sed -u -n '/Redox\.NET [0-9]/,$p'
status=${PIPESTATUS[0]}
set -e
case "$status" in
  0) echo "boot: the sample ran and returned 0" ;;
  124) echo "boot: timed out after 120 s" >&2; exit 1 ;;
  *) echo "boot: failed (status $status, see above)" >&2; exit 1 ;;
esac
