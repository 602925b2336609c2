#!/usr/bin/env bash
# Scheme IPC round trips beside the Linux guest, in one run, under qemu-system-x86_64 -icount shift=0 (the guest TSC
# advances one tick per instruction, so the counts repeat exactly whatever the host does):
#   Redox.NET: a ring-3 client reads 1 byte and 4 KiB from zero:, served by the sample ZeroScheme in a ring-3
#              daemon (boot tests' ipcbench image, Release), plus getpid and the yield ping-pong (ring3bench);
#   Linux:     Debian's 6.1 kernel with benchmarks/linux-peer/peer.c as init: getppid and a 1-byte pipe round trip
#              between two processes on one CPU.
#   benchmarks/measure-ipc.sh [qemu -cpu model, default qemu64]
set -euo pipefail
cd "$(dirname "$0")/.."
cpu="${1:-qemu64}"
dotnet msbuild tests/Boot/Redox.BootKernel -restore -t:Build\;RedoxImage -p:Configuration=Release -v:q -nologo >/dev/null
images=tests/Boot/Redox.BootKernel/bin/Release/net10.0/redox
for variant in ipcbench ring3bench; do
  set +e
  timeout 300 qemu-system-x86_64 -icount shift=0 -cpu "$cpu" -cdrom "$images/$variant.iso" -m 128M -serial stdio \
    -display none -monitor none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04 2>&1 | grep -a -E '^bench:'
  status=${PIPESTATUS[0]}
  set -e
  [ "$status" -eq 33 ] || { echo "measure-ipc: the $variant image failed (QEMU status $status)" >&2; exit 1; }
done
benchmarks/linux-peer/measure-linux.sh "$cpu"
