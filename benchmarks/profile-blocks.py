#!/usr/bin/env python3
"""One function's disassembly with how often each block ran, from the counts profile-ipc.sh keeps (PROFILE_KEEP):
the lines a round trip really executes, for finding what a hot path spends. usage:
profile-blocks.py COUNTS ELF SYMBOL [DIVISOR]   (DIVISOR: runs to divide by, e.g. 1050 round trips)"""
import subprocess, sys

counts_file, elf, symbol = sys.argv[1:4]
divisor = float(sys.argv[4]) if len(sys.argv) > 4 else 1.0
blocks = {}
with open(counts_file) as f:
    f.readline()
    for line in f:
        address, count = line.split()
        blocks[int(address, 16)] = int(count)
# By address range from the symbol table: --disassemble=SYMBOL misses symbols in sections other than .text.
table = [line.split() for line in subprocess.run(['nm', '-n', elf], capture_output=True, text=True, check=True).stdout.splitlines()]
addresses = [int(parts[0], 16) for parts in table if len(parts) == 3]
names = [parts[2] for parts in table if len(parts) == 3]
start = addresses[names.index(symbol)]
stop = min((a for a in addresses if a > start), default=start + 0x1000)
text = subprocess.run(['objdump', '-d', '--no-show-raw-insn', '-M', 'intel', f'--start-address={start:#x}',
                       f'--stop-address={stop:#x}', elf], capture_output=True, text=True, check=True).stdout
lines = [l for l in text.splitlines() if l.strip() and ':' in l and l.strip()[0] in '0123456789abcdef' and not l.endswith('>:')]
# A block's count is its instructions times its runs: spread it over the block's lines until the next block start.
runs, executed = 0.0, 0.0
for line in lines:
    address = int(line.split(':')[0], 16)
    if address in blocks:
        start = lines.index(line)
        size = 1
        for later in lines[start + 1:]:
            if int(later.split(':')[0], 16) in blocks: break
            size += 1
            if later.split('\t')[-1].split()[0].startswith(('j', 'call', 'ret')): break
        runs = blocks[address] / size / divisor
    executed += runs
    print(f'{runs:8.2f}  {line.strip()}')
    if line.split('\t')[-1].split()[0].startswith(('j', 'ret', 'call')):
        runs = 0.0      # a branch ends the block: what follows ran only if a block starts there
print(f'{executed:8.1f}  instructions per run (approximate)')
