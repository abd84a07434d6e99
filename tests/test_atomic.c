/*
 * Atomic output (calc/write/atomic.c): a report is written to a temporary
 * file beside it and renamed over it, and every failure says why, leaves
 * nothing behind and sets the outputs it promises.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../calc/write/atomic.h"
#include "paycalc/status.h"
#include "paycalc/write.h"
#include "support.h"

Test(atomic, temporary_file_in_a_missing_folder_fails_with_its_outputs_set)
{
    pc_diags diags;
    pc_diags_init(&diags);
    char *temp = (char *)"garbage";
    int fd = 77;
    cr_assert_eq(pc_atomic_temp("/nonexistent-folder/report.xlsx", &temp, &fd, &diags),
                 PC_ERR_WRITE);
    cr_assert_null(temp);
    cr_assert_eq(fd, -1);
    cr_assert_eq(diags.errors, 1);
    cr_assert(strstr(diags.items[0].message, "/nonexistent-folder/report.xlsx") != NULL, "%s",
              diags.items[0].message);
    pc_diags_fini(&diags);
}

Test(atomic, temporary_file_sits_beside_its_target_and_commit_renames_it)
{
    char *dir = make_temp_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/report.json", dir);
    pc_diags diags;
    pc_diags_init(&diags);
    char *temp = NULL;
    int fd = -1;
    cr_assert_eq(pc_atomic_temp(path, &temp, &fd, &diags), PC_OK);
    cr_assert(strncmp(temp, dir, strlen(dir)) == 0, "%s is not in %s", temp, dir);
    cr_assert(strstr(temp, "/.report.json.") != NULL, "%s", temp);
    cr_assert_eq(write(fd, "{}\n", 3), 3);
    cr_assert_eq(close(fd), 0);
    cr_assert_eq(pc_atomic_commit(temp, path, &diags), PC_OK);
    char *text = read_file(path, NULL);
    cr_assert_str_eq(text, "{}\n");
    free(text);
    cr_assert_eq(count_entries(dir), 1, "the temporary file is gone");
    free(temp);
    pc_diags_fini(&diags);
    remove_dir(dir);
    free(dir);
}

/* A rename that cannot happen (the target is a folder) is an error naming
 * the target, and the temporary file is removed. */
Test(atomic, failed_commit_removes_the_temporary_file)
{
    char *dir = make_temp_dir();
    char path[512];
    snprintf(path, sizeof path, "%s/report.json", dir);
    cr_assert_eq(mkdir(path, 0755), 0);
    char inside[600];
    snprintf(inside, sizeof inside, "%s/keep", path);
    cr_assert_eq(write_text(inside, "x"), 0);
    pc_diags diags;
    pc_diags_init(&diags);
    char *temp = NULL;
    int fd = -1;
    cr_assert_eq(pc_atomic_temp(path, &temp, &fd, &diags), PC_OK);
    close(fd);
    cr_assert_eq(pc_atomic_commit(temp, path, &diags), PC_ERR_WRITE);
    cr_assert_eq(access(temp, F_OK), -1, "%s was left behind", temp);
    cr_assert(strstr(diags.items[0].message, "cannot replace") != NULL, "%s",
              diags.items[0].message);
    free(temp);
    pc_diags_fini(&diags);
    remove_dir(dir);
    free(dir);
}

Test(atomic, whole_file_write_to_a_missing_folder_fails_and_names_it)
{
    pc_diags diags;
    pc_diags_init(&diags);
    cr_assert_eq(pc_write_file_atomic("/nonexistent-folder/report.json", "{}", 2, &diags),
                 PC_ERR_WRITE);
    cr_assert_eq(diags.errors, 1);
    pc_diags_fini(&diags);
}
