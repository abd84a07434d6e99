/*
 * A fault for the tests (test_faults.c): loaded with LD_PRELOAD into
 * paycalc, it makes the Nth call of renameat fail with EIO, N from the
 * environment variable PAYCALC_FAIL_RENAMEAT, so the undo of a report pair
 * whose second rename fails can be watched from outside. Every other call
 * goes to the C library's renameat.
 */
#define _GNU_SOURCE

#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

typedef int renameat_fn(int, const char *, int, const char *);

int renameat(int olddirfd, const char *oldpath, int newdirfd, const char *newpath)
{
    static int calls;
    static renameat_fn *next;
    /* POSIX's way to take a function from dlsym (ISO C has no conversion
     * from an object pointer to a function pointer). */
    if (!next)
        *(void **)&next = dlsym(RTLD_NEXT, "renameat");
    const char *fail = getenv("PAYCALC_FAIL_RENAMEAT");
    if (fail && atoi(fail) == ++calls) {
        errno = EIO;
        return -1;
    }
    if (!next) {
        errno = ENOSYS;
        return -1;
    }
    return next(olddirfd, oldpath, newdirfd, newpath);
}
