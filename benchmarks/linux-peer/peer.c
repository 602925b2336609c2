/*
 * The Linux peer of Redox.NET's figures: runs as init (pid 1) of a Debian kernel under the same QEMU and flags
 * (-icount shift=0: the guest TSC advances one tick per instruction). Prints, in TSC ticks per operation, the null
 * syscall (getppid, as issue 7 names it) and a 1-byte pipe round trip between two processes on one CPU (the peer of
 * a 1-byte scheme read through a driver process). Same method as the Redox.NET benchmarks: median of 7 runs of 1000,
 * minus the empty loop.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define CALLS 1000
#define RUNS 7

static inline unsigned long long tsc(void)
{
    unsigned lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((unsigned long long)hi << 32) | lo;
}

static unsigned long long median(unsigned long long *v)
{
    for (int i = 1; i < RUNS; i++)
        for (int j = i; j > 0 && v[j - 1] > v[j]; j--) { unsigned long long t = v[j]; v[j] = v[j - 1]; v[j - 1] = t; }
    return v[RUNS / 2];
}

static unsigned long long empty_loop(void)
{
    unsigned long long start = tsc();
    for (volatile int i = 0; i < CALLS; i++) { }
    return tsc() - start;
}

int main(void)
{
    unsigned long long samples[RUNS];
    for (int run = 0; run < RUNS; run++) {
        unsigned long long empty = empty_loop();
        unsigned long long start = tsc();
        for (volatile int i = 0; i < CALLS; i++) syscall(SYS_getppid);
        unsigned long long full = tsc() - start;
        samples[run] = full > empty ? (full - empty) / CALLS : 0;
    }
    printf("linux-bench: null syscall (getppid) %llu ticks\n", median(samples));

    int there[2], back[2];
    if (pipe(there) != 0 || pipe(back) != 0) { perror("pipe"); return 1; }
    pid_t child = fork();
    if (child == 0) {
        char byte;
        while (read(there[0], &byte, 1) == 1 && write(back[1], &byte, 1) == 1) { }
        _exit(0);
    }
    char byte = 'x';
    for (int i = 0; i < 100; i++) { write(there[1], &byte, 1); read(back[0], &byte, 1); }
    for (int run = 0; run < RUNS; run++) {
        unsigned long long empty = empty_loop();
        unsigned long long start = tsc();
        for (volatile int i = 0; i < CALLS; i++) { write(there[1], &byte, 1); read(back[0], &byte, 1); }
        unsigned long long full = tsc() - start;
        samples[run] = full > empty ? (full - empty) / CALLS : 0;
    }
    printf("linux-bench: pipe round trip (1 B, two processes, one CPU) %llu ticks\n", median(samples));
    close(there[1]);
    waitpid(child, NULL, 0);
    fflush(stdout);
    return 0;           /* init ends: the kernel panics, panic=-1 reboots, -no-reboot ends QEMU */
}
