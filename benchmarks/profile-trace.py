#!/usr/bin/env python3
"""Adds up the block counts of benchmarks/insn-profile.c (QEMU plugin: "address instructions" per translation block,
from the first entry of a start symbol to the first of a stop symbol) by the kernel or program function each block
starts in. usage: profile-trace.py COUNTS KERNEL_ELF PROGRAM_ELF"""
import bisect, collections, subprocess, sys

def symbols(elf):
    table = []
    for line in subprocess.run(['nm', '-n', elf], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in 'TtWw':
            table.append((int(parts[0], 16), parts[2]))
    return [a for a, _ in table], [n for _, n in table]

counts_file, kernel_elf, program_elf = sys.argv[1:4]
kernel = symbols(kernel_elf)
program = symbols(program_elf)

def name(pc):
    addresses, names = kernel if pc >= 0xFFFF800000000000 else program
    i = bisect.bisect_right(addresses, pc) - 1
    where = 'kernel ' if addresses is kernel[0] else 'program'
    return where + ' ' + (names[i] if i >= 0 else '?')

counts = collections.Counter()
total = 0
with open(counts_file) as f:
    state = f.readline().split()[1]
    if state != '2':
        sys.exit(f'profile-trace: the run did not reach the stop symbol (plugin state {state})')
    for line in f:
        address, count = line.split()
        counts[name(int(address, 16))] += int(count)
        total += int(count)
print(f'{total} instructions')
for where, count in counts.most_common(60):
    print(f'{count:9d}  {where}')
