#!/usr/bin/env bash
# `dotnet run` of an image: boots the ISO in QEMU with the serial console here. The kernel leaves QEMU through
# isa-debug-exit (status 33: Main returned 0, 35: non-zero, 37: panic); this maps them to 0, 1, 2 so
# `dotnet run` reports success when the image's Main did. With --timeout N (N > 0), QEMU is ended after N seconds
# by its process id (coreutils timeout signals exactly its child) and the run fails with status 124, saying so.
# With --gdb PORT (RedoxDebug=true), QEMU starts halted (-S) with its GDB stub on 127.0.0.1:PORT, and GDB
# started with --gdb-script's file attaches with the image's symbols (docs/debugging.md).
#   run-qemu.sh [--timeout N] [--gdb PORT --gdb-script FILE] <qemu> <iso> <memory> [extra QEMU arguments...]
# Paths are only ever expanded inside double quotes: nothing here is interpreted by a shell twice.
set -u
seconds=0
gdb_port=""
gdb_script=""
if [ "${1:-}" = "--timeout" ]; then seconds="$2"; shift 2; fi
if [ "${1:-}" = "--gdb" ]; then gdb_port="$2"; shift 2; fi
if [ "${1:-}" = "--gdb-script" ]; then gdb_script="$2"; shift 2; fi
qemu="$1"; iso="$2"; memory="$3"; shift 3
debug_arguments=()
if [ -n "$gdb_port" ]; then
  # Only on the loopback interface: the stub can read and write all of the guest's memory.
  debug_arguments=(-S -gdb "tcp:127.0.0.1:$gdb_port")
  echo "run-qemu: QEMU is halted, waiting for GDB on 127.0.0.1:$gdb_port. In another terminal: gdb -x \"$gdb_script\"" >&2
fi
qemu_command=("$qemu" -cdrom "$iso" -m "$memory" -serial stdio -display none -monitor none -no-reboot
              -device isa-debug-exit,iobase=0xf4,iosize=0x04 "${debug_arguments[@]}" "$@")
if [ "$seconds" -gt 0 ]; then
  # --foreground: QEMU keeps the terminal (serial console input); -k: SIGKILL if SIGTERM is not enough.
  timeout --foreground -k 5 "$seconds" "${qemu_command[@]}"
else
  "${qemu_command[@]}"
fi
status=$?
case "$status" in
  33) exit 0 ;;
  35) echo "run-qemu: the image's Main, or one of its programs, ended with a non-zero status" >&2; exit 1 ;;
  37) echo "run-qemu: kernel panic" >&2; exit 2 ;;
  *)
    # timeout's own statuses: 124 (QEMU ended by SIGTERM), 137 (by SIGKILL 5 s later).
    if [ "$seconds" -gt 0 ] && { [ "$status" -eq 124 ] || [ "$status" -eq 137 ]; }; then
      echo "run-qemu: timed out after $seconds s (RedoxQemuTimeoutSeconds): QEMU was ended" >&2
      exit 124
    fi
    exit "$status" ;;
esac
