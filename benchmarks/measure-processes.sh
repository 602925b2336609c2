#!/usr/bin/env bash
# Instructions per null syscall (getpid, ring 3 -> kernel -> ring 3) and per process switch (two processes
# yielding to each other), under qemu-system-x86_64 -icount shift=0: the guest TSC then advances one tick per
# instruction, so the counts repeat exactly whatever the host is doing. Boots the boot tests' ring3bench image
# (tests/Boot/Redox.BootKernel, variant ring3bench; its initfs carries tests/Boot/Redox.UserTest).
#   benchmarks/measure-processes.sh [qemu -cpu model, default qemu64]
set -euo pipefail
cd "$(dirname "$0")/.."
cpu="${1:-qemu64}"
dotnet build tests/Redox.Boot.Tests -v:q --nologo >/dev/null
iso=tests/Boot/Redox.BootKernel/bin/Debug/net10.0/redox/ring3bench.iso
set +e
timeout 300 qemu-system-x86_64 -icount shift=0 -cpu "$cpu" -cdrom "$iso" -m 128M -serial stdio -display none \
  -monitor none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04 2>&1 | grep -E '^bench:'
status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 33 ] || { echo "measure-processes: the benchmark image failed (QEMU status $status)" >&2; exit 1; }
