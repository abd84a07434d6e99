/*
 * `paycalc init DIR` (SPEC section 1): a starter input set that `check`
 * accepts and `run` computes, with a README.txt naming every file; a folder
 * that already holds files is refused and left as it was.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paycalc/write.h"
#include "support.h"

static const char *const input_files[] = {
    "paycalc.json",    "people.csv",      "roles.csv",    "cash.csv",        "fx.csv",
    "awards.csv",      "vesting.csv",     "prices.csv",   "assumptions.csv", "outcomes.csv",
    "fair_values.csv", "performance.csv", "reported.csv", "exercises.csv",
};
#define NFILES (sizeof input_files / sizeof input_files[0])

static char *path_in(const char *dir, const char *name)
{
    char *p = malloc(strlen(dir) + strlen(name) + 2);
    cr_assert_not_null(p);
    sprintf(p, "%s/%s", dir, name);
    return p;
}

Test(starter, init_writes_a_set_that_check_accepts_and_run_computes)
{
    char *tmp = make_temp_dir();
    char *dir = path_in(tmp, "new-company");
    const char *init[] = {"init", dir, NULL};
    run_result r = run_paycalc(init);
    cr_assert_eq(r.status, 0, "init: %s", r.err);
    run_result_free(&r);

    const char *check[] = {"check", dir, NULL};
    r = run_paycalc(check);
    cr_assert_eq(r.status, 0, "check: %s", r.err);
    cr_assert(strstr(r.out, "no errors, 0 warnings"), "%s", r.out);
    run_result_free(&r);

    char *out = path_in(tmp, "reports");
    const char *run[] = {"run", dir, "--out", out, "--quiet", NULL};
    r = run_paycalc(run);
    cr_assert_eq(r.status, 0, "run: %s", r.err);
    run_result_free(&r);
    char *json = path_in(out, "report.json"), *xlsx = path_in(out, "report.xlsx");
    struct stat st;
    cr_assert(stat(json, &st) == 0 && st.st_size > 0);
    cr_assert(stat(xlsx, &st) == 0 && st.st_size > 0);

    /* The example published figure agrees with the computation. */
    const char *verify[] = {"verify", dir, NULL};
    r = run_paycalc(verify);
    cr_assert_eq(r.status, 0, "verify: %s%s", r.out, r.err);
    cr_assert(strstr(r.out, "No findings"), "%s", r.out);
    run_result_free(&r);

    free(json);
    free(xlsx);
    free(out);
    free(dir);
    free(tmp);
}

Test(starter, every_input_file_has_a_header_and_an_example_row_and_readme_names_it)
{
    char *tmp = make_temp_dir();
    pc_diags diags;
    pc_diags_init(&diags);
    cr_assert_eq(pc_write_starter(tmp, &diags), PC_OK); /* an empty folder is fine */
    char *readme_path = path_in(tmp, "README.txt");
    char *readme = read_file(readme_path, NULL);
    cr_assert_not_null(readme);
    for (size_t i = 0; i < NFILES; i++) {
        char *p = path_in(tmp, input_files[i]);
        char *text = read_file(p, NULL);
        cr_assert_not_null(text, "%s is missing", input_files[i]);
        if (strcmp(input_files[i], "paycalc.json") != 0) {
            char *nl = strchr(text, '\n');
            cr_assert(nl && nl[1] != '\0', "%s has a header and a row", input_files[i]);
        }
        cr_assert(strstr(readme, input_files[i]), "README.txt names %s", input_files[i]);
        free(text);
        free(p);
    }
    cr_assert_eq(count_entries(tmp), (int)NFILES + 1);
    free(readme);
    free(readme_path);
    pc_diags_fini(&diags);
    free(tmp);
}

Test(starter, a_folder_that_holds_files_is_refused_and_left_as_it_was)
{
    char *tmp = make_temp_dir();
    char *mine = path_in(tmp, "cash.csv");
    cr_assert_eq(write_text(mine, "my own data\n"), 0);
    const char *init[] = {"init", tmp, NULL};
    run_result r = run_paycalc(init);
    cr_assert_eq(r.status, 4, "status %d", r.status);
    cr_assert(strstr(r.err, "already holds files"), "%s", r.err);
    cr_assert_eq(count_entries(tmp), 1);
    char *text = read_file(mine, NULL);
    cr_assert_str_eq(text, "my own data\n");
    free(text);
    run_result_free(&r);
    free(mine);
    free(tmp);
}
