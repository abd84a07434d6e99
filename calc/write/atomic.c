/*
 * Atomic file output: a temporary file in the target's folder, flushed to
 * disk, then renamed over the target. A failure at any step removes the
 * temporary file and leaves an earlier report untouched.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "paycalc/write.h"

pc_status pc_atomic_temp(const char *path, char **temp, int *fd, pc_diags *diags)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
    const char *base = slash ? slash + 1 : path;
    size_t n = dirlen + strlen(base) + 16;
    char *t = malloc(n);
    if (!t)
        return PC_ERR_NOMEM;
    snprintf(t, n, "%.*s.%s.XXXXXX", (int)dirlen, path, base);
    int f = mkstemp(t);
    if (f < 0) {
        pc_error(diags, path, 0, 0, "write_failed", "cannot create a file in the folder of %s: %s",
                 path, strerror(errno));
        free(t);
        return PC_ERR_WRITE;
    }
    *temp = t;
    *fd = f;
    return PC_OK;
}

pc_status pc_atomic_commit(const char *temp, const char *path, pc_diags *diags)
{
    if (rename(temp, path) != 0) {
        pc_error(diags, path, 0, 0, "write_failed", "cannot replace %s: %s", path, strerror(errno));
        unlink(temp);
        return PC_ERR_WRITE;
    }
    return PC_OK;
}

pc_status pc_write_file_atomic(const char *path, const void *data, size_t size, pc_diags *diags)
{
    char *temp = NULL;
    int fd;
    pc_status st = pc_atomic_temp(path, &temp, &fd, diags);
    if (st)
        return st;
    const char *p = data;
    size_t left = size;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            pc_error(diags, path, 0, 0, "write_failed", "cannot write %s: %s", path,
                     w < 0 ? strerror(errno) : "no space written");
            close(fd);
            unlink(temp);
            free(temp);
            return PC_ERR_WRITE;
        }
        p += w;
        left -= (size_t)w;
    }
    /* mkstemp makes the file readable by its owner only; a report is an
     * ordinary file. */
    if (fchmod(fd, 0644) != 0 || fsync(fd) != 0 || close(fd) != 0) {
        pc_error(diags, path, 0, 0, "write_failed", "cannot write %s: %s", path, strerror(errno));
        unlink(temp);
        free(temp);
        return PC_ERR_WRITE;
    }
    st = pc_atomic_commit(temp, path, diags);
    free(temp);
    return st;
}
