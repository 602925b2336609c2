#!/usr/bin/env bash
# Where the instructions go, by function: boots a boot-test image under -icount shift=0 with our QEMU plugin
# (benchmarks/insn-profile.c, built here with gcc) counting every executed block from the first entry of a start
# symbol in the test program to the first entry of a stop symbol, then adds the blocks up by kernel or program symbol
# (benchmarks/profile-trace.py). Takes about a minute, under any load.
#   benchmarks/profile-ipc.sh [ipc|getpid] [Release|Debug]
#   ipc:    one run of the 1-byte zero: read benchmark (1,050 round trips with the warm-up; ipcprofile image)
#   getpid: 1,000 null system calls (ring3bench image)
# PROFILE_KEEP=/tmp/counts keeps the per-block counts; benchmarks/profile-blocks.py then shows one function's hot blocks.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-ipc}"
configuration="${2:-Release}"
case "$what" in
  ipc)    image=ipcprofile; start=Redox_UserTest_Benchmarks__IpcRead; stop=Redox_UserTest_Output__Number ;;
  getpid) image=ring3bench; start=Redox_Syscall_Redox_Syscall_Sys__Getpid; stop=usertest_rdtsc ;;
  *) echo "profile-ipc: unknown figure '$what' (ipc or getpid)" >&2; exit 2 ;;
esac
dotnet msbuild tests/Boot/Redox.BootKernel -restore -t:Build\;RedoxImage -p:Configuration="$configuration" -v:q -nologo >/dev/null
images=tests/Boot/Redox.BootKernel/bin/$configuration/net10.0/redox
program=tests/Boot/Redox.UserTest/bin/$configuration/net10.0/redox/Redox.UserTest.elf
work=$(mktemp -d /tmp/redox-profile.XXXXXX)
trap 'rm -rf "$work"' EXIT
gcc -O2 -Wall -shared -fPIC -o "$work/insn-profile.so" benchmarks/insn-profile.c
address() { nm "$program" | awk -v s="$1" '$3 == s { print $1 }'; }
timeout 600 qemu-system-x86_64 -icount shift=0 -cdrom "$images/$image.iso" -m 128M -serial null -display none \
  -monitor none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
  -plugin "$work/insn-profile.so,start=$(address $start),stop=$(address $stop),out=$work/counts" || true
python3 benchmarks/profile-trace.py "$work/counts" "$images/kernel.elf" "$program"
# PROFILE_KEEP=file keeps the per-block counts (address, instructions) for a closer look at one function.
if [ -n "${PROFILE_KEEP:-}" ]; then cp "$work/counts" "$PROFILE_KEEP"; fi
