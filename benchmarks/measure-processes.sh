#!/usr/bin/env bash
# Instructions per null syscall (getpid, ring 3 -> kernel -> ring 3) and per process switch (two processes
# yielding to each other), under qemu-system-x86_64 -icount shift=0: the guest TSC then advances one tick per
# instruction, so the counts repeat exactly whatever the host is doing. Boots the boot tests' ring3bench image
# (tests/Boot/Redox.BootKernel, variant ring3bench; its initfs carries tests/Boot/Redox.UserTest), then the same
# scenario with kernel page-table isolation (variant ring3bench-kpti: RedoxKernelPageTableIsolation, redox.kpti=on).
#   benchmarks/measure-processes.sh [qemu -cpu model, default qemu64] [Debug|Release, default Debug]
set -euo pipefail
cd "$(dirname "$0")/.."
cpu="${1:-qemu64}"
configuration="${2:-Debug}"
dotnet msbuild tests/Boot/Redox.BootKernel -restore -t:Build\;RedoxImage -p:Configuration="$configuration" \
  -p:BootScenarios=ring3bench -p:KptiScenarios=ring3bench -v:q -nologo >/dev/null
images=tests/Boot/Redox.BootKernel/bin/$configuration/net10.0/redox
for variant in ring3bench ring3bench-kpti; do
  echo "$variant ($configuration, -cpu $cpu):"
  set +e
  timeout 300 qemu-system-x86_64 -icount shift=0 -cpu "$cpu" -cdrom "$images/$variant.iso" -m 128M -serial stdio \
    -display none -monitor none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04 2>&1 | grep -a -E '^bench:'
  status=${PIPESTATUS[0]}
  set -e
  [ "$status" -eq 33 ] || { echo "measure-processes: the $variant image failed (QEMU status $status)" >&2; exit 1; }
done
