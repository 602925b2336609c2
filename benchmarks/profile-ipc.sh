#!/usr/bin/env bash
# Where the instructions of one scheme round trip go: boots the boot tests' ipcprofile image (one round of the 1-byte
# zero: read benchmark) under -icount shift=0 with QEMU's execution trace (-d in_asm,exec,nochain), then adds up the
# instructions of every executed block by the kernel or program symbol it falls in, from the client's benchmark entry
# to its report. Needs a few GB of /tmp and some minutes.   benchmarks/profile-ipc.sh [Debug|Release, default Release]
set -euo pipefail
cd "$(dirname "$0")/.."
configuration="${1:-Release}"
dotnet msbuild tests/Boot/Redox.BootKernel -restore -t:Build\;RedoxImage -p:Configuration="$configuration" -v:q -nologo >/dev/null
images=tests/Boot/Redox.BootKernel/bin/$configuration/net10.0/redox
program=tests/Boot/Redox.UserTest/bin/$configuration/net10.0/redox/Redox.UserTest.elf
log=$(mktemp /tmp/redox-ipc-trace.XXXXXX)
trap 'rm -f "$log"' EXIT
timeout 600 qemu-system-x86_64 -icount shift=0 -cdrom "$images/ipcprofile.iso" -m 128M -serial null -display none \
  -monitor none -no-reboot -device isa-debug-exit,iobase=0xf4,iosize=0x04 -d in_asm,exec,nochain -D "$log" || true
python3 benchmarks/profile-trace.py "$log" "$images/kernel.elf" "$program" \
  Redox_UserTest_Benchmarks__IpcRead Redox_UserTest_Output__Number
