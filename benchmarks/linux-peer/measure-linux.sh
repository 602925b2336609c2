#!/usr/bin/env bash
# The Linux guest beside Redox.NET's figures: Debian's kernel package and benchmarks/linux-peer/peer.c as a static
# init in an initramfs, booted by the same qemu-system-x86_64 with -icount shift=0 (one TSC tick per instruction).
# Installs what is missing (gcc static libc, cpio) with apt, downloads the kernel package with apt-get download.
#   benchmarks/linux-peer/measure-linux.sh [qemu -cpu model, default qemu64]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cpu="${1:-qemu64}"
work="${REDOX_LINUX_PEER_DIR:-/tmp/redox-linux-peer}"
mkdir -p "$work"
need=()
command -v cpio >/dev/null || need+=(cpio)
command -v gcc >/dev/null || need+=(gcc)
[ -e /usr/lib/x86_64-linux-gnu/libc.a ] || need+=(libc6-dev)
if [ ${#need[@]} -gt 0 ]; then apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null; fi
kernel="$work/vmlinuz"
if [ ! -e "$kernel" ]; then
  package=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
  (cd "$work" && apt-get download "$package" 2>/dev/null)
  rm -rf "$work/deb" && dpkg-deb -x "$work"/"$package"_*.deb "$work/deb"
  cp "$work"/deb/boot/vmlinuz-* "$kernel"
  echo "$package" > "$work/kernel-version"
fi
rm -rf "$work/root" && mkdir -p "$work/root/dev"
gcc -O2 -static -o "$work/root/init" "$here/peer.c"
(cd "$work/root" && find . | cpio -o -H newc --quiet > "$work/initramfs.cpio")
echo "linux-bench: kernel $(cat "$work/kernel-version"), qemu $(qemu-system-x86_64 --version | head -1 | awk '{print $4}'), -cpu $cpu"
set +e
timeout 900 qemu-system-x86_64 -icount shift=0 -cpu "$cpu" -m 256M -kernel "$kernel" -initrd "$work/initramfs.cpio" \
  -append "console=ttyS0 quiet panic=-1" -serial stdio -display none -monitor none -no-reboot 2>&1 | grep -a '^linux-bench:'
set -e
