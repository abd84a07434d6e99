/*
 * Warnings one per award and cause (SPEC section 1): the simplified-term
 * warning of an option valued on many dates is one line naming them all;
 * --quiet silences warnings on standard error; the count a summary gives
 * is the number of lines shown and of warnings report.json holds.
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "paycalc/engine.h"
#include "paycalc/report.h"
#include "support.h"

static pc_date day(const char *ymd)
{
    pc_date d;
    cr_assert_eq(pc_date_parse(ymd, &d), PC_OK, "%s", ymd);
    return d;
}

Test(warnings, an_option_off_the_money_on_many_dates_is_one_warning_naming_them)
{
    pc_dataset ds;
    pc_report report;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_report_init(&report);
    pc_diags_init(&diags);
    pc_award *a = PC_ARRAY_PUSH(&ds.awards);
    a->id = pc_strdup("OPT-9");
    a->exercise_price_micro = 10000000;
    a->line = 4;
    for (int t = 1; t <= 3; t++) {
        pc_tranche *tr = PC_ARRAY_PUSH(&ds.tranches);
        tr->award = 0;
        tr->number = t;
        tr->line = 10 + t;
    }
    /* Noted out of order, tranche 2 twice on one date (valued twice). */
    static const struct {
        size_t tranche;
        const char *date;
        int64_t spot;
    } notes[] = {{2, "2022-12-31", 4000000}, {0, "2021-12-31", 5000000},
                 {1, "2022-12-31", 4000000}, {0, "2022-12-31", 4000000},
                 {1, "2022-12-31", 4000000}, {2, "2023-06-30", 3000000}};
    for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
        pc_term_note *n = PC_ARRAY_PUSH(&report.term_notes);
        *n = (pc_term_note){notes[i].tranche, day(notes[i].date), notes[i].spot};
    }
    cr_assert_eq(pc_engine_group_warnings(&ds, &report, &diags), PC_OK);
    cr_assert_eq(report.warnings.count, 1);
    cr_assert_eq(diags.warnings, 1);
    const char *m = report.warnings.items[0].message;
    cr_assert(strstr(m, "award OPT-9: ") == m, "%s", m);
    cr_assert_not_null(strstr(m, " on 2021-12-31 (stock price 5.00; tranche 1), "
                                 "2022-12-31 (stock price 4.00; tranches 1, 2, 3) and "
                                 "2023-06-30 (stock price 3.00; tranche 3); SEC staff"),
                       "%s", m);
    cr_assert_str_eq(report.warnings.items[0].source, "awards.csv:4");
    cr_assert_eq(diags.items[0].line, 4);
    cr_assert_str_eq(diags.items[0].message, m);
    pc_diags_fini(&diags);
    pc_report_fini(&report);
    pc_dataset_fini(&ds);
}

/* A correlation matrix repaired at several valuations of one award is one
 * warning at the award's market_conditions.csv row naming each date, its
 * tranches and the largest change made that day. */
Test(warnings, correlations_repaired_on_many_dates_are_one_warning_per_award)
{
    pc_dataset ds;
    pc_report report;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_report_init(&report);
    pc_diags_init(&diags);
    static const char *const ids[] = {"TSR-1", "TSR-2"};
    for (size_t i = 0; i < 2; i++) {
        pc_award *a = PC_ARRAY_PUSH(&ds.awards);
        a->id = pc_strdup(ids[i]);
    }
    static const struct {
        size_t award;
        int number;
    } tranches[] = {{0, 1}, {0, 2}, {1, 1}};
    for (size_t i = 0; i < 3; i++) {
        pc_tranche *tr = PC_ARRAY_PUSH(&ds.tranches);
        tr->award = tranches[i].award;
        tr->number = tranches[i].number;
    }
    /* Noted out of order, tranche 1 of TSR-1 twice on one date. */
    static const struct {
        size_t tranche;
        const char *date;
        double change;
        int line;
    } notes[] = {{1, "2023-12-31", 0.02, 2},
                 {2, "2023-03-01", 0.5, 5},
                 {0, "2022-03-01", 0.01, 2},
                 {0, "2023-12-31", 0.03, 2},
                 {0, "2023-12-31", 0.03, 2}};
    for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
        pc_repair_note *n = PC_ARRAY_PUSH(&report.repair_notes);
        *n = (pc_repair_note){notes[i].tranche, day(notes[i].date), notes[i].change, notes[i].line};
    }
    cr_assert_eq(pc_engine_group_warnings(&ds, &report, &diags), PC_OK);
    cr_assert_eq(report.warnings.count, 2);
    cr_assert_eq(diags.warnings, 2);
    cr_assert_eq(report.repair_notes.count, 0, "the notes are used up");
    const char *m = report.warnings.items[0].message;
    cr_assert_str_eq(report.warnings.items[0].code, "correlation_repaired");
    cr_assert_str_eq(m, "award TSR-1: the correlations are not a valid correlation matrix (not "
                        "positive definite) on 2022-03-01 (tranche 1; largest change 0.010000) "
                        "and 2023-12-31 (tranches 1, 2; largest change 0.030000); the nearest "
                        "valid one was used");
    cr_assert_str_eq(report.warnings.items[0].source, "market_conditions.csv:2");
    cr_assert_str_eq(report.warnings.items[1].source, "market_conditions.csv:5");
    cr_assert(strstr(report.warnings.items[1].message, "award TSR-2: ") ==
              report.warnings.items[1].message);
    cr_assert_eq(diags.items[0].line, 2);
    cr_assert_str_eq(diags.items[0].message, m);
    pc_diags_fini(&diags);
    pc_report_fini(&report);
    pc_dataset_fini(&ds);
}

/* ------------------------------------------------- through the program */

#define PYTHON "/usr/bin/python3" /* Debian's, installed by scripts/deps.sh --tests */

static void generate(const char *dir)
{
    cr_assert_eq(access(PYTHON, X_OK), 0, "the test needs %s (scripts/deps.sh --tests)", PYTHON);
    pid_t pid = fork();
    cr_assert(pid >= 0);
    if (pid == 0) {
        const char *argv[] = {PYTHON,       SOURCE_DIR "/tests/gen_inputs.py",
                              dir,          "--neos",
                              "3",          "--awards-per-person",
                              "4",          "--tranches",
                              "4",          "--years",
                              "3",          "--seed",
                              "3",          "--expected-term",
                              "simplified", NULL};
        if (!freopen("/dev/null", "w", stdout))
            _exit(126);
        execv(PYTHON, (char *const *)argv);
        _exit(127);
    }
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "the generator failed");
}

/* Lines of `text` holding ": warning: ". */
static size_t warning_lines(const char *text)
{
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, ": warning: ")) != NULL; p++)
        n++;
    return n;
}

Test(warnings, the_count_is_what_is_shown_and_what_report_json_holds)
{
    char *tmp = make_temp_dir();
    char set[512], out[512], json[600];
    snprintf(set, sizeof set, "%s/options", tmp);
    snprintf(out, sizeof out, "%s/reports", tmp);
    snprintf(json, sizeof json, "%s/report.json", out);
    generate(set);

    const char *check[] = {"check", set, NULL};
    run_result r = run_paycalc(check);
    cr_assert_eq(r.status, 0, "%s", r.err);
    size_t shown = warning_lines(r.err);
    cr_assert_gt(shown, 1, "the set has options valued off the money: %s", r.err);
    char summary[128];
    snprintf(summary, sizeof summary, "no errors, %zu warnings\n", shown);
    cr_assert_not_null(strstr(r.out, summary), "'%s' against %zu lines shown", r.out, shown);
    /* One line per award: no award is named twice. */
    for (const char *p = r.err; (p = strstr(p, "warning: award ")) != NULL;) {
        p += strlen("warning: award ");
        size_t len = strcspn(p, ":");
        char id[64];
        snprintf(id, sizeof id, "award %.*s:", (int)len, p);
        cr_assert_null(strstr(p, id), "%s is named twice", id);
    }
    run_result_free(&r);

    const char *quiet[] = {"run", set, "--out", out, "--quiet", NULL};
    r = run_paycalc(quiet);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_str_eq(r.err, "", "--quiet shows no warnings");
    cr_assert_str_eq(r.out, "");
    run_result_free(&r);

    json_error_t err;
    json_t *root = json_load_file(json, 0, &err);
    cr_assert_not_null(root, "%s", err.text);
    cr_assert_eq(json_array_size(json_object_get(root, "warnings")), shown,
                 "report.json keeps every warning");
    json_decref(root);

    const char *loud[] = {"run", set, "--out", out, NULL};
    r = run_paycalc(loud);
    cr_assert_eq(r.status, 0, "%s", r.err);
    cr_assert_eq(warning_lines(r.err), shown);
    snprintf(summary, sizeof summary, "\n%zu warnings (on standard error above", shown);
    cr_assert_not_null(strstr(r.out, summary), "%s", r.out);
    run_result_free(&r);
    free(tmp);
}

/* The same warning from two sources is two warnings; from one source
 * twice, one (pc_report_dedupe_warnings keeps the first, in order). */
Test(warnings, the_same_warning_from_two_sources_is_kept_twice)
{
    pc_report r;
    pc_report_init(&r);
    static const char *const sources[] = {"cash.csv:3", "cash.csv:4", "cash.csv:3", NULL};
    for (size_t i = 0; i < 4; i++)
        cr_assert_eq(pc_report_warn(&r, "stale_price", sources[i], "%s", "a stale price"), PC_OK);
    pc_report_dedupe_warnings(&r);
    cr_assert_eq(r.warnings.count, 3);
    cr_assert_str_eq(r.warnings.items[0].source, "cash.csv:3");
    cr_assert_str_eq(r.warnings.items[1].source, "cash.csv:4");
    cr_assert_null(r.warnings.items[2].source);
    pc_report_fini(&r);
}
