/*
 * The library's one entry point for a whole computation: read the input
 * set, run the engine, put the readers' warnings into the report, and verify
 * the published figures when the set has a reported.csv. The command line,
 * the benchmarks and the fuzzing harnesses all run it, so the pipeline is
 * orchestrated in one place (calc/pipeline.c: verify is the last stage
 * that computes; writing the reports is the caller's next step).
 *
 * Example:
 *     pc_dataset ds; pc_report report; pc_diags diags;
 *     pc_dataset_init(&ds); pc_report_init(&report); pc_diags_init(&diags);
 *     pc_status st = pc_compute("inputs/cbak-fy2022", &ds, &report, &diags);
 *     if (st == PC_OK) pc_write_json(&ds, &report, "report.json", &diags);
 */
#ifndef PAYCALC_COMPUTE_H
#define PAYCALC_COMPUTE_H

#include "paycalc/api.h"
PC_API_BEGIN

#include "paycalc/model.h"
#include "paycalc/report.h"
#include "paycalc/status.h"

/* Reads `dir` into `ds` and computes `report` (pc_compute_dataset). Every
 * problem is in `diags`; PC_ERR_INPUT when there were input errors (the
 * report is then incomplete and must not be written), PC_ERR_NOMEM when
 * memory ran out. */
pc_status pc_compute(const char *dir, pc_dataset *ds, pc_report *report, pc_diags *diags);

/* The steps after reading: the engine (SCT, CAP, TSR), then the warnings
 * `diags` already holds (the readers': an unknown column, say) put into the
 * report's `warnings` ahead of the computation's own, then the checks of
 * reported.csv (SPEC section 8) into report->checks when the set has one. */
pc_status pc_compute_dataset(const pc_dataset *ds, pc_report *report, pc_diags *diags);

/* --prior FILE (SPEC section 8): reads last year's figures (report.json or
 * reported.csv, pc_read_prior) and adds a `restated` finding to
 * report->checks for every overlapping figure of `report` (computed) that
 * moved; with `report_is_computed` false, this year's figures are
 * ds->reported instead (verify --reported alone). Sets has_checks and
 * recounts. Last year's report.json names its company: one of another
 * company than ds's (by ticker when both have one, else by name) is an
 * input error, unless `any_company` (a company that changed its name and
 * ticker). Problems with the file go to `diags` (PC_ERR_INPUT). */
pc_status pc_compute_restated(const char *prior_path, const pc_dataset *ds, pc_report *report,
                              bool report_is_computed, bool any_company, pc_diags *diags);

PC_API_END

#endif
