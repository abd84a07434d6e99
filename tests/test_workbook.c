/*
 * report.xlsx as its readers open it (SPEC section 9, last paragraph): each
 * workbook `paycalc run` writes is recalculated by LibreOffice, headless,
 * and every formula cell must come out as the value paycalc stored in it,
 * and the disclosure figures as report.json has them (tests/xlsx_recalc.py,
 * run with Debian's /usr/bin/python3). LibreOffice is installed by
 * scripts/deps.sh; where it is missing these tests fail, they never skip.
 *
 * Input sets: the CBAK Energy 2023 proxy (inputs/cbak-fy2022), the golden
 * non-SRC company (tests/data/golden-nonsrc) and synthetic sets from
 * tests/gen_inputs.py (an SRC and a company with pension lines, a peer
 * group and a company-selected measure).
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

#define PYTHON "/usr/bin/python3"
#define RECALC SOURCE_DIR "/tests/xlsx_recalc.py"
#define GENERATOR SOURCE_DIR "/tests/gen_inputs.py"

/* Runs /usr/bin/python3 SCRIPT args...; the result's strings are malloc'ed. */
static run_result python(const char *script, const char *const *args)
{
    const char *argv[24] = {script};
    size_t n = 1;
    for (size_t i = 0; args[i]; i++) {
        cr_assert(n < 23);
        argv[n++] = args[i];
    }
    argv[n] = NULL;
    return run_program(PYTHON, argv);
}

/* `paycalc run INPUT --out OUT --quiet` and its outputs' paths (into
 * xlsx and json, each of `size` bytes). */
static void run_into(const char *input, const char *out, char *xlsx, char *json, size_t size)
{
    const char *args[] = {"run", input, "--out", out, "--quiet", NULL};
    run_result r = run_paycalc(args);
    cr_assert_eq(r.status, 0, "paycalc run %s: %s", input, r.err);
    run_result_free(&r);
    snprintf(xlsx, size, "%s/report.xlsx", out);
    snprintf(json, size, "%s/report.json", out);
}

/* The helper's `check` over the given pairs: no difference at all. */
static void expect_no_difference(const char *const *pairs)
{
    const char *args[24] = {"check"};
    size_t n = 1;
    for (size_t i = 0; pairs[i]; i++) {
        cr_assert(n < 23);
        args[n++] = pairs[i];
    }
    args[n] = NULL;
    run_result r = python(RECALC, args);
    cr_expect_eq(r.status, 0, "LibreOffice's recalculation differs (exit %d):\n%s%s", r.status,
                 r.out, r.err);
    cr_expect(strstr(r.out, " 0 differences") != NULL, "no summary line:\n%s%s", r.out, r.err);
    run_result_free(&r);
}

Test(workbook, cbak_recalculates_in_libreoffice_to_its_stored_values_and_report_json,
     .timeout = 180)
{
    char *out = make_temp_dir();
    char xlsx[512], json[512];
    run_into(SOURCE_DIR "/inputs/cbak-fy2022", out, xlsx, json, sizeof xlsx);
    const char *pairs[] = {xlsx, json, NULL};
    expect_no_difference(pairs);
    remove_dir(out);
    free(out);
}

Test(workbook, golden_set_recalculates_in_libreoffice_to_its_stored_values_and_report_json,
     .timeout = 180)
{
    char *out = make_temp_dir();
    char xlsx[512], json[512];
    run_into(SOURCE_DIR "/tests/data/golden-nonsrc", out, xlsx, json, sizeof xlsx);
    const char *pairs[] = {xlsx, json, NULL};
    expect_no_difference(pairs);
    remove_dir(out);
    free(out);
}

/* Two generated sets, checked in one LibreOffice start: a smaller reporting
 * company over 3 years with a June year end, and a larger company over 5
 * years (pension lines, peer TSR, a company-selected measure). */
Test(workbook, generated_sets_recalculate_in_libreoffice_to_their_stored_values, .timeout = 300)
{
    const char *const gen_args[2][14] = {
        {"--neos", "3", "--awards-per-person", "3", "--tranches", "3", "--years", "3", "--seed",
         "11", "--fiscal-year-end", "06-30", NULL},
        {"--neos", "4", "--awards-per-person", "2", "--tranches", "4", "--years", "5", "--seed",
         "5", "--fiscal-year-end", "12-31", NULL},
    };
    char *in[2], *out[2];
    char xlsx[2][512], json[2][512];
    for (int k = 0; k < 2; k++) {
        in[k] = make_temp_dir();
        out[k] = make_temp_dir();
        const char *args[16] = {GENERATOR, in[k]};
        size_t n = 2;
        for (size_t i = 0; gen_args[k][i]; i++)
            args[n++] = gen_args[k][i];
        args[n] = NULL;
        run_result g = run_program(PYTHON, args);
        cr_assert_eq(g.status, 0, "generator: %s", g.err);
        run_result_free(&g);
        run_into(in[k], out[k], xlsx[k], json[k], sizeof xlsx[k]);
    }
    const char *pairs[] = {xlsx[0], json[0], xlsx[1], json[1], NULL};
    expect_no_difference(pairs);
    for (int k = 0; k < 2; k++) {
        remove_dir(in[k]);
        remove_dir(out[k]);
        free(in[k]);
        free(out[k]);
    }
}

/* The comparison itself can fail: a stored value that LibreOffice does not
 * reproduce (a stale cache) is reported, with its cell and both values. */
Test(workbook, stored_value_libreoffice_does_not_reproduce_is_reported, .timeout = 180)
{
    char *out = make_temp_dir();
    char xlsx[512], json[512], stale[600];
    run_into(SOURCE_DIR "/inputs/cbak-fy2022", out, xlsx, json, sizeof xlsx);
    snprintf(stale, sizeof stale, "%s/stale.xlsx", out);
    const char *make[] = {"stale", xlsx, stale, "Pay vs Performance", NULL};
    run_result r = python(RECALC, make);
    cr_assert_eq(r.status, 0, "%s", r.err);
    char cell[32];
    snprintf(cell, sizeof cell, "Pay vs Performance!%.*s", (int)strcspn(r.out, "\n"), r.out);
    run_result_free(&r);

    const char *args[] = {"check", stale, json, NULL};
    r = python(RECALC, args);
    cr_expect_eq(r.status, 1, "exit %d:\n%s%s", r.status, r.out, r.err);
    cr_expect(strstr(r.out, cell) != NULL, "%s not named:\n%s", cell, r.out);
    cr_expect(strstr(r.out, "LibreOffice") != NULL, "%s", r.out);
    run_result_free(&r);
    remove_dir(out);
    free(out);
}
