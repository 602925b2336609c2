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
timeout 120 qemu-system-x86_64 -cdrom "$iso" -m 128M -serial stdio -display none -monitor none -no-reboot \
  -device isa-debug-exit,iobase=0xf4,iosize=0x04 | sed -u -n '/Redox\.NET [0-9]/,$p'
status=${PIPESTATUS[0]}
set -e
# isa-debug-exit: 33 = Main returned 0, 35 = Main failed, 37 = kernel panic.
case "$status" in
  33) echo "boot: the sample ran and returned 0"; exit 0 ;;
  35) echo "boot: the sample's Main returned non-zero" >&2; exit 1 ;;
  37) echo "boot: kernel panic (see above)" >&2; exit 1 ;;
  124) echo "boot: timed out after 120 s" >&2; exit 1 ;;
  *) echo "boot: QEMU exited with $status" >&2; exit 1 ;;
esac
