#!/usr/bin/env python3
"""Adds up a QEMU execution trace (-d in_asm,exec,nochain) by symbol: instructions per kernel or program function,
counted from the first execution of a start symbol to the first of a stop symbol (both in the program).
usage: profile-trace.py TRACE KERNEL_ELF PROGRAM_ELF START_SYMBOL STOP_SYMBOL"""
import bisect, collections, re, subprocess, sys

def symbols(elf):
    table = []
    for line in subprocess.run(['nm', '-n', elf], capture_output=True, text=True, check=True).stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] in 'TtWw':
            table.append((int(parts[0], 16), parts[2]))
    return [a for a, _ in table], [n for _, n in table]

trace, kernel_elf, program_elf, start_name, stop_name = sys.argv[1:6]
kernel = symbols(kernel_elf)
program = symbols(program_elf)
start = program[0][program[1].index(start_name)]
stop = program[0][program[1].index(stop_name)]

def name(pc):
    addresses, names = kernel if pc >= 0xFFFF800000000000 else program
    i = bisect.bisect_right(addresses, pc) - 1
    where = 'kernel ' if addresses is kernel[0] else 'program'
    return where + ' ' + (names[i] if i >= 0 else '?')

block_sizes = {}
pending = None
counts = collections.Counter()
total = 0
counting = False
trace_line = re.compile(rb'Trace \d+: (0x[0-9a-f]+) \[[0-9a-f]+/([0-9a-f]+)/')
with open(trace, 'rb') as f:
    for line in f:
        if line.startswith(b'IN:'):
            pending = 0
        elif pending is not None and line.startswith(b'0x'):
            pending += 1
        elif line.startswith(b'Trace'):
            m = trace_line.match(line)
            host, pc = m.group(1), int(m.group(2), 16)
            if pending is not None:
                block_sizes[host] = pending
                pending = None
            if not counting and pc == start:
                counting = True
            if counting:
                if pc == stop:
                    break
                size = block_sizes.get(host, 1)
                counts[name(pc)] += size
                total += size
print(f'{total} instructions from {start_name} to {stop_name}')
for where, count in counts.most_common(45):
    print(f'{count:9d}  {where}')
