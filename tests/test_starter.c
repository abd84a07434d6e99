/*
 * `paycalc init DIR` (SPEC section 1): a starter input set that `check`
 * accepts and `run` computes (the market-condition award by Monte Carlo
 * too), every input file with a header and an example row, with a
 * README.txt naming every file; a folder
 * that already holds files is refused and left as it was.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paycalc/model.h"
#include "paycalc/output.h"
#include "paycalc/write.h"
#include "support.h"

/* Every input file of the SPEC, from the readers' own list: a file added
 * there without a starter example fails here. */
#define NFILES ((size_t)PC_FILE_COUNT)

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
    /* The market-condition example is simulated at its grant date and at
     * the fiscal year end, with the starter's 1,000 paths. */
    char *report = read_file(json, NULL);
    cr_assert_not_null(report);
    size_t simulated = 0;
    for (const char *p = report; (p = strstr(p, "\"method\": \"monte_carlo\"")) != NULL; p++)
        simulated++;
    cr_assert_eq(simulated, 2, "monte_carlo valuations: %zu", simulated);
    cr_assert_not_null(strstr(report, "\"paths\": 1000"));
    free(report);

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
        char *p = path_in(tmp, pc_file_name((pc_file)i));
        char *text = read_file(p, NULL);
        cr_assert_not_null(text, "%s is missing", pc_file_name((pc_file)i));
        if (strcmp(pc_file_name((pc_file)i), "paycalc.json") != 0) {
            char *nl = strchr(text, '\n');
            cr_assert(nl && nl[1] != '\0', "%s has a header and a row", pc_file_name((pc_file)i));
        }
        cr_assert(strstr(readme, pc_file_name((pc_file)i)), "README.txt names %s",
                  pc_file_name((pc_file)i));
        free(text);
        free(p);
    }
    cr_assert_eq(count_entries(tmp), (int)NFILES + 1);
    /* A new input set holds its files and nothing else: the lock that
     * guarded the writes stays behind in no one's folder. */
    char *lock = path_in(tmp, PC_OUTPUT_LOCK_NAME);
    struct stat st;
    cr_assert_neq(stat(lock, &st), 0, "%s is left in the new set", PC_OUTPUT_LOCK_NAME);
    free(lock);
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
