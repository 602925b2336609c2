#!/usr/bin/env bash
# Installs what Redox.NET needs besides the .NET SDK, only when missing (Debian/Ubuntu, apt):
# QEMU (and OVMF, its UEFI firmware) to boot images, GRUB + xorriso + mtools to build BIOS/UEFI ISOs, binutils
# to assemble and link, GDB to debug images.
set -euo pipefail

missing=()
need() { # need <command or path> <apt package>
  if [[ "$1" == /* ]]; then [[ -e "$1" ]] || missing+=("$2"); else command -v "$1" >/dev/null 2>&1 || missing+=("$2"); fi
}
need qemu-system-x86_64 qemu-system-x86
need grub-mkrescue grub-common
need /usr/lib/grub/i386-pc grub-pc-bin
need /usr/lib/grub/x86_64-efi grub-efi-amd64-bin
need /usr/share/ovmf/OVMF.fd ovmf          # UEFI firmware, for the UEFI boot test
need xorriso xorriso
need mformat mtools
need as binutils
need ld binutils
need gdb gdb                               # debugging images (docs/debugging.md) and its boot test

if ! command -v dotnet >/dev/null 2>&1; then
  echo "install-deps: the .NET SDK (10.0.x) is required: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi

packages=$(printf '%s\n' "${missing[@]}" | sort -u | tr '\n' ' ')
echo "install-deps: installing $packages"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-deps: run as root or install sudo; missing: $packages" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# shellcheck disable=SC2086
$sudo apt-get install -y -qq --no-install-recommends $packages >/dev/null
echo "install-deps: done"
