/*
 * Test helpers (support.h).
 */
#define _POSIX_C_SOURCE 200809L
#include "support.h"

#include <criterion/criterion.h>

#include "paycalc/output.h"

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static void append(char **buf, size_t *len, size_t *cap, const char *data, size_t n)
{
    if (*len + n + 1 > *cap) {
        *cap = (*len + n + 1) * 2;
        *buf = realloc(*buf, *cap);
    }
    memcpy(*buf + *len, data, n);
    *len += n;
    (*buf)[*len] = '\0';
}

/* Runs `program args...` with standard input from /dev/null. */
static run_result run_with(const char *program, const char *const *args)
{
    return run_program(program, args);
}

run_result run_program(const char *program, const char *const *args)
{
    run_result r = {-1, NULL, NULL};
    int out[2], err[2];
    if (pipe(out) || pipe(err))
        return r;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(out[0]);
        close(err[0]);
        int devnull = open("/dev/null", O_RDONLY);
        if (devnull >= 0)
            dup2(devnull, 0);
        size_t n = 0;
        while (args[n])
            n++;
        char **argv = calloc(n + 2, sizeof *argv);
        argv[0] = (char *)program;
        for (size_t i = 0; i < n; i++)
            argv[i + 1] = (char *)args[i];
        execv(program, argv);
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    size_t olen = 0, ocap = 0, elen = 0, ecap = 0;
    r.out = calloc(1, 1);
    r.err = calloc(1, 1);
    struct pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    int open_fds = 2;
    while (open_fds > 0) {
        if (poll(fds, 2, -1) < 0)
            break;
        for (int i = 0; i < 2; i++) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP)))
                continue;
            char chunk[4096];
            ssize_t got = read(fds[i].fd, chunk, sizeof chunk);
            if (got <= 0) {
                close(fds[i].fd);
                fds[i].fd = -1;
                open_fds--;
            } else if (i == 0) {
                append(&r.out, &olen, &ocap, chunk, (size_t)got);
            } else {
                append(&r.err, &elen, &ecap, chunk, (size_t)got);
            }
        }
    }
    int status;
    waitpid(pid, &status, 0);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

run_result run_paycalc(const char *const *args)
{
    return run_with(PAYCALC, args);
}

run_result run_python(const char *const *args)
{
    return run_with(PYTHON, args);
}

void require_python_module(const char *module)
{
    cr_assert(access(PYTHON, X_OK) == 0,
              "%s is not installed; scripts/deps.sh --tests installs it (Debian package python3)",
              PYTHON);
    char code[256];
    snprintf(code, sizeof code, "import %s", module);
    const char *args[] = {"-c", code, NULL};
    run_result r = run_python(args);
    int status = r.status;
    run_result_free(&r);
    cr_assert_eq(
        status, 0,
        "the Python module %s is not installed for %s; scripts/deps.sh --tests installs it "
        "(Debian package python3-%s)",
        module, PYTHON, module);
}

void run_result_free(run_result *r)
{
    free(r->out);
    free(r->err);
    r->out = r->err = NULL;
}

char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t len = 0, cap = 4096;
    char *buf = malloc(cap);
    size_t got;
    while ((got = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += got;
        if (cap - len - 1 == 0) {
            cap *= 2;
            buf = realloc(buf, cap);
        }
    }
    fclose(f);
    buf[len] = '\0';
    if (size)
        *size = len;
    return buf;
}

int write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t n = strlen(text);
    int rc = fwrite(text, 1, n, f) == n ? 0 : -1;
    if (fclose(f))
        rc = -1;
    return rc;
}

char *path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + 1 + strlen(name) + 1;
    char *path = malloc(n);
    cr_assert_not_null(path, "out of memory joining %s and %s", dir, name);
    snprintf(path, n, "%s/%s", dir, name);
    return path;
}

char *make_temp_dir(void)
{
    char tmpl[] = "/tmp/paycalc-test-XXXXXX";
    char *d = mkdtemp(tmpl);
    return d ? strdup(d) : NULL;
}

int copy_dir(const char *from, const char *to)
{
    DIR *d = opendir(from);
    if (!d)
        return -1;
    struct dirent *e;
    int rc = 0;
    while ((e = readdir(d))) {
        char src[4096], dst[4096];
        snprintf(src, sizeof src, "%s/%s", from, e->d_name);
        struct stat st;
        if (stat(src, &st) || !S_ISREG(st.st_mode))
            continue;
        snprintf(dst, sizeof dst, "%s/%s", to, e->d_name);
        size_t n;
        char *data = read_file(src, &n);
        FILE *f = fopen(dst, "wb");
        if (!data || !f || fwrite(data, 1, n, f) != n)
            rc = -1;
        if (f)
            fclose(f);
        free(data);
    }
    closedir(d);
    return rc;
}

void remove_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        struct stat st;
        if (!lstat(p, &st) && S_ISDIR(st.st_mode))
            remove_dir(p);
        else
            unlink(p);
    }
    closedir(d);
    rmdir(dir);
}

int count_entries(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
            strcmp(e->d_name, PC_OUTPUT_LOCK_NAME))
            n++;
    closedir(d);
    return n;
}
