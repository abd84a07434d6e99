/*
 * Atomic output of a set of reports (see include/paycalc/output.h and
 * SPEC section 14): private temporary folders, folder locks, the pair
 * commit, and the cleanup a signal handler may call.
 */
#define _GNU_SOURCE /* renameat2: a folder report swapped into place in one step */
#include "paycalc/output.h"

#include "paycalc/write.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* The names inside a private folder: the new reports and, during a commit,
 * hard links to the reports they replace (to undo a half-done commit). */
static const char *const new_names[PC_OUTPUT_MAX] = {"new-0", "new-1", "new-2", "new-3"};
static const char *const old_names[PC_OUTPUT_MAX] = {"old-0", "old-1", "old-2", "old-3"};

typedef struct folder {
    char *path;  /* as the user gave it ("." for a bare file name) */
    int fd;      /* the output folder itself */
    dev_t dev;   /* identity of the folder, to share it between targets */
    ino_t ino;   /* and to lock folders in one order */
    int lock_fd; /* PC_OUTPUT_LOCK_NAME, -1 until opened */
    char *temp;  /* the private folder's name inside the output folder */
    int temp_fd; /* the private folder, -1 until made */
} folder;

typedef struct target {
    bool is_folder; /* a folder of files (pc_output_create_in), replaced as a whole */
    int dir_fd;     /* a folder target's new folder (new_names[i] in the private folder) */
    size_t nfiles;  /* files made in it so far */
    int file_fd[PC_OUTPUT_FOLDER_FILES];
    /* "new-2/name" of each file, relative to the private folder: what the
     * signal cleanup removes. After a commit has swapped the folders the
     * same names reach the replaced folder's files, which go too. */
    char *rel[PC_OUTPUT_FOLDER_FILES];
    bool exchanged;  /* the commit swapped the new folder with the old one */
    char *path;      /* as given, for messages */
    char *base;      /* the file name inside its folder */
    size_t folder;   /* index into pc_output.folders */
    int fd;          /* the temporary file when made by pc_output_create, else -1 */
    char *temp_path; /* the temporary file's name for writers that open it */
    bool saved_old;  /* old_names[i] links the report being replaced */
} target;

struct pc_output {
    size_t ntargets;
    size_t nfolders;
    target targets[PC_OUTPUT_MAX];
    folder folders[PC_OUTPUT_MAX];
};

/* The outputs in progress, for pc_output_cleanup_after_signal: the library's
 * only mutable global state, and only because a signal handler has no other
 * way to reach them. Lock-free atomic pointers are safe to read there. */
#define ACTIVE_SLOTS 8
static _Atomic(pc_output *) active[ACTIVE_SLOTS];

/* SIGINT, SIGTERM and SIGHUP held back (and the old mask in *saved) while a
 * private folder exists that the signal cleanup does not know yet or no
 * longer knows, and while the renames run. */
static void hold_signals(sigset_t *saved)
{
    sigset_t hold;
    sigemptyset(&hold);
    sigaddset(&hold, SIGINT);
    sigaddset(&hold, SIGTERM);
    sigaddset(&hold, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &hold, saved);
}

static void release_signals(const sigset_t *saved)
{
    pthread_sigmask(SIG_SETMASK, saved, NULL);
}

static void register_output(pc_output *o)
{
    for (size_t i = 0; i < ACTIVE_SLOTS; i++) {
        pc_output *none = NULL;
        if (atomic_compare_exchange_strong(&active[i], &none, o))
            return;
    }
    /* More than ACTIVE_SLOTS outputs at once: this one is not cleaned on a
     * signal, and a later output into its folder removes its leftovers. */
}

static void unregister_output(pc_output *o)
{
    for (size_t i = 0; i < ACTIVE_SLOTS; i++) {
        pc_output *mine = o;
        atomic_compare_exchange_strong(&active[i], &mine, NULL);
    }
}

static void remove_private_by_names(const folder *f)
{
    if (f->temp_fd < 0)
        return;
    for (size_t i = 0; i < PC_OUTPUT_MAX; i++) {
        (void)unlinkat(f->temp_fd, new_names[i], 0);
        (void)unlinkat(f->temp_fd, old_names[i], 0);
    }
    (void)unlinkat(f->fd, f->temp, AT_REMOVEDIR);
}

void pc_output_cleanup_after_signal(void)
{
    for (size_t i = 0; i < ACTIVE_SLOTS; i++) {
        pc_output *o = atomic_load(&active[i]);
        if (!o)
            continue;
        for (size_t k = 0; k < o->ntargets; k++) {
            const target *t = &o->targets[k];
            const folder *f = &o->folders[t->folder];
            if (!t->is_folder || f->temp_fd < 0)
                continue;
            for (size_t n = 0; n < t->nfiles; n++)
                if (t->rel[n])
                    (void)unlinkat(f->temp_fd, t->rel[n], 0);
            (void)unlinkat(f->temp_fd, new_names[k], AT_REMOVEDIR);
        }
        for (size_t k = 0; k < o->nfolders; k++)
            remove_private_by_names(&o->folders[k]);
    }
}

static char *dup_text(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* "A/B" + "/" + "C", malloc'ed. */
static char *join(const char *a, const char *b, const char *c)
{
    size_t na = strlen(a), nb = strlen(b), nc = strlen(c);
    char *s = malloc(na + nb + nc + 1);
    if (s) {
        memcpy(s, a, na);
        memcpy(s + na, b, nb);
        memcpy(s + na + nb, c, nc + 1);
    }
    return s;
}

/* What a target that is not a regular file is, in a reader's words. */
static const char *kind_of(mode_t mode)
{
    if (S_ISLNK(mode))
        return "a symbolic link";
    if (S_ISDIR(mode))
        return "a folder";
    if (S_ISFIFO(mode))
        return "a named pipe (FIFO)";
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return "a device";
    if (S_ISSOCK(mode))
        return "a socket";
    return "not a regular file";
}

/* A folder report is replaced as a whole: only a folder that holds
 * nothing but regular files (the reports of an earlier run) is. */
static pc_status check_folder_report(const pc_output *o, const target *t, pc_diags *diags)
{
    int fd =
        openat(o->folders[t->folder].fd, t->base, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        pc_error(diags, t->path, 0, 0, "write_failed", "could not write '%s': %s", t->path,
                 strerror(errno));
        if (fd >= 0)
            close(fd);
        return PC_ERR_WRITE;
    }
    struct dirent *e;
    pc_status st = PC_OK;
    while (!st && (e = readdir(d)) != NULL) {
        struct stat es;
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (fstatat(dirfd(d), e->d_name, &es, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(es.st_mode)) {
            pc_error(diags, t->path, 0, 0, "not_a_report_folder",
                     "could not write '%s': it holds '%s', which is not a file paycalc writes "
                     "there; paycalc replaces the folder only when it holds nothing but files, "
                     "and left it as it is",
                     t->path, e->d_name);
            st = PC_ERR_WRITE;
        }
    }
    closedir(d);
    return st;
}

/* Checks what is at a target now: nothing, or a regular file (whose mode
 * goes to *mode, with *exists set). Anything else is an error. */
static pc_status check_target(const pc_output *o, const target *t, bool *exists, mode_t *mode,
                              pc_diags *diags)
{
    *exists = false;
    *mode = 0;
    struct stat st;
    if (fstatat(o->folders[t->folder].fd, t->base, &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT)
            return PC_OK;
        pc_error(diags, t->path, 0, 0, "write_failed", "could not write '%s': %s", t->path,
                 strerror(errno));
        return PC_ERR_WRITE;
    }
    if (t->is_folder && S_ISDIR(st.st_mode)) {
        pc_status held = check_folder_report(o, t, diags);
        if (held)
            return held;
        *exists = true;
        *mode = st.st_mode & 0777;
        return PC_OK;
    }
    if (!S_ISREG(st.st_mode) || t->is_folder) {
        pc_error(diags, t->path, 0, 0, t->is_folder ? "not_a_folder" : "not_a_regular_file",
                 "could not write '%s': it is %s; paycalc replaces only a %s and left it as it "
                 "is",
                 t->path, kind_of(st.st_mode), t->is_folder ? "folder of files" : "regular file");
        return PC_ERR_WRITE;
    }
    *exists = true;
    *mode = st.st_mode & 0777;
    return PC_OK;
}

/* Opens the folder of `path` (or finds it among those already open) and
 * fills in target `i`. */
static pc_status add_target(pc_output *o, size_t i, const char *path, pc_diags *diags)
{
    target *t = &o->targets[i];
    t->fd = -1;
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    if (!*path || !*base || !strcmp(base, ".") || !strcmp(base, "..")) {
        pc_error(diags, path, 0, 0, "write_failed",
                 "could not write '%s': the path names a folder, not a file", path);
        return PC_ERR_WRITE;
    }
    t->path = dup_text(path, strlen(path));
    t->base = dup_text(base, strlen(base));
    char *dir = slash == path ? dup_text("/", 1)
                : slash       ? dup_text(path, (size_t)(slash - path))
                              : dup_text(".", 1);
    if (!t->path || !t->base || !dir) {
        free(dir);
        return PC_ERR_NOMEM;
    }
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        pc_error(diags, path, 0, 0, "write_failed", "could not write '%s': folder '%s': %s", path,
                 dir, strerror(errno));
        if (fd >= 0)
            close(fd);
        free(dir);
        return PC_ERR_WRITE;
    }
    for (size_t k = 0; k < o->nfolders; k++) {
        if (o->folders[k].dev == st.st_dev && o->folders[k].ino == st.st_ino) {
            close(fd);
            free(dir);
            t->folder = k;
            return PC_OK;
        }
    }
    folder *f = &o->folders[o->nfolders];
    *f = (folder){.path = dir,
                  .fd = fd,
                  .dev = st.st_dev,
                  .ino = st.st_ino,
                  .lock_fd = -1,
                  .temp = NULL,
                  .temp_fd = -1};
    t->folder = o->nfolders++;
    return PC_OK;
}

/* Two targets naming one file: the same name in the same folder, or two
 * names of one existing file. */
static pc_status check_distinct(const pc_output *o, pc_diags *diags)
{
    for (size_t i = 0; i < o->ntargets; i++) {
        const target *a = &o->targets[i];
        struct stat sa;
        bool a_exists = fstatat(o->folders[a->folder].fd, a->base, &sa, 0) == 0;
        for (size_t k = 0; k < i; k++) {
            const target *b = &o->targets[k];
            struct stat sb;
            bool same = a->folder == b->folder && !strcmp(a->base, b->base);
            if (!same && a_exists && fstatat(o->folders[b->folder].fd, b->base, &sb, 0) == 0)
                same = sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
            if (same) {
                pc_error(diags, a->path, 0, 0, "same_output",
                         "'%s' and '%s' name the same file; each report needs its own", b->path,
                         a->path);
                return PC_ERR_USAGE;
            }
        }
    }
    return PC_OK;
}

/* Folders are locked in the order of their identity, so two runs writing
 * into the same two folders cannot each hold one and wait for the other. */
static void lock_order(const pc_output *o, size_t order[PC_OUTPUT_MAX])
{
    for (size_t i = 0; i < o->nfolders; i++)
        order[i] = i;
    for (size_t i = 1; i < o->nfolders; i++) {
        for (size_t k = i; k > 0; k--) {
            const folder *a = &o->folders[order[k - 1]], *b = &o->folders[order[k]];
            if (a->dev < b->dev || (a->dev == b->dev && a->ino <= b->ino))
                break;
            size_t x = order[k - 1];
            order[k - 1] = order[k];
            order[k] = x;
        }
    }
}

static pc_status lock_one(folder *f, pc_diags *diags)
{
    if (f->lock_fd < 0) {
        f->lock_fd = openat(f->fd, PC_OUTPUT_LOCK_NAME,
                            O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
        struct stat st;
        if (f->lock_fd < 0 && (errno == EACCES || errno == EPERM || errno == EROFS ||
                               errno == ENOSPC || errno == EDQUOT)) {
            /* The folder cannot be written (no permission, a read-only
             * file system): say so, not something about the lock. */
            pc_error(diags, f->path, 0, 0, "write_failed",
                     "cannot write into the output folder '%s': %s", f->path, strerror(errno));
            return PC_ERR_WRITE;
        }
        if (f->lock_fd >= 0 && (fstat(f->lock_fd, &st) != 0 || !S_ISREG(st.st_mode))) {
            close(f->lock_fd);
            f->lock_fd = -1;
            errno = EINVAL;
        }
        if (f->lock_fd < 0) {
            pc_error(diags, f->path, 0, 0, "write_failed",
                     "could not lock the output folder '%s' (%s/%s must be a regular file): %s",
                     f->path, f->path, PC_OUTPUT_LOCK_NAME, strerror(errno));
            return PC_ERR_WRITE;
        }
    }
    while (flock(f->lock_fd, LOCK_EX) != 0) {
        if (errno != EINTR) {
            pc_error(diags, f->path, 0, 0, "write_failed",
                     "could not lock the output folder '%s': %s", f->path, strerror(errno));
            return PC_ERR_WRITE;
        }
    }
    return PC_OK;
}

static void unlock_all(pc_output *o)
{
    for (size_t i = 0; i < o->nfolders; i++)
        if (o->folders[i].lock_fd >= 0)
            (void)flock(o->folders[i].lock_fd, LOCK_UN);
}

static pc_status lock_all(pc_output *o, pc_diags *diags)
{
    size_t order[PC_OUTPUT_MAX];
    lock_order(o, order);
    for (size_t i = 0; i < o->nfolders; i++) {
        pc_status st = lock_one(&o->folders[order[i]], diags);
        if (st) {
            unlock_all(o);
            return st;
        }
    }
    return PC_OK;
}

/* A listing of the folder open as `dir_fd`, from its first entry, on a
 * descriptor of its own (closedir closes that one, not dir_fd); NULL when
 * it cannot be read. */
static DIR *list_folder(int dir_fd)
{
    int fd = dup(dir_fd);
    DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
    if (!d) {
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    rewinddir(d);
    return d;
}

/* Removes every entry of a private folder (only files are ever made there). */
static void empty_folder(int dir_fd)
{
    DIR *d = list_folder(dir_fd);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
            continue;
        if (unlinkat(dir_fd, e->d_name, 0) == 0 || (errno != EISDIR && errno != EPERM))
            continue;
        /* A folder report (or the one it replaced): files only, one level. */
        int sub = openat(dir_fd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (sub >= 0) {
            DIR *s = list_folder(sub);
            struct dirent *f;
            while (s && (f = readdir(s)) != NULL)
                if (strcmp(f->d_name, ".") && strcmp(f->d_name, ".."))
                    (void)unlinkat(sub, f->d_name, 0);
            if (s)
                closedir(s);
            close(sub);
        }
        (void)unlinkat(dir_fd, e->d_name, AT_REMOVEDIR);
    }
    closedir(d);
}

/* Removes the private folders of runs that were killed: a live run holds a
 * lock on its private folder, a dead one no longer does. Called with the
 * folder lock held, so no run is between making its folder and locking it. */
static void sweep_stale(const folder *f)
{
    DIR *d = list_folder(f->fd);
    if (!d)
        return;
    struct dirent *e;
    size_t prefix = strlen(PC_OUTPUT_TEMP_PREFIX);
    while ((e = readdir(d)) != NULL) {
        if (strncmp(e->d_name, PC_OUTPUT_TEMP_PREFIX, prefix) != 0)
            continue;
        int t = openat(f->fd, e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (t < 0)
            continue;
        if (flock(t, LOCK_EX | LOCK_NB) == 0) {
            empty_folder(t);
            (void)unlinkat(f->fd, e->d_name, AT_REMOVEDIR);
        }
        close(t);
    }
    closedir(d);
}

/* Makes the private folder of `f` (mode 0700) and holds a lock on it for
 * as long as this output lives. */
static pc_status make_private(folder *f, pc_diags *diags)
{
    char *templ = join(f->path, "/", PC_OUTPUT_TEMP_PREFIX "XXXXXX");
    if (!templ)
        return PC_ERR_NOMEM;
    if (!mkdtemp(templ)) {
        pc_error(diags, f->path, 0, 0, "write_failed",
                 "could not make a temporary folder in '%s': %s", f->path, strerror(errno));
        free(templ);
        return PC_ERR_WRITE;
    }
    const char *name = strrchr(templ, '/') + 1;
    f->temp = dup_text(name, strlen(name));
    if (!f->temp) {
        (void)rmdir(templ);
        free(templ);
        return PC_ERR_NOMEM;
    }
    f->temp_fd = openat(f->fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    free(templ);
    struct stat st;
    if (!f->temp || f->temp_fd < 0 || fstat(f->temp_fd, &st) != 0 || st.st_uid != geteuid() ||
        (st.st_mode & 0777) != 0700 || flock(f->temp_fd, LOCK_EX | LOCK_NB) != 0) {
        pc_error(diags, f->path, 0, 0, "write_failed",
                 "could not make a private temporary folder in '%s'", f->path);
        return PC_ERR_WRITE;
    }
    return PC_OK;
}

/* The name libxlsxwriter gets: through /proc/self/fd when the system has
 * it, so the name resolves through our own descriptor of the private folder
 * and no change to the folders above can redirect it. */
static char *temp_path_for(const folder *f, size_t i)
{
    int n = snprintf(NULL, 0, "/proc/self/fd/%d", f->temp_fd);
    char *via_fd = n > 0 ? malloc((size_t)n + 1) : NULL;
    if (via_fd) {
        snprintf(via_fd, (size_t)n + 1, "/proc/self/fd/%d", f->temp_fd);
        struct stat a, b;
        bool same = stat(via_fd, &a) == 0 && fstat(f->temp_fd, &b) == 0 && a.st_dev == b.st_dev &&
                    a.st_ino == b.st_ino;
        char *path = same ? join(via_fd, "/", new_names[i]) : NULL;
        free(via_fd);
        if (path)
            return path;
    }
    char *dir = join(f->path, "/", f->temp);
    char *path = dir ? join(dir, "/", new_names[i]) : NULL;
    free(dir);
    return path;
}

pc_status pc_output_open(pc_output **out, const char *const *paths, size_t count, pc_diags *diags)
{
    return pc_output_open_set(out, paths, NULL, count, diags);
}

/* The new folder of a folder target, inside the private folder, with the
 * mode the umask gives. */
static pc_status make_folder_report(pc_output *o, size_t i, pc_diags *diags)
{
    target *t = &o->targets[i];
    const folder *f = &o->folders[t->folder];
    if (mkdirat(f->temp_fd, new_names[i], 0777) == 0)
        t->dir_fd =
            openat(f->temp_fd, new_names[i], O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (t->dir_fd < 0) {
        pc_error(diags, t->path, 0, 0, "write_failed", "could not write '%s': %s", t->path,
                 strerror(errno));
        return PC_ERR_WRITE;
    }
    return PC_OK;
}

pc_status pc_output_open_set(pc_output **out, const char *const *paths, const bool *folders,
                             size_t count, pc_diags *diags)
{
    *out = NULL;
    if (!paths || count == 0 || count > PC_OUTPUT_MAX) {
        pc_error(diags, NULL, 0, 0, "write_failed", "between 1 and %d reports can be written",
                 PC_OUTPUT_MAX);
        return PC_ERR_USAGE;
    }
    pc_output *o = calloc(1, sizeof *o);
    if (!o)
        return PC_ERR_NOMEM;
    pc_status st = PC_OK;
    for (size_t i = 0; i < count; i++) {
        o->targets[i].dir_fd = -1;
        o->targets[i].is_folder = folders && folders[i];
        for (size_t n = 0; n < PC_OUTPUT_FOLDER_FILES; n++)
            o->targets[i].file_fd[n] = -1;
    }
    for (size_t i = 0; i < count && !st; i++) {
        st = add_target(o, i, paths[i] ? paths[i] : "", diags);
        o->ntargets = i + 1;
    }
    if (!st)
        st = check_distinct(o, diags);
    for (size_t i = 0; i < o->ntargets && !st; i++) {
        bool exists;
        mode_t mode;
        st = check_target(o, &o->targets[i], &exists, &mode, diags);
    }
    if (!st)
        st = lock_all(o, diags);
    if (st) {
        pc_output_free(o);
        return st;
    }
    /* From the first private folder made until the signal cleanup knows of
     * it, an interrupt waits. */
    sigset_t saved;
    hold_signals(&saved);
    for (size_t i = 0; i < o->nfolders && !st; i++) {
        sweep_stale(&o->folders[i]);
        st = make_private(&o->folders[i], diags);
    }
    unlock_all(o);
    for (size_t i = 0; i < o->ntargets && !st; i++) {
        target *t = &o->targets[i];
        t->temp_path = temp_path_for(&o->folders[t->folder], i);
        if (!t->temp_path)
            st = PC_ERR_NOMEM;
        else if (t->is_folder)
            st = make_folder_report(o, i, diags);
    }
    if (st)
        pc_output_free(o);
    else
        register_output(o);
    release_signals(&saved);
    *out = st ? NULL : o;
    return st;
}

pc_status pc_output_create(pc_output *o, size_t index, int *fd, pc_diags *diags)
{
    *fd = -1;
    if (!o || index >= o->ntargets)
        return PC_ERR_USAGE;
    target *t = &o->targets[index];
    const folder *f = &o->folders[t->folder];
    if (t->is_folder)
        return PC_ERR_USAGE;
    if (t->fd < 0)
        t->fd = openat(f->temp_fd, new_names[index],
                       O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (t->fd < 0) {
        pc_error(diags, t->path, 0, 0, "write_failed",
                 "could not write '%s': cannot create its temporary file: %s", t->path,
                 strerror(errno));
        return PC_ERR_WRITE;
    }
    *fd = t->fd;
    return PC_OK;
}

pc_status pc_output_create_in(pc_output *o, size_t index, const char *name, int *fd,
                              pc_diags *diags)
{
    *fd = -1;
    if (!o || index >= o->ntargets || !o->targets[index].is_folder || !name || !*name ||
        strchr(name, '/') || !strcmp(name, ".") || !strcmp(name, ".."))
        return PC_ERR_USAGE;
    target *t = &o->targets[index];
    if (t->nfiles == PC_OUTPUT_FOLDER_FILES) {
        pc_error(diags, t->path, 0, 0, "write_failed",
                 "could not write '%s': at most %d files go into one folder report", t->path,
                 PC_OUTPUT_FOLDER_FILES);
        return PC_ERR_WRITE;
    }
    char *rel = join(new_names[index], "/", name);
    if (!rel)
        return PC_ERR_NOMEM;
    /* Known to the signal cleanup before the file exists. */
    sigset_t saved;
    hold_signals(&saved);
    size_t n = t->nfiles++;
    t->rel[n] = rel;
    t->file_fd[n] =
        openat(t->dir_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    release_signals(&saved);
    if (t->file_fd[n] < 0) {
        pc_error(diags, t->path, 0, 0, "write_failed",
                 "could not write '%s/%s': cannot create its temporary file: %s", t->path, name,
                 strerror(errno));
        return PC_ERR_WRITE;
    }
    *fd = t->file_fd[n];
    return PC_OK;
}

const char *pc_output_temp_path(const pc_output *o, size_t index)
{
    return o && index < o->ntargets ? o->targets[index].temp_path : NULL;
}

/* Flushes the temporary file of target `i` and gives it `mode` (when the
 * report it replaces has one). */
static pc_status finish_temp(pc_output *o, size_t i, bool keep_mode, mode_t mode, pc_diags *diags)
{
    target *t = &o->targets[i];
    if (t->is_folder) {
        bool ok = t->dir_fd >= 0;
        int saved = ok ? 0 : EBADF;
        for (size_t n = 0; n < t->nfiles; n++) {
            if (t->file_fd[n] < 0)
                continue;
            if (ok && fsync(t->file_fd[n]) != 0) {
                ok = false;
                saved = errno;
            }
            if (close(t->file_fd[n]) != 0 && ok) {
                ok = false;
                saved = errno;
            }
            t->file_fd[n] = -1;
        }
        if (ok && ((keep_mode && fchmod(t->dir_fd, mode) != 0) || fsync(t->dir_fd) != 0)) {
            ok = false;
            saved = errno;
        }
        if (!ok) {
            pc_error(diags, t->path, 0, 0, "write_failed", "could not write '%s': %s", t->path,
                     strerror(saved));
            return PC_ERR_WRITE;
        }
        return PC_OK;
    }
    int fd = t->fd;
    if (fd < 0)
        fd = openat(o->folders[t->folder].temp_fd, new_names[i], O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    bool ok = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
              (!keep_mode || fchmod(fd, mode) == 0) && fsync(fd) == 0;
    int saved = errno;
    if (fd >= 0 && close(fd) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    t->fd = -1;
    if (!ok) {
        pc_error(diags, t->path, 0, 0, "write_failed", "could not write '%s': %s", t->path,
                 strerror(saved));
        return PC_ERR_WRITE;
    }
    return PC_OK;
}

/* Puts back the reports replaced by the first `done` renames. */
static void undo_renames(pc_output *o, size_t done)
{
    for (size_t i = done; i-- > 0;) {
        target *t = &o->targets[i];
        const folder *f = &o->folders[t->folder];
        if (t->is_folder && t->exchanged) {
            (void)renameat2(f->temp_fd, new_names[i], f->fd, t->base, RENAME_EXCHANGE);
        } else if (t->is_folder) {
            (void)renameat(f->fd, t->base, f->temp_fd, new_names[i]);
            if (t->saved_old)
                (void)renameat(f->temp_fd, old_names[i], f->fd, t->base);
        } else if (t->saved_old) {
            (void)renameat(f->temp_fd, old_names[i], f->fd, t->base);
        } else {
            (void)unlinkat(f->fd, t->base, 0);
        }
    }
}

/* Puts report `i` in place: a file by rename; a folder that replaces one
 * by swapping the two in one step (the replaced one is left in the private
 * folder), or where the file system cannot swap, by moving the old one
 * aside first. 0 or -1 with errno. */
static int rename_one(pc_output *o, size_t i, bool exists)
{
    target *t = &o->targets[i];
    const folder *f = &o->folders[t->folder];
    if (!t->is_folder || !exists)
        return renameat(f->temp_fd, new_names[i], f->fd, t->base);
    if (renameat2(f->temp_fd, new_names[i], f->fd, t->base, RENAME_EXCHANGE) == 0) {
        t->exchanged = true;
        return 0;
    }
    if (errno != EINVAL && errno != ENOSYS)
        return -1;
    if (renameat(f->fd, t->base, f->temp_fd, old_names[i]) != 0)
        return -1;
    t->saved_old = true;
    return renameat(f->temp_fd, new_names[i], f->fd, t->base);
}

/* The renames themselves, with the folder locks held. */
static pc_status rename_all(pc_output *o, pc_diags *diags)
{
    bool exists[PC_OUTPUT_MAX];
    mode_t mode[PC_OUTPUT_MAX];
    for (size_t i = 0; i < o->ntargets; i++) {
        pc_status st = check_target(o, &o->targets[i], &exists[i], &mode[i], diags);
        if (!st)
            st = finish_temp(o, i, exists[i], mode[i], diags);
        if (st)
            return st;
    }
    for (size_t i = 0; i < o->ntargets; i++) {
        target *t = &o->targets[i];
        const folder *f = &o->folders[t->folder];
        t->saved_old =
            !t->is_folder && exists[i] && linkat(f->fd, t->base, f->temp_fd, old_names[i], 0) == 0;
    }
    for (size_t i = 0; i < o->ntargets; i++) {
        target *t = &o->targets[i];
        const folder *f = &o->folders[t->folder];
        if (rename_one(o, i, exists[i]) != 0) {
            pc_error(diags, t->path, 0, 0, "write_failed", "could not write '%s': %s", t->path,
                     strerror(errno));
            if (t->is_folder && t->saved_old) /* moved aside, the new one not in place */
                (void)renameat(f->temp_fd, old_names[i], f->fd, t->base);
            undo_renames(o, i);
            return PC_ERR_WRITE;
        }
    }
    for (size_t i = 0; i < o->nfolders; i++)
        (void)fsync(o->folders[i].fd); /* best effort: the renames have happened */
    return PC_OK;
}

pc_status pc_output_commit(pc_output *o, pc_diags *diags)
{
    if (!o)
        return PC_ERR_USAGE;
    pc_status st = lock_all(o, diags);
    if (st)
        return st;
    /* Held back while the pair changes: an interrupt then gives the new
     * pair (and the handler's cleanup right after), never half of it. */
    sigset_t saved;
    hold_signals(&saved);
    st = rename_all(o, diags);
    release_signals(&saved);
    unlock_all(o);
    return st;
}

void pc_output_free(pc_output *o)
{
    if (!o)
        return;
    sigset_t saved;
    hold_signals(&saved);
    unregister_output(o);
    for (size_t i = 0; i < o->ntargets; i++) {
        target *t = &o->targets[i];
        if (t->fd >= 0)
            close(t->fd);
        for (size_t n = 0; n < t->nfiles; n++) {
            if (t->file_fd[n] >= 0)
                close(t->file_fd[n]);
            free(t->rel[n]);
        }
        if (t->dir_fd >= 0)
            close(t->dir_fd);
        free(t->path);
        free(t->base);
        free(t->temp_path);
    }
    for (size_t i = 0; i < o->nfolders; i++) {
        folder *f = &o->folders[i];
        if (f->temp_fd >= 0) {
            empty_folder(f->temp_fd);
            close(f->temp_fd);
        }
        if (f->temp)
            (void)unlinkat(f->fd, f->temp, AT_REMOVEDIR);
        if (f->lock_fd >= 0)
            close(f->lock_fd);
        close(f->fd);
        free(f->path);
        free(f->temp);
    }
    free(o);
    release_signals(&saved);
}

pc_status pc_output_write(pc_output *out, size_t index, const void *data, size_t size,
                          pc_diags *diags)
{
    int fd = -1;
    pc_status st = pc_output_create(out, index, &fd, diags);
    const char *p = data;
    while (!st && size > 0) {
        ssize_t w = write(fd, p, size);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            const char *path = out->targets[index].path;
            pc_error(diags, path, 0, 0, "write_failed", "could not write '%s': %s", path,
                     w < 0 ? strerror(errno) : "no space written");
            st = PC_ERR_WRITE;
            break;
        }
        p += w;
        size -= (size_t)w;
    }
    return st;
}

pc_status pc_write_file_atomic(const char *path, const void *data, size_t size, pc_diags *diags)
{
    pc_output *out;
    pc_status st = pc_output_open(&out, &path, 1, diags);
    if (!st)
        st = pc_output_write(out, 0, data, size, diags);
    if (!st)
        st = pc_output_commit(out, diags);
    pc_output_free(out);
    return st;
}
