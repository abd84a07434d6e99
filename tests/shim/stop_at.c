/*
 * A moment for the tests (test_faults.c) that is a step of the run, not a
 * time: loaded with LD_PRELOAD into paycalc, it counts the program's calls
 * of the file functions a run goes through (opening, writing, syncing,
 * renaming, removing, locking and closing files, from paycalc and from
 * libxlsxwriter) and stops the process with SIGSTOP just before call number
 * PAYCALC_STOP_AT. The test, which sees the stop with waitpid(WUNTRACED),
 * then sends its signal and SIGCONT: the signal arrives at exactly that
 * step, however fast or busy the machine is. With PAYCALC_STOP_COUNT set to
 * a file name, the number of calls is written there when the program exits,
 * so that a test knows how many steps a whole run has. Every call goes on
 * to the C library (or to the sanitizer's interceptor ahead of it).
 */
#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static long calls;

/* One more step; stops the process when it is the one asked for. */
static void step(void)
{
    long n = __atomic_add_fetch(&calls, 1, __ATOMIC_SEQ_CST);
    const char *at = getenv("PAYCALC_STOP_AT");
    if (at && atol(at) == n)
        raise(SIGSTOP);
}

/* The next definition of `name` (POSIX's way to take a function from
 * dlsym: ISO C has no conversion from an object pointer to a function
 * pointer). */
#define NEXT(type, name)                                                                           \
    static type *next;                                                                             \
    if (!next)                                                                                     \
        *(void **)&next = dlsym(RTLD_NEXT, name);                                                  \
    if (!next)                                                                                     \
        errno = ENOSYS;

typedef int open_fn(const char *, int, ...);
typedef int openat_fn(int, const char *, int, ...);
typedef ssize_t write_fn(int, const void *, size_t);
typedef int fd_fn(int);
typedef int renameat_fn(int, const char *, int, const char *);
typedef int unlinkat_fn(int, const char *, int);
typedef int flock_fn(int, int);
typedef char *mkdtemp_fn(char *);
typedef FILE *fopen_fn(const char *, const char *);
typedef size_t fwrite_fn(const void *, size_t, size_t, FILE *);
typedef int fclose_fn(FILE *);

int open(const char *path, int flags, ...)
{
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    step();
    NEXT(open_fn, "open");
    return next ? next(path, flags, mode) : -1;
}

int openat(int dir, const char *path, int flags, ...)
{
    mode_t mode = 0;
    if (flags & (O_CREAT | O_TMPFILE)) {
        va_list ap;
        va_start(ap, flags);
        mode = (mode_t)va_arg(ap, int);
        va_end(ap);
    }
    step();
    NEXT(openat_fn, "openat");
    return next ? next(dir, path, flags, mode) : -1;
}

ssize_t write(int fd, const void *data, size_t n)
{
    step();
    NEXT(write_fn, "write");
    return next ? next(fd, data, n) : -1;
}

int fsync(int fd)
{
    step();
    NEXT(fd_fn, "fsync");
    return next ? next(fd) : -1;
}

int close(int fd)
{
    step();
    NEXT(fd_fn, "close");
    return next ? next(fd) : -1;
}

int renameat(int olddir, const char *oldpath, int newdir, const char *newpath)
{
    step();
    NEXT(renameat_fn, "renameat");
    return next ? next(olddir, oldpath, newdir, newpath) : -1;
}

int unlinkat(int dir, const char *path, int flags)
{
    step();
    NEXT(unlinkat_fn, "unlinkat");
    return next ? next(dir, path, flags) : -1;
}

int flock(int fd, int op)
{
    step();
    NEXT(flock_fn, "flock");
    return next ? next(fd, op) : -1;
}

char *mkdtemp(char *template)
{
    step();
    NEXT(mkdtemp_fn, "mkdtemp");
    return next ? next(template) : NULL;
}

FILE *fopen(const char *path, const char *mode)
{
    step();
    NEXT(fopen_fn, "fopen");
    return next ? next(path, mode) : NULL;
}

size_t fwrite(const void *data, size_t size, size_t count, FILE *f)
{
    step();
    NEXT(fwrite_fn, "fwrite");
    return next ? next(data, size, count, f) : 0;
}

int fclose(FILE *f)
{
    step();
    NEXT(fclose_fn, "fclose");
    return next ? next(f) : EOF;
}

/* At a normal exit: the number of steps into PAYCALC_STOP_COUNT. */
__attribute__((destructor)) static void report_count(void)
{
    const char *file = getenv("PAYCALC_STOP_COUNT");
    if (!file)
        return;
    FILE *f = NULL;
    {
        NEXT(fopen_fn, "fopen");
        f = next ? next(file, "w") : NULL;
    }
    if (!f)
        return;
    fprintf(f, "%ld\n", __atomic_load_n(&calls, __ATOMIC_SEQ_CST));
    {
        NEXT(fclose_fn, "fclose");
        if (next)
            next(f);
    }
}
