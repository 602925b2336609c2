/*
 * The Linux peer of Redox.NET's guest figures: runs as init (pid 1) of a Debian kernel under the same QEMU and flags
 * (-icount shift=0: the guest TSC advances one tick per instruction). Prints one "linux-bench:" line per figure, in
 * TSC ticks per operation. Same method as the Redox.NET side (tests/Boot/Redox.UserTest Benchmarks.cs,
 * GuestBenchmarks.cs): the median of 7 runs of a loop, minus the empty loop; wake-ups: the median over single events.
 *   null syscall      getppid                                       (peer of getpid)
 *   pipe round trip   1 B request, N B answer, two processes        (peer of a read of N B through a driver process)
 *   unix round trip   the same over an AF_UNIX SOCK_STREAM socketpair
 *   futex wake-up     FUTEX_WAKE in one process -> FUTEX_WAIT returns in the other (shared anonymous memory)
 *                                                                   (peer of the fevent wake-up)
 *   process switch    two processes sched_yield to each other        (peer of the yield ping-pong)
 * One CPU: the kernel boots with the QEMU default of one vCPU, so every handoff is a switch, as on the Redox.NET side.
 */
#define _GNU_SOURCE
#include <linux/futex.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define CALLS 1000
#define RUNS 7
#define WAKES 200

static inline unsigned long long tsc(void)
{
    unsigned lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((unsigned long long)hi << 32) | lo;
}

static unsigned long long median(unsigned long long *v, int n)
{
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && v[j - 1] > v[j]; j--) { unsigned long long t = v[j]; v[j] = v[j - 1]; v[j - 1] = t; }
    return v[n / 2];
}

static unsigned long long empty_loop(int calls)
{
    unsigned long long start = tsc();
    for (volatile int i = 0; i < calls; i++) { }
    return tsc() - start;
}

static void null_syscall(void)
{
    unsigned long long samples[RUNS];
    for (int run = 0; run < RUNS; run++) {
        unsigned long long empty = empty_loop(CALLS);
        unsigned long long start = tsc();
        for (volatile int i = 0; i < CALLS; i++) syscall(SYS_getppid);
        unsigned long long full = tsc() - start;
        samples[run] = full > empty ? (full - empty) / CALLS : 0;
    }
    printf("linux-bench: null syscall (getppid) %llu ticks\n", median(samples, RUNS));
}

static int read_all(int fd, char *buffer, size_t bytes)
{
    size_t done = 0;
    while (done < bytes) {
        ssize_t n = read(fd, buffer + done, bytes - done);
        if (n <= 0) return -1;
        done += (size_t)n;
    }
    return 0;
}

/* A 1-byte request on `out`, answered with `bytes` bytes on `in`, by a child serving `serve_in` -> `serve_out`. */
static unsigned long long round_trip(int out, int in, int serve_in, int serve_out, size_t bytes, int calls)
{
    static char buffer[65536];
    pid_t child = fork();
    if (child == 0) {
        char byte;
        while (read(serve_in, &byte, 1) == 1) {
            if (write(serve_out, buffer, bytes) != (ssize_t)bytes) break;
        }
        _exit(0);
    }
    char byte = 'x';
    for (int i = 0; i < 20; i++) { write(out, &byte, 1); read_all(in, buffer, bytes); }
    unsigned long long samples[RUNS];
    for (int run = 0; run < RUNS; run++) {
        unsigned long long empty = empty_loop(calls);
        unsigned long long start = tsc();
        for (volatile int i = 0; i < calls; i++) { write(out, &byte, 1); read_all(in, buffer, bytes); }
        unsigned long long full = tsc() - start;
        samples[run] = full > empty ? (full - empty) / calls : 0;
    }
    return median(samples, RUNS) | ((unsigned long long)child << 48);
}

static void pipe_round_trip(size_t bytes, int calls)
{
    int there[2], back[2];
    if (pipe(there) != 0 || pipe(back) != 0) { perror("pipe"); return; }
    unsigned long long r = round_trip(there[1], back[0], there[0], back[1], bytes, calls);
    kill((pid_t)(r >> 48), SIGKILL);               /* it holds the write ends too: no end of file would reach it */
    waitpid((pid_t)(r >> 48), NULL, 0);
    close(there[0]); close(back[0]); close(back[1]);
    printf("linux-bench: pipe round trip (%zu B, two processes, one CPU) %llu ticks\n", bytes, r & 0xFFFFFFFFFFFFull);
}

static void unix_round_trip(size_t bytes, int calls)
{
    int pair[2];
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, pair) != 0) { perror("socketpair"); return; }
    unsigned long long r = round_trip(pair[0], pair[0], pair[1], pair[1], bytes, calls);
    kill((pid_t)(r >> 48), SIGKILL);
    waitpid((pid_t)(r >> 48), NULL, 0);
    close(pair[0]); close(pair[1]);
    printf("linux-bench: unix socket round trip (%zu B, two processes, one CPU) %llu ticks\n", bytes, r & 0xFFFFFFFFFFFFull);
}

static long futex(volatile int *word, int op, int value)
{
    return syscall(SYS_futex, word, op, value, NULL, NULL, 0);
}

/*
 * The waker takes its timestamp, sets the word and FUTEX_WAKEs the waiter, then blocks on its own word (so the waiter
 * runs, as the Redox.NET driver blocks in its socket read after posting). The waiter's timestamp is taken when its
 * FUTEX_WAIT returns; it hands the difference back and wakes the waker for the next round (outside the span).
 */
struct shared { volatile int wake, back; volatile unsigned long long posted; };

static void futex_wake_up(void)
{
    struct shared *s = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (s == MAP_FAILED) { perror("mmap"); return; }
    memset((void *)s, 0, sizeof *s);
    unsigned long long *samples = mmap(NULL, WAKES * sizeof(unsigned long long), PROT_READ | PROT_WRITE,
                                       MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    pid_t child = fork();
    if (child == 0) {                                  /* the waiter */
        for (int i = 0; i < WAKES; i++) {
            while (s->wake == 0) futex(&s->wake, FUTEX_WAIT, 0);
            unsigned long long woke = tsc();
            samples[i] = woke > s->posted ? woke - s->posted : 0;
            s->wake = 0;
            s->back = 1;
            futex(&s->back, FUTEX_WAKE, 1);
        }
        _exit(0);
    }
    for (int i = 0; i < WAKES; i++) {                  /* the waker */
        sched_yield();                                 /* the waiter is blocked in FUTEX_WAIT before the wake */
        s->posted = tsc();
        s->wake = 1;
        futex(&s->wake, FUTEX_WAKE, 1);
        while (s->back == 0) futex(&s->back, FUTEX_WAIT, 0);
        s->back = 0;
    }
    waitpid(child, NULL, 0);
    printf("linux-bench: futex wake-up (FUTEX_WAKE -> the other process's FUTEX_WAIT returns) %llu ticks\n",
           median(samples, WAKES));
}

/*
 * Two processes hand the CPU to each other with sched_yield, taking turns through a shared word: CFS may return
 * from sched_yield without switching, so a turn is only counted when the other side has taken it. Per handoff.
 */
static void process_switch(void)
{
    volatile int *turn = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (turn == MAP_FAILED) { perror("mmap"); return; }
    *turn = 0;
    const int rounds = 50 + CALLS;
    pid_t child = fork();
    if (child == 0) {
        for (int i = 0; i < rounds; i++) { while (*turn != 1) sched_yield(); *turn = 0; }
        _exit(0);
    }
    unsigned long long start = 0;
    for (int i = 0; i < rounds; i++) {
        if (i == 50) start = tsc();
        while (*turn != 0) sched_yield();
        *turn = 1;
    }
    while (*turn != 0) sched_yield();
    unsigned long long elapsed = tsc() - start;
    waitpid(child, NULL, 0);
    printf("linux-bench: process switch (sched_yield ping-pong) %llu ticks\n", elapsed / (2 * CALLS));
}

int main(void)
{
    null_syscall();
    pipe_round_trip(1, CALLS);
    pipe_round_trip(4096, CALLS);
    pipe_round_trip(65536, 100);
    unix_round_trip(1, CALLS);
    futex_wake_up();
    process_switch();
    printf("linux-bench: done\n");
    fflush(stdout);
    return 0;           /* init ends: the kernel panics, panic=-1 reboots, -no-reboot ends QEMU */
}
