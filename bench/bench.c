/* bench.c: measures `sitrep extract` end to end: runs the command on an input, hashes
 * everything it prints (FNV-1a, so a faster but different result is caught), and
 * reports MB/s, documents/s and peak memory from wait4().
 * Usage: bench SITREP INPUT MB DOCS THREADS [EXTRA-ARG...] */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 6) {
        fprintf(stderr, "usage: bench SITREP INPUT MB DOCS THREADS [ARG...]\n");
        return 2;
    }
    double mb = atof(argv[3]);
    double docs = atof(argv[4]);
    const char *threads = argv[5];
    int fds[2];
    if (pipe(fds))
        return 2;
    double t0 = now();
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fds[1], 1);
        close(fds[0]);
        close(fds[1]);
        char *args[32] = {argv[1], "extract", "--threads", (char *)threads};
        int k = 4;
        for (int i = 6; i < argc && k < 30; i++)
            args[k++] = argv[i];
        args[k++] = argv[2];
        args[k] = NULL;
        execv(argv[1], args);
        _exit(127);
    }
    close(fds[1]);
    uint64_t h = 1469598103934665603ull, lines = 0, bytes = 0;
    static unsigned char buf[1 << 16];
    ssize_t n;
    while ((n = read(fds[0], buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            h = (h ^ buf[i]) * 1099511628211ull;
            lines += buf[i] == '\n';
        }
        bytes += (uint64_t)n;
    }
    int status;
    struct rusage ru;
    wait4(pid, &status, 0, &ru);
    double secs = now() - t0;
    double cpu = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 +
                 (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    printf("threads %-2s %7.2f s wall %7.2f s cpu %7.1f MB/s %9.0f docs/s  peak %6.1f MB  "
           "records %llu  output %llu bytes  hash %016llx%s\n",
           threads, secs, cpu, mb / secs, docs / secs, ru.ru_maxrss / 1024.0,
           (unsigned long long)lines, (unsigned long long)bytes, (unsigned long long)h,
           WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "" : "  (sitrep FAILED)");
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : 1;
}
