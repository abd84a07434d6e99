/*
 * A fault for the tests (test_faults.c): loaded with LD_PRELOAD into
 * paycalc, it makes the Nth call of renameat or renameat2 fail with EIO, N from the
 * environment variable PAYCALC_FAIL_RENAMEAT, so the undo of a report pair
 * whose second rename fails can be watched from outside. Every other call
 * goes to the C library's renameat.
 *
 * With PAYCALC_FAIL_FSTAT=N it also makes the Nth call of fstat fail with
 * EIO, so the reader's answer to an fstat failure (an error naming the
 * file, never a read of an unset struct stat) can be watched.
 */
#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

typedef int renameat_fn(int, const char *, int, const char *);
typedef int renameat2_fn(int, const char *, int, const char *, unsigned);

/* renameat and renameat2 (which swaps a folder report into place) count
 * as one sequence of renames. */
static int calls;

static bool failing_now(void)
{
    const char *fail = getenv("PAYCALC_FAIL_RENAMEAT");
    return fail && atoi(fail) == ++calls;
}

int renameat2(int olddirfd, const char *oldpath, int newdirfd, const char *newpath, unsigned flags)
{
    static renameat2_fn *next2;
    if (!next2)
        *(void **)&next2 = dlsym(RTLD_NEXT, "renameat2");
    if (failing_now()) {
        errno = EIO;
        return -1;
    }
    if (!next2) {
        errno = ENOSYS;
        return -1;
    }
    return next2(olddirfd, oldpath, newdirfd, newpath, flags);
}

int renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath)
{
    static renameat_fn *next;
    /* POSIX's way to take a function from dlsym (ISO C has no conversion
     * from an object pointer to a function pointer). */
    if (!next)
        *(void **)&next = dlsym(RTLD_NEXT, "renameat");
    if (failing_now()) {
        errno = EIO;
        return -1;
    }
    if (!next) {
        errno = ENOSYS;
        return -1;
    }
    return next(olddirfd, oldpath, newdirfd, newpath);
}

typedef int fstat_fn(int, struct stat *);

static int fstat_calls;

static int fail_or_call(int fd, struct stat *st)
{
    const char *fail = getenv("PAYCALC_FAIL_FSTAT");
    if (fail && atoi(fail) == ++fstat_calls) {
        errno = EIO;
        return -1;
    }
    fstat_fn *next;
    *(void **)&next = dlsym(RTLD_NEXT, "fstat");
    if (!next) {
        errno = ENOSYS;
        return -1;
    }
    return next(fd, st);
}

int fstat(int fd, struct stat *st)
{
    return fail_or_call(fd, st);
}
