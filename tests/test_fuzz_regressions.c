/*
 * Every input a fuzzing harness once failed on, and the edges where a
 * defect of the same kind would fail it again (tests/fuzz/regressions/
 * <harness>/), and the seed corpora (tests/fuzz/corpus/<harness>/), replayed
 * through the same bodies the harnesses run (tests/fuzz/fuzz_bodies.c): no
 * crash, no sanitizer report, and the properties the bodies check (a failed
 * read or computation says why, the tables foot, report.json is valid and
 * stable, parsed values round-trip). Under -DPAYCALC_SANITIZE=ON this is the
 * same check libFuzzer makes, without needing clang.
 */
#define FUZZ_BASE_DIR PAYCALC_SOURCE_DIR "/tests/fuzz/base"
#include "fuzz/fuzz_bodies.c"

#include <criterion/criterion.h>

#include "support.h"

typedef void (*body_fn)(const uint8_t *data, size_t size);

/* Runs `body` on each file of tests/fuzz/<kind>/<harness>/; returns how
 * many there were (-1 when the folder cannot be opened). A file is named
 * before it runs, so a crash names it. */
static int replay(const char *kind, const char *harness, body_fn body)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/tests/fuzz/%s/%s", SOURCE_DIR, kind, harness);
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    /* The regressions are few: each is named. The seeds are named when
     * PAYCALC_REPLAY_VERBOSE is set (to find the one that crashed). */
    bool named = strcmp(kind, "regressions") == 0 || getenv("PAYCALC_REPLAY_VERBOSE") != NULL;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t size = 0;
        char *data = read_file(path, &size);
        cr_assert_not_null(data, "cannot read %s", path);
        if (named)
            fprintf(stderr, "replaying tests/fuzz/%s/%s/%s\n", kind, harness, e->d_name);
        body((const uint8_t *)data, size);
        free(data);
        n++;
    }
    closedir(d);
    return n;
}

/* Replays a harness's regressions, of which there must be at least one: a
 * replay of a missing or empty folder proves nothing and fails. */
static void replay_regressions(const char *harness, body_fn body)
{
    int n = replay("regressions", harness, body);
    cr_assert_gt(n, 0, "tests/fuzz/regressions/%s holds no inputs to replay", harness);
}

Test(fuzz_regressions, csv_inputs_that_once_failed_now_pass)
{
    replay_regressions("csv", fuzz_csv_body);
}

/* Covered years beyond an int: an error, not a year wrapped into the date
 * arithmetic. */
Test(fuzz_regressions, config_inputs_at_the_integer_edges_pass)
{
    replay_regressions("config", fuzz_config_body);
}

/* Money and prices at and one past the int64 edge: parsed or refused with a
 * reason, and what parses formats back to the same value. */
Test(fuzz_regressions, values_at_the_int64_edges_pass)
{
    replay_regressions("values", fuzz_values_body);
}

/* Published figures too large to foot or to compare (the overflow that once
 * stopped a run with '0 errors', here reached through the internal checks
 * alone), and a negative TSR at the int64 edge. */
Test(fuzz_regressions, reported_figures_too_large_to_compare_are_skipped_checks)
{
    replay_regressions("reported", fuzz_reported_body);
}

Test(fuzz_regressions, a_missing_folder_is_not_a_replay)
{
    cr_assert_eq(replay("regressions", "no-such-harness", fuzz_values_body), -1);
}

Test(fuzz_regressions, cli_inputs_that_once_failed_now_pass)
{
    cr_assert_gt(replay("regressions", "cli", fuzz_cli_body), 4);
}

/* The seed corpora hold the reference and test input sets: each must pass
 * the bodies too, and there must be seeds to start from. */
Test(fuzz_regressions, seed_corpora_pass_the_harness_checks)
{
    cr_assert_gt(replay("corpus", "csv", fuzz_csv_body), 12);
    cr_assert_gt(replay("corpus", "config", fuzz_config_body), 3);
    cr_assert_gt(replay("corpus", "values", fuzz_values_body), 20);
    cr_assert_gt(replay("corpus", "reported", fuzz_reported_body), 2);
    cr_assert_gt(replay("corpus", "cli", fuzz_cli_body), 12);
    cr_assert_gt(replay("corpus", "ixbrl", fuzz_ixbrl_body), 5);
}

/* The scratch input set the csv and config bodies edit is valid as it is:
 * otherwise every fuzz input would stop at the same error and the engine
 * would never be reached. */
Test(fuzz_regressions, the_fuzzing_base_set_computes_without_errors)
{
    pc_dataset ds;
    pc_report report;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_report_init(&report);
    pc_diags_init(&diags);
    cr_assert_eq(pc_read_input_set(FUZZ_BASE_DIR, &ds, &diags), PC_OK);
    cr_assert_eq(pc_engine_run(&ds, &report, &diags), PC_OK);
    cr_assert_eq(diags.errors, 0);
    /* It reaches every kind of valuation before a performance period ends
     * (the Monte Carlo readers and simulation too) and both kinds of PEO
     * year. */
    bool method[PC_METHOD_COUNT] = {false};
    for (size_t i = 0; i < report.valuations.count; i++)
        method[report.valuations.items[i].method] = true;
    cr_assert(method[PC_METHOD_SUPPLIED] && method[PC_METHOD_STOCK_PRICE] &&
              method[PC_METHOD_BLACK_SCHOLES] && method[PC_METHOD_MONTE_CARLO]);
    cr_assert(ds.market_conditions.count > 0 && ds.peers.count > 0 && ds.peer_prices.count > 0);
    cr_assert_eq(report.pvp.count, 3);
    cr_assert_eq(report.pvp.items[1].npeo, 2, "a CEO change in 2022");
    cr_assert(ds.reported.count > 0);
    pc_diags_fini(&diags);
    pc_report_fini(&report);
    pc_dataset_fini(&ds);
}
