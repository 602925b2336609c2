#!/usr/bin/env bash
# Measures the image figures of issue 2 on this machine: dotnet publish of samples/HelloKernel cold (packages
# restored, bin/obj removed) and after a one-line change, kernel.elf size, and boot time in QEMU (TCG) from
# GRUB handing over ("Booting ...") to the kernel's "ready" line, over several boots.
# Run scripts/pack.sh first. Usage: benchmarks/measure-image.sh [boots]
set -euo pipefail
cd "$(dirname "$0")/.."
boots="${1:-5}"
sample=samples/HelloKernel

dotnet restore "$sample" --nologo -v:quiet >/dev/null
rm -rf "$sample/bin" "$sample/obj"
dotnet restore "$sample" --nologo -v:quiet >/dev/null
dotnet build-server shutdown >/dev/null 2>&1 || true   # no warm compiler or MSBuild node either
start=$(date +%s.%N)
dotnet publish "$sample" --nologo -v:quiet --no-restore >/dev/null
cold=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN {printf "%.1f", a - b}')

cp "$sample/Program.cs" /tmp/Program.cs.bak
sed -i 's/hello: done/hello: done (edited)/' "$sample/Program.cs"
start=$(date +%s.%N)
dotnet publish "$sample" --nologo -v:quiet --no-restore >/dev/null
warm=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN {printf "%.1f", a - b}')
cp /tmp/Program.cs.bak "$sample/Program.cs"
dotnet publish "$sample" --nologo -v:quiet --no-restore >/dev/null

# The same after a one-line change in a class library the image references (a driver-like library on Redox.Sdk).
work=$(mktemp -d)
cp nuget.config "$work/"
sed -i "s|artifacts/packages|$PWD/artifacts/packages|" "$work/nuget.config"
mkdir -p "$work/Lib" "$work/Image"
printf '{ "msbuild-sdks": { "Redox.Sdk": "%s" } }\n' "$(scripts/version.sh)" > "$work/global.json"
printf '%s\n' '<Project Sdk="Redox.Sdk"></Project>' > "$work/Lib/Lib.csproj"
printf '%s\n' 'namespace Lib; public static class Greeting { public static int Value() => 1; }' > "$work/Lib/Greeting.cs"
printf '%s\n' '<Project Sdk="Redox.Sdk"><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>' \
  '<ItemGroup><PackageReference Include="Redox.Kernel" Version="$(RedoxVersion)" /><ProjectReference Include="../Lib/Lib.csproj" /></ItemGroup></Project>' \
  > "$work/Image/Image.csproj"
printf '%s\n' 'public static class Program { public static int Main() => Lib.Greeting.Value() - 1; }' > "$work/Image/Program.cs"
dotnet publish "$work/Image" --nologo -v:quiet >/dev/null
sed -i 's/=> 1;/=> 2 - 1;/' "$work/Lib/Greeting.cs"
start=$(date +%s.%N)
dotnet publish "$work/Image" --nologo -v:quiet >/dev/null
library=$(awk -v a="$(date +%s.%N)" -v b="$start" 'BEGIN {printf "%.1f", a - b}')
rm -rf "$work"

elf="$sample/bin/Release/net10.0/publish/kernel.elf"
iso="$sample/bin/Release/net10.0/publish/HelloKernel.iso"
size=$(stat -c %s "$elf")
text=$(size -A "$elf" | awk '$1 == ".text" {print $2}')

times=()
for _ in $(seq "$boots"); do
  handover="" ; ready=""
  while IFS= read -r line; do
    now=$(date +%s.%N)
    case "$line" in
      *"Booting \`"*) handover=$now ;;
      ready*) ready=$now ;;
    esac
  done < <(timeout 60 qemu-system-x86_64 -cdrom "$iso" -m 128M -serial stdio -display none -monitor none -no-reboot \
             -device isa-debug-exit,iobase=0xf4,iosize=0x04 | tr -d '\r')
  times+=("$(awk -v a="$ready" -v b="$handover" 'BEGIN {printf "%d", (a - b) * 1000}')")
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p')"
echo "publish cold (restored; bin/obj removed; build servers shut down): ${cold} s"
echo "publish after a one-line change in Program.cs: ${warm} s"
echo "publish after a one-line change in a referenced class library: ${library} s"
echo "kernel.elf: ${size} bytes (.text ${text} bytes)"
echo "boot, GRUB hand-over to 'ready' (ms, ${boots} boots): ${sorted}(median ${median})"
