/*
 * Atomic output of a pair of reports (SPEC section 14, include/paycalc/output.h):
 * what is replaced and what is refused, modes, the private temporary folder,
 * undoing, and the cleanup a signal handler calls.
 */
#define _DEFAULT_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "paycalc/output.h"
#include "support.h"

/* Diagnostics of calls expected to succeed (reported by the assertions). */
static pc_diags junk;

static char *path_in(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    cr_assert_not_null(p);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* Entries of a folder whose names start with `prefix`. */
static int count_prefixed(const char *dir, const char *prefix)
{
    DIR *d = opendir(dir);
    cr_assert_not_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += strncmp(e->d_name, prefix, strlen(prefix)) == 0;
    closedir(d);
    return n;
}

static void write_fd(int fd, const char *text)
{
    size_t n = strlen(text);
    cr_assert_eq(write(fd, text, n), (ssize_t)n);
}

/* Writes "json" through a descriptor and "xlsx" by name, as the two writers do. */
static pc_status write_pair(pc_output *out, const char *json, const char *xlsx)
{
    pc_diags d;
    pc_diags_init(&d);
    int fd;
    pc_status st = pc_output_create(out, 0, &fd, &d);
    cr_assert_eq(st, PC_OK);
    write_fd(fd, json);
    FILE *f = fopen(pc_output_temp_path(out, 1), "wb");
    cr_assert_not_null(f, "%s: %s", pc_output_temp_path(out, 1), strerror(errno));
    fputs(xlsx, f);
    fclose(f);
    st = pc_output_commit(out, &d);
    pc_diags_fini(&d);
    return st;
}

static void assert_text(const char *path, const char *want)
{
    char *got = read_file(path, NULL);
    cr_assert_not_null(got, "%s missing", path);
    cr_assert_str_eq(got, want, "%s", path);
    free(got);
}

Test(output, commits_both_reports_and_leaves_no_temporary_folder)
{
    char *dir = make_temp_dir();
    char *json = path_in(dir, "report.json"), *xlsx = path_in(dir, "report.xlsx");
    const char *paths[] = {json, xlsx};
    pc_diags d;
    pc_diags_init(&d);
    pc_output *out;
    cr_assert_eq(pc_output_open(&out, paths, 2, &d), PC_OK);
    cr_assert_eq(count_prefixed(dir, PC_OUTPUT_TEMP_PREFIX), 1, "one private folder");
    cr_assert_eq(write_pair(out, "J1", "X1"), PC_OK);
    pc_output_free(out);
    assert_text(json, "J1");
    assert_text(xlsx, "X1");
    cr_assert_eq(count_prefixed(dir, PC_OUTPUT_TEMP_PREFIX), 0, "private folder removed");
    cr_assert_eq(count_entries(dir), 2, "the two reports");
    char *lock = path_in(dir, PC_OUTPUT_LOCK_NAME);
    cr_assert_eq(access(lock, F_OK), 0, "the lock file stays");
    free(lock);
    pc_diags_fini(&d);
    remove_dir(dir);
    free(json);
    free(xlsx);
    free(dir);
}

Test(output, an_output_not_committed_leaves_the_earlier_pair)
{
    char *dir = make_temp_dir();
    char *json = path_in(dir, "report.json"), *xlsx = path_in(dir, "report.xlsx");
    write_text(json, "old json");
    write_text(xlsx, "old xlsx");
    const char *paths[] = {json, xlsx};
    pc_diags d;
    pc_diags_init(&d);
    pc_output *out;
    cr_assert_eq(pc_output_open(&out, paths, 2, &d), PC_OK);
    int fd;
    cr_assert_eq(pc_output_create(out, 0, &fd, &d), PC_OK);
    write_fd(fd, "new json");
    pc_output_free(out); /* the workbook failed: no commit */
    assert_text(json, "old json");
    assert_text(xlsx, "old xlsx");
    cr_assert_eq(count_prefixed(dir, PC_OUTPUT_TEMP_PREFIX), 0);
    pc_diags_fini(&d);
    remove_dir(dir);
    free(json);
    free(xlsx);
    free(dir);
}

Test(output, commit_fails_when_a_report_was_never_written)
{
    char *dir = make_temp_dir();
    char *json = path_in(dir, "report.json"), *xlsx = path_in(dir, "report.xlsx");
    write_text(json, "old json");
    const char *paths[] = {json, xlsx};
    pc_diags d;
    pc_diags_init(&d);
    pc_output *out;
    cr_assert_eq(pc_output_open(&out, paths, 2, &d), PC_OK);
    int fd;
    cr_assert_eq(pc_output_create(out, 0, &fd, &d), PC_OK);
    write_fd(fd, "new json");
    cr_assert_eq(pc_output_commit(out, &d), PC_ERR_WRITE, "the workbook is missing");
    pc_output_free(out);
    assert_text(json, "old json");
    cr_assert_eq(access(xlsx, F_OK), -1);
    pc_diags_fini(&d);
    remove_dir(dir);
    free(json);
    free(xlsx);
    free(dir);
}

Test(output, a_replaced_report_keeps_its_mode)
{
    char *dir = make_temp_dir();
    char *json = path_in(dir, "report.json"), *xlsx = path_in(dir, "report.xlsx");
    write_text(json, "old");
    cr_assert_eq(chmod(json, 0640), 0);
    const char *paths[] = {json, xlsx};
    mode_t saved = umask(022);
    pc_output *out;
    cr_assert_eq(pc_output_open(&out, paths, 2, &junk), PC_OK);
    cr_assert_eq(write_pair(out, "J", "X"), PC_OK);
    pc_output_free(out);
    umask(saved);
    struct stat st;
    cr_assert_eq(stat(json, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0640, "replaced report: mode %o", st.st_mode & 0777);
    cr_assert_eq(stat(xlsx, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0644, "new report under umask 022: mode %o", st.st_mode & 0777);
    remove_dir(dir);
    free(json);
    free(xlsx);
    free(dir);
}

Test(output, new_reports_follow_the_umask)
{
    char *dir = make_temp_dir();
    char *json = path_in(dir, "report.json"), *xlsx = path_in(dir, "report.xlsx");
    const char *paths[] = {json, xlsx};
    mode_t saved = umask(077);
    pc_output *out;
    cr_assert_eq(pc_output_open(&out, paths, 2, &junk), PC_OK);
    cr_assert_eq(write_pair(out, "J", "X"), PC_OK);
    pc_output_free(out);
    umask(saved);
    struct stat st;
    cr_assert_eq(stat(json, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0600, "json mode %o", st.st_mode & 0777);
    cr_assert_eq(stat(xlsx, &st), 0);
    cr_assert_eq(st.st_mode & 0777, 0600, "xlsx mode %o", st.st_mode & 0777);
    remove_dir(dir);
    free(json);
    free(xlsx);
    free(dir);
}

/* What opening an output on `target` says; the target must stay as it was. */
static void assert_refused(const char *target, const char *kind)
{
    char *dir = make_temp_dir();
    char *json = path_in(dir, "report.json");
    const char *paths[] = {json, target};
    pc_diags d;
    pc_diags_init(&d);
    pc_output *out = (pc_output *)1;
    cr_assert_eq(pc_output_open(&out, paths, 2, &d), PC_ERR_WRITE, "%s accepted", target);
    cr_assert_null(out, "output parameter cleared on failure");
    cr_assert_eq(d.count, 1);
    cr_assert_not_null(strstr(d.items[0].message, kind), "%s", d.items[0].message);
    cr_assert_not_null(strstr(d.items[0].message, "left it as it is"), "%s", d.items[0].message);
    cr_assert_eq(count_entries(dir), 0, "nothing made in the json's folder");
    pc_diags_fini(&d);
    remove_dir(dir);
    free(json);
    free(dir);
}

Test(output, refuses_a_device_a_fifo_a_folder_and_a_symlink_and_leaves_them)
{
    char *dir = make_temp_dir();
    /* A device of our own, never the system's /dev/null. */
    char *device = path_in(dir, "device");
    struct stat st;
    if (mknod(device, S_IFCHR | 0666, makedev(1, 3)) == 0) {
        assert_refused(device, "a device");
        cr_assert_eq(lstat(device, &st), 0);
        cr_assert(S_ISCHR(st.st_mode), "the device is still a device");
    }
    free(device);

    char *fifo = path_in(dir, "pipe.xlsx"), *sub = path_in(dir, "sub.xlsx");
    char *link = path_in(dir, "link.xlsx"), *victim = path_in(dir, "victim");
    cr_assert_eq(mkfifo(fifo, 0644), 0);
    cr_assert_eq(mkdir(sub, 0755), 0);
    write_text(victim, "precious");
    cr_assert_eq(symlink(victim, link), 0);
    assert_refused(fifo, "a named pipe (FIFO)");
    assert_refused(sub, "a folder");
    assert_refused(link, "a symbolic link");
    cr_assert_eq(lstat(fifo, &st), 0);
    cr_assert(S_ISFIFO(st.st_mode));
    cr_assert_eq(lstat(link, &st), 0);
    cr_assert(S_ISLNK(st.st_mode));
    assert_text(victim, "precious");
    cr_assert_eq(count_prefixed(dir, ".paycalc"), 0, "no lock or temporary folder where refused");
    remove_dir(dir);
    free(fifo);
    free(sub);
    free(link);
    free(victim);
    free(dir);
}

Test(output, a_target_that_becomes_a_symlink_before_the_commit_is_left_alone)
{
    char *dir = make_temp_dir();
    char *json = path_in(dir, "report.json"), *xlsx = path_in(dir, "report.xlsx");
    char *victim = path_in(dir, "victim");
    write_text(json, "old json");
    write_text(victim, "precious");
    const char *paths[] = {json, xlsx};
    pc_diags d;
    pc_diags_init(&d);
    pc_output *out;
    cr_assert_eq(pc_output_open(&out, paths, 2, &d), PC_OK);
    cr_assert_eq(symlink(victim, xlsx), 0);
    cr_assert_eq(write_pair(out, "J", "X"), PC_ERR_WRITE);
    pc_output_free(out);
    assert_text(json, "old json");
    assert_text(victim, "precious");
    struct stat st;
    cr_assert_eq(lstat(xlsx, &st), 0);
    cr_assert(S_ISLNK(st.st_mode));
    cr_assert_eq(count_prefixed(dir, PC_OUTPUT_TEMP_PREFIX), 0);
    pc_diags_fini(&d);
    remove_dir(dir);
    free(json);
    free(xlsx);
    free(victim);
    free(dir);
}

Test(output, two_paths_naming_one_file_are_a_usage_error)
{
    char *dir = make_temp_dir();
    char *json = path_in(dir, "r");
    char *alias = path_in(dir, "./r");
    char *hard = path_in(dir, "h");
    write_text(json, "old");
    cr_assert_eq(link(json, hard), 0);
    const char *same[] = {json, json};
    const char *dotted[] = {json, alias};
    const char *linked[] = {json, hard};
    const char *const *cases[] = {same, dotted, linked};
    for (size_t i = 0; i < 3; i++) {
        pc_diags d;
        pc_diags_init(&d);
        pc_output *out;
        cr_assert_eq(pc_output_open(&out, cases[i], 2, &d), PC_ERR_USAGE, "case %zu", i);
        cr_assert_null(out);
        cr_assert_not_null(strstr(d.items[0].message, "name the same file"));
        pc_diags_fini(&d);
    }
    assert_text(json, "old");
    remove_dir(dir);
    free(json);
    free(alias);
    free(hard);
    free(dir);
}

Test(output, the_workbook_name_resolves_inside_the_private_folder)
{
    char *dir = make_temp_dir();
    char *json = path_in(dir, "report.json"), *xlsx = path_in(dir, "report.xlsx");
    const char *paths[] = {json, xlsx};
    pc_output *out;
    cr_assert_eq(pc_output_open(&out, paths, 2, &junk), PC_OK);
    const char *temp = pc_output_temp_path(out, 1);
    FILE *f = fopen(temp, "wb");
    cr_assert_not_null(f);
    fclose(f);
    /* The file made by name is in the private folder, nowhere else. */
    DIR *d = opendir(dir);
    struct dirent *e;
    int found = 0;
    while ((e = readdir(d))) {
        if (strncmp(e->d_name, PC_OUTPUT_TEMP_PREFIX, strlen(PC_OUTPUT_TEMP_PREFIX)))
            continue;
        char *priv = path_in(dir, e->d_name);
        struct stat st;
        cr_assert_eq(stat(priv, &st), 0);
        cr_assert_eq(st.st_mode & 0777, 0700, "private folder mode %o", st.st_mode & 0777);
        char *file = path_in(priv, "new-1");
        found += access(file, F_OK) == 0;
        free(file);
        free(priv);
    }
    closedir(d);
    cr_assert_eq(found, 1);
    pc_output_free(out);
    remove_dir(dir);
    free(json);
    free(xlsx);
    free(dir);
}

Test(output, the_next_output_removes_a_killed_runs_private_folder_but_not_a_live_one)
{
    char *dir = make_temp_dir();
    char *json = path_in(dir, "report.json"), *xlsx = path_in(dir, "report.xlsx");
    char *dead = path_in(dir, PC_OUTPUT_TEMP_PREFIX "dead00");
    char *live = path_in(dir, PC_OUTPUT_TEMP_PREFIX "live00");
    cr_assert_eq(mkdir(dead, 0700), 0);
    cr_assert_eq(mkdir(live, 0700), 0);
    char *leftover = path_in(dead, "new-1");
    write_text(leftover, "half a workbook");
    int live_fd = open(live, O_RDONLY | O_DIRECTORY);
    cr_assert_eq(flock(live_fd, LOCK_EX), 0, "another run, still running");
    const char *paths[] = {json, xlsx};
    pc_output *out;
    cr_assert_eq(pc_output_open(&out, paths, 2, &junk), PC_OK);
    cr_assert_eq(access(dead, F_OK), -1, "the killed run's folder is gone");
    cr_assert_eq(access(live, F_OK), 0, "the live run's folder stays");
    pc_output_free(out);
    close(live_fd);
    remove_dir(dir);
    free(json);
    free(xlsx);
    free(dead);
    free(live);
    free(leftover);
    free(dir);
}

Test(output, the_signal_cleanup_removes_every_temporary_file)
{
    char *dir = make_temp_dir();
    char *json = path_in(dir, "report.json"), *xlsx = path_in(dir, "report.xlsx");
    write_text(json, "old json");
    write_text(xlsx, "old xlsx");
    const char *paths[] = {json, xlsx};
    pc_output *out;
    cr_assert_eq(pc_output_open(&out, paths, 2, &junk), PC_OK);
    int fd;
    cr_assert_eq(pc_output_create(out, 0, &fd, &junk), PC_OK);
    write_fd(fd, "new json");
    FILE *f = fopen(pc_output_temp_path(out, 1), "wb");
    fputs("half", f);
    fclose(f);
    pc_output_cleanup_after_signal();
    cr_assert_eq(count_prefixed(dir, PC_OUTPUT_TEMP_PREFIX), 0);
    cr_assert_eq(count_entries(dir), 2, "the old pair only");
    assert_text(json, "old json");
    assert_text(xlsx, "old xlsx");
    pc_output_free(out);
    remove_dir(dir);
    free(json);
    free(xlsx);
    free(dir);
}

Test(output, reports_in_two_folders_commit_together)
{
    char *a = make_temp_dir(), *b = make_temp_dir();
    char *json = path_in(a, "r.json"), *xlsx = path_in(b, "r.xlsx");
    const char *paths[] = {json, xlsx};
    pc_output *out;
    cr_assert_eq(pc_output_open(&out, paths, 2, &junk), PC_OK);
    cr_assert_eq(write_pair(out, "J", "X"), PC_OK);
    pc_output_free(out);
    assert_text(json, "J");
    assert_text(xlsx, "X");
    cr_assert_eq(count_prefixed(a, PC_OUTPUT_TEMP_PREFIX), 0);
    cr_assert_eq(count_prefixed(b, PC_OUTPUT_TEMP_PREFIX), 0);
    remove_dir(a);
    remove_dir(b);
    free(json);
    free(xlsx);
    free(a);
    free(b);
}
