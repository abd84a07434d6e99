/*
 * Running out of memory: every allocation the library makes (malloc,
 * calloc, realloc; linked through --wrap for this program only, see
 * CMakeLists.txt) is made to fail in turn, the first, then the second, and
 * so on, while the CBAK reference set is read, computed, verified and
 * written. Each run must end with PC_ERR_NOMEM (or succeed, where the
 * allocation that failed was not needed), never crash, and leave nothing
 * behind (the sanitizer build checks for leaks at exit).
 */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builder.h"
#include "paycalc/compute.h"
#include "paycalc/engine.h"
#include "paycalc/read.h"
#include "paycalc/verify.h"
#include "paycalc/write.h"
#include "support.h"

#define CBAK SOURCE_DIR "/inputs/cbak-fy2022"

void *__real_malloc(size_t size);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t size);
void *__wrap_malloc(size_t size);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t size);

/* Test code: the allocation counter the wrappers share. */
static long allocations;  /* made since the window opened */
static long fail_at = -1; /* the allocation that fails (-1: none) */
static bool failed;       /* that allocation was reached */

static bool should_fail(void)
{
    if (fail_at < 0)
        return false;
    if (allocations++ == fail_at) {
        failed = true;
        return true;
    }
    return false;
}

void *__wrap_malloc(size_t size)
{
    return should_fail() ? NULL : __real_malloc(size);
}

void *__wrap_calloc(size_t n, size_t size)
{
    return should_fail() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t size)
{
    return should_fail() ? NULL : __real_realloc(p, size);
}

typedef pc_status (*stage_fn)(const char *dir);

/* Read and compute (pc_compute), then report.json, the printed findings and
 * the findings' JSON, as text. */
static pc_status compute_stage(const char *dir)
{
    (void)dir;
    pc_dataset ds;
    pc_report report;
    pc_diags diags;
    pc_dataset_init(&ds);
    pc_report_init(&report);
    pc_diags_init(&diags);
    pc_status st = pc_compute(CBAK, &ds, &report, &diags);
    if (st == PC_OK) {
        char *json = pc_json_dumps(&ds, &report);
        char *table = json ? pc_verify_format_table(&report.checks, &ds) : NULL;
        char *checks = table ? pc_checks_dumps(&report.checks) : NULL;
        if (!checks)
            st = PC_ERR_NOMEM;
        free(json);
        free(table);
        free(checks);
    }
    pc_diags_fini(&diags);
    pc_report_fini(&report);
    pc_dataset_fini(&ds);
    return st;
}

/* The reports written to `dir` from a set computed beforehand (its own
 * allocations are not the ones failing). */
static pc_dataset written_ds;
static pc_report written_report;

static pc_status write_stage(const char *dir)
{
    char json[4096], xlsx[4096];
    snprintf(json, sizeof json, "%s/report.json", dir);
    snprintf(xlsx, sizeof xlsx, "%s/report.xlsx", dir);
    pc_diags diags;
    pc_diags_init(&diags);
    pc_status st = pc_write_json(&written_ds, &written_report, json, &diags);
    if (st == PC_OK)
        st = pc_write_xlsx(&written_ds, &written_report, xlsx, &diags);
    pc_diags_fini(&diags);
    return st;
}

/* Fails each allocation of `stage` in turn. Returns how many allocations
 * the stage makes when none fails. */
static long fail_each_allocation(stage_fn stage, const char *dir)
{
    fail_at = -1;
    cr_assert_eq(stage(dir), PC_OK, "the stage succeeds with memory to spare");
    long k = 0;
    for (;; k++) {
        allocations = 0;
        failed = false;
        if (getenv("PAYCALC_NOMEM_VERBOSE"))
            fprintf(stderr, "failing allocation %ld\n", k);
        fail_at = k;
        pc_status st = stage(dir);
        fail_at = -1;
        if (!failed)
            break; /* every allocation has had its turn */
        cr_assert(st == PC_ERR_NOMEM || st == PC_OK,
                  "allocation %ld failed: status %d, not 'out of memory'", k, (int)st);
    }
    return k;
}

Test(nomem, every_allocation_of_read_compute_and_json_may_fail)
{
    long n = fail_each_allocation(compute_stage, CBAK);
    cr_assert_gt(n, 100, "only %ld allocations were tried", n);
}

/* Writing: a failed allocation is an error, and no temporary file is left
 * in the output folder. */
Test(nomem, every_allocation_of_writing_the_reports_may_fail)
{
    pc_diags diags;
    pc_dataset_init(&written_ds);
    pc_report_init(&written_report);
    pc_diags_init(&diags);
    cr_assert_eq(pc_compute(CBAK, &written_ds, &written_report, &diags), PC_OK);
    char *dir = make_temp_dir();
    long n = fail_each_allocation(write_stage, dir);
    cr_assert_gt(n, 10, "only %ld allocations were tried", n);
    cr_assert_eq(count_entries(dir), 2, "report.json and report.xlsx, no temporary file");
    remove_dir(dir);
    free(dir);
    pc_diags_fini(&diags);
    pc_report_fini(&written_report);
    pc_dataset_fini(&written_ds);
}

/* The engine alone, over a data set made beforehand: a run whose
 * allocation failed either ends with PC_ERR_NOMEM or has every warning of
 * the run that did not fail. A warning lost to out of memory (its status
 * dropped) would leave a report that says less than it should, silently. */
static pc_dataset engine_ds;
static const char *engine_code; /* the warning the data set is made to give */

static size_t count_code(const pc_report *r, const char *code)
{
    size_t n = 0;
    for (size_t i = 0; i < r->warnings.count; i++)
        n += r->warnings.items[i].code && strcmp(r->warnings.items[i].code, code) == 0;
    return n;
}

/* A run that ended well has the warning as often as the run where nothing
 * failed (at least: removing repeated warnings is itself an allocation that
 * may fail), which records that count. */
static size_t engine_expected;

static void assert_warned(pc_status st, const pc_report *report, long at)
{
    size_t n = count_code(report, engine_code);
    if (at < 0) {
        cr_assert_gt(n, 0, "the data set gives no '%s' warning", engine_code);
        engine_expected = n;
    } else if (st == PC_OK) {
        cr_assert_geq(n, engine_expected,
                      "allocation %ld failed, yet the run succeeded with %zu of its %zu '%s' "
                      "warnings",
                      at, n, engine_expected, engine_code);
    }
}

static pc_status engine_stage(const char *dir)
{
    (void)dir;
    pc_report report;
    pc_diags diags;
    pc_report_init(&report);
    pc_diags_init(&diags);
    pc_status st = pc_engine_run(&engine_ds, &report, &diags);
    long at = fail_at;
    fail_at = -1;
    assert_warned(st, &report, at);
    fail_at = at;
    pc_diags_fini(&diags);
    pc_report_fini(&report);
    return st;
}

/* The TSR steps alone fail, after the SCT and CAP (whose Monte Carlo
 * valuations would make every turn slow) have run with memory to spare. */
static pc_status tsr_stage(const char *dir)
{
    (void)dir;
    long at = fail_at;
    fail_at = -1;
    pc_report report;
    pc_diags diags;
    pc_report_init(&report);
    pc_diags_init(&diags);
    cr_assert_eq(pc_engine_sct(&engine_ds, &report, &diags), PC_OK);
    cr_assert_eq(pc_engine_cap(&engine_ds, &report, &diags), PC_OK);
    allocations = 0;
    fail_at = at;
    pc_status st = pc_engine_tsr(&engine_ds, &report, &diags);
    if (st == PC_OK)
        st = pc_engine_peer_tsr(&engine_ds, &report, &diags);
    fail_at = -1;
    assert_warned(st, &report, at);
    fail_at = at;
    pc_diags_fini(&diags);
    pc_report_fini(&report);
    return st;
}

static void engine_case(const char *code, stage_fn stage)
{
    engine_code = code;
    long n = fail_each_allocation(stage, NULL);
    cr_assert_gt(n, 5, "only %ld allocations were tried", n);
    pc_dataset_fini(&engine_ds);
}

#define M(x) ((int64_t)((x)*1000000 + 0.5)) /* decimal -> micros */

/* One executive, PEO in 2022, with the cash of `component`. */
static void one_executive(bool src, pc_component component, int64_t cents)
{
    b_init(&engine_ds, 12, 31, 2022, 2022, src);
    size_t p = b_person(&engine_ds, "p", "P");
    b_role(&engine_ds, 2022, p, PC_ROLE_PEO);
    b_cash(&engine_ds, p, 2022, component, cents, "USD", NULL);
    b_price(&engine_ds, "2021-12-31", M(10), 0);
    b_price(&engine_ds, "2022-12-30", M(11), 0);
    b_performance(&engine_ds, 2022, 0);
}

Test(nomem, a_warning_out_of_memory_fails_the_run_negative_pension_change)
{
    one_executive(false, PC_COMP_CHANGE_IN_PENSION_VALUE, -700000);
    b_done(&engine_ds);
    engine_case("negative_pension_change", engine_stage);
}

Test(nomem, a_warning_out_of_memory_fails_the_run_pension_ignored_for_src)
{
    one_executive(true, PC_COMP_CHANGE_IN_PENSION_VALUE, 700000);
    b_done(&engine_ds);
    engine_case("pension_ignored_for_src", engine_stage);
}

/* The same warnings of a director's row (calc/engine/directors.c), which
 * went unrecorded without failing the run before. */
static void one_director(bool src, int64_t pension_cents)
{
    one_executive(src, PC_COMP_SALARY, 10000000);
    size_t d = b_person(&engine_ds, "d", "D");
    b_role(&engine_ds, 2022, d, PC_ROLE_DIRECTOR);
    b_cash(&engine_ds, d, 2022, PC_COMP_FEES, 5000000, "USD", NULL);
    b_cash(&engine_ds, d, 2022, PC_COMP_CHANGE_IN_PENSION_VALUE, pension_cents, "USD", NULL);
    b_done(&engine_ds);
}

Test(nomem, a_warning_out_of_memory_fails_the_run_director_negative_pension_change)
{
    one_director(false, -700000);
    engine_case("negative_pension_change", engine_stage);
}

Test(nomem, a_warning_out_of_memory_fails_the_run_director_pension_ignored_for_src)
{
    one_director(true, 700000);
    engine_case("pension_ignored_for_src", engine_stage);
}

Test(nomem, a_warning_out_of_memory_fails_the_run_no_peo)
{
    b_init(&engine_ds, 12, 31, 2022, 2022, true);
    size_t n = b_person(&engine_ds, "n", "N");
    b_role(&engine_ds, 2022, n, PC_ROLE_NEO);
    b_cash(&engine_ds, n, 2022, PC_COMP_SALARY, 10000000, "USD", NULL);
    b_price(&engine_ds, "2021-12-31", M(10), 0);
    b_price(&engine_ds, "2022-12-30", M(11), 0);
    b_performance(&engine_ds, 2022, 0);
    b_done(&engine_ds);
    engine_case("no_peo", engine_stage);
}

Test(nomem, a_warning_out_of_memory_fails_the_run_stale_tsr_base)
{
    b_init(&engine_ds, 12, 31, 2022, 2022, true);
    size_t p = b_person(&engine_ds, "p", "P");
    b_role(&engine_ds, 2022, p, PC_ROLE_PEO);
    b_cash(&engine_ds, p, 2022, PC_COMP_SALARY, 10000000, "USD", NULL);
    b_price(&engine_ds, "2021-12-01", M(10), 0); /* 30 days before the year end */
    b_price(&engine_ds, "2022-12-30", M(11), 0);
    b_performance(&engine_ds, 2022, 0);
    b_done(&engine_ds);
    engine_case("stale_tsr_base", engine_stage);
}

/* Meridian's transport peers without market caps: equal weights. */
Test(nomem, a_warning_out_of_memory_fails_the_run_equal_peer_weights)
{
    char *dir = make_temp_dir();
    cr_assert_eq(copy_dir(SOURCE_DIR "/inputs/meridian-fy2024", dir), 0);
    char path[4096];
    snprintf(path, sizeof path, "%s/paycalc.json", dir);
    cr_assert_eq(
        write_text(path,
                   "{\"company\": {\"name\": \"Meridian Freight Systems, Inc.\", \"ticker\": "
                   "\"MRDN\"},\n \"fiscal_year_end\": \"12-31\", \"years\": [2022, 2023, 2024],\n"
                   " \"smaller_reporting_company\": false, \"peer_group\": \"transport_peers\",\n"
                   " \"monte_carlo\": {\"paths\": 1000}}\n"),
        0);
    snprintf(path, sizeof path, "%s/performance.csv", dir);
    cr_assert_eq(write_text(path, "year,net_income\n2022,212400000\n2023,178900000\n"
                                  "2024,240300000\n"),
                 0);
    snprintf(path, sizeof path, "%s/peers.csv", dir);
    cr_assert_eq(write_text(path, "peer_set,ticker\ntransport_peers,ARCL\ntransport_peers,BRKT\n"
                                  "market_index,MKTIDX\n"),
                 0);
    pc_diags diags;
    pc_diags_init(&diags);
    pc_dataset_init(&engine_ds);
    cr_assert_eq(pc_read_input_set(dir, &engine_ds, &diags), PC_OK, "%s",
                 diags.count ? diags.items[0].message : "");
    pc_diags_fini(&diags);
    engine_case("equal_peer_weights", tsr_stage);
    remove_dir(dir);
    free(dir);
}
