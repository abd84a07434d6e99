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

#include "paycalc/compute.h"
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
