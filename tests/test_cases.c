/*
 * Bad inputs as data: every folder of tests/data/errors/ is one case. It
 * holds the input files that replace those of the CBAK reference set
 * (inputs/cbak-fy2022; or of the set of inputs/ that a file `set` names)
 * and `error`, the error lines `paycalc check` must
 * print for it, one a line, without the "paycalc: " prefix and the folder
 * ("cash.csv:3:4: error: amount: ..."). The lines must be exactly those,
 * in order: a case fails on a missing error, a changed message and an extra
 * one alike, and the exit status must be 3. Adding a boundary case is adding
 * a folder, as in jansson's test suite.
 */
#define _GNU_SOURCE
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

#define CBAK SOURCE_DIR "/inputs/cbak-fy2022"
#define CASES SOURCE_DIR "/tests/data/errors"

static char *joined(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    cr_assert_not_null(p);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* Copies the case's input files over the set in `set`. */
static void put_case_files(const char *folder, const char *set)
{
    DIR *d = opendir(folder);
    cr_assert_not_null(d, "%s", folder);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.' || !strcmp(e->d_name, "error") || !strcmp(e->d_name, "set"))
            continue;
        char *from = joined(folder, e->d_name);
        char *to = joined(set, e->d_name);
        size_t len = 0;
        char *data = read_file(from, &len);
        cr_assert_not_null(data, "%s", from);
        FILE *f = fopen(to, "wb");
        cr_assert_not_null(f, "%s", to);
        cr_assert_eq(fwrite(data, 1, len, f), len);
        cr_assert_eq(fclose(f), 0);
        free(data);
        free(from);
        free(to);
    }
    closedir(d);
}

/* The error lines of `err` with "paycalc: SET/" taken off, one a line. */
static char *error_lines(const char *err, const char *set)
{
    size_t cap = strlen(err) + 1, n = 0;
    char *out = calloc(1, cap);
    cr_assert_not_null(out);
    char prefix[4096];
    snprintf(prefix, sizeof prefix, "paycalc: %s/", set);
    for (const char *line = err; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        size_t skip = strncmp(line, prefix, strlen(prefix)) == 0 ? strlen(prefix) : 0;
        if (skip && memmem(line, len, ": error: ", 9)) {
            memcpy(out + n, line + skip, len - skip);
            n += len - skip;
            out[n++] = '\n';
        }
        line += len + (end ? 1 : 0);
    }
    return out;
}

static void run_case(const char *name)
{
    char *folder = joined(CASES, name);
    char *expected_path = joined(folder, "error");
    char *expected = read_file(expected_path, NULL);
    cr_assert_not_null(expected, "%s: no `error` file", name);
    char *base_path = joined(folder, "set");
    char *base = read_file(base_path, NULL);
    char *from = CBAK;
    if (base) {
        base[strcspn(base, "\n")] = '\0';
        from = joined(SOURCE_DIR "/inputs", base);
    }
    char *set = make_temp_dir();
    cr_assert_eq(copy_dir(from, set), 0, "%s: %s", name, from);
    if (base)
        free(from);
    free(base);
    free(base_path);
    put_case_files(folder, set);
    const char *args[] = {"check", set, NULL};
    run_result r = run_paycalc(args);
    char *got = error_lines(r.err, set);
    cr_expect_eq(r.status, 3, "%s: exit status %d\n%s", name, r.status, r.err);
    cr_expect_str_eq(got, expected, "%s: the errors differ.\nexpected:\n%s\nprinted:\n%s", name,
                     expected, r.err);
    free(got);
    run_result_free(&r);
    remove_dir(set);
    free(set);
    free(expected);
    free(expected_path);
    free(folder);
}

Test(cases, every_bad_input_folder_gives_exactly_its_errors)
{
    DIR *d = opendir(CASES);
    cr_assert_not_null(d, "%s", CASES);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        run_case(e->d_name);
        n++;
    }
    closedir(d);
    cr_assert_gt(n, 0, "no case in %s", CASES);
}
