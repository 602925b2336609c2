#!/usr/bin/env bash
# The Linux guest beside Redox.NET's figures: Debian's kernel package and benchmarks/linux-peer/peer.c as a static
# init in an initramfs, booted by the same qemu-system-x86_64 with -icount shift=0 (one TSC tick per instruction).
# What it needs: gcc with the static C library (libc6-dev), cpio, and Debian's linux-image package, fetched with
# `apt-get download` (no root needed for that) and cached in $REDOX_LINUX_PEER_DIR (default /tmp/redox-linux-peer).
# Missing tools are installed with apt-get when running as root; otherwise, or when apt cannot reach a mirror, it
# prints "linux-bench: skipped: <why>" and exits with status 3 so callers can show the Linux rows as skipped.
#   benchmarks/linux-peer/measure-linux.sh [qemu -cpu model, default qemu64]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cpu="${1:-qemu64}"
cache="${REDOX_LINUX_PEER_DIR:-/tmp/redox-linux-peer}"
skip() { echo "linux-bench: skipped: $*"; exit 3; }
mkdir -p "$cache" || skip "cannot create $cache"
need=()
command -v cpio >/dev/null || need+=(cpio)
command -v gcc >/dev/null || need+=(gcc)
[ -e /usr/lib/x86_64-linux-gnu/libc.a ] || need+=(libc6-dev)
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" -eq 0 ] || skip "missing ${need[*]} (run: sudo apt-get install ${need[*]})"
  { apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; } || skip "apt-get install ${need[*]} failed"
fi
kernel="$cache/vmlinuz"
if [ ! -e "$kernel" ]; then
  command -v apt-get >/dev/null || skip "no apt-get: put a bzImage at $kernel"
  package=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
  [ -n "$package" ] || skip "apt-cache knows no linux-image-amd64 (run apt-get update, or put a bzImage at $kernel)"
  (cd "$cache" && apt-get download "$package" >/dev/null 2>&1) || skip "apt-get download $package failed"
  rm -rf "$cache/deb" && dpkg-deb -x "$cache"/"$package"_*.deb "$cache/deb"
  cp "$cache"/deb/boot/vmlinuz-* "$kernel"
  echo "$package" > "$cache/kernel-version"
fi
# The initramfs is built per run (several runs may share the kernel cache at once).
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/root/dev"
gcc -O2 -static -o "$work/root/init" "$here/peer.c"
(cd "$work/root" && find . | cpio -o -H newc --quiet > "$work/initramfs.cpio")
echo "linux-bench: kernel $(cat "$cache/kernel-version" 2>/dev/null || echo unknown), qemu $(qemu-system-x86_64 --version | head -1 | awk '{print $4}'), -cpu $cpu"
set +e
timeout 900 qemu-system-x86_64 -icount shift=0 -cpu "$cpu" -m 256M -kernel "$kernel" -initrd "$work/initramfs.cpio" \
  -append "console=ttyS0 quiet panic=-1" -serial stdio -display none -monitor none -no-reboot 2>&1 | grep -a --line-buffered '^linux-bench:'
status=${PIPESTATUS[0]}
set -e
[ "$status" -eq 0 ] || { echo "linux-bench: failed: QEMU status $status"; exit 1; }
