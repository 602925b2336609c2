#!/usr/bin/env bash
# `dotnet run` of an image: boots the ISO in QEMU with the serial console here. The kernel leaves QEMU through
# isa-debug-exit (status 33: Main returned 0, 35: non-zero, 37: panic); this maps them to 0, 1, 2 so
# `dotnet run` reports success when the image's Main did.
#   run-qemu.sh <qemu> <iso> <memory> [extra QEMU arguments...]
set -u
qemu="$1"; iso="$2"; memory="$3"; shift 3
"$qemu" -cdrom "$iso" -m "$memory" -serial stdio -display none -monitor none -no-reboot \
  -device isa-debug-exit,iobase=0xf4,iosize=0x04 "$@"
status=$?
case "$status" in
  33) exit 0 ;;
  35) echo "run-qemu: the image's Main returned non-zero" >&2; exit 1 ;;
  37) echo "run-qemu: kernel panic" >&2; exit 2 ;;
  *) exit "$status" ;;
esac
