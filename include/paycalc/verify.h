/*
 * Verify (SPEC section 8): compares the figures as published (reported.csv)
 * with the computed ones, and checks the published tables against each
 * other.
 */
#ifndef PAYCALC_VERIFY_H
#define PAYCALC_VERIFY_H

#include "paycalc/api.h"
PC_API_BEGIN

#include "paycalc/ixbrl.h"
#include "paycalc/model.h"
#include "paycalc/report.h"
#include "paycalc/status.h"

/* The internal checks of the published tables alone (they need no inputs
 * but ds->reported). Appends findings and skipped checks to `checks`. */
pc_status pc_verify_internal(const pc_dataset *ds, pc_checks *checks);

/* Every published figure against the computed one (`mismatch` findings);
 * `report` is the engine's result for the same dataset. */
pc_status pc_verify_against(const pc_dataset *ds, const pc_report *report, pc_checks *checks);

/* Both, in that order; also counts errors and rounding findings. */
pc_status pc_verify_all(const pc_dataset *ds, const pc_report *report, pc_checks *checks);

/* restated (SPEC section 8, --prior): this year's figures against last
 * year's (`prior`, read by pc_read_prior). This year's figures are the
 * computed `report` when it is not NULL (the rows report.json shows), else
 * ds->reported. Every figure both hold for the same table, year, subject
 * and item is compared at the coarser precision of the two; a difference is
 * an error finding with published = this year's figure, expected = last
 * year's. TSR is compared only when both start in the same covered year
 * (otherwise skipped with the reason). Appends to `checks`. */
pc_status pc_verify_restated(const pc_dataset *prior, const pc_dataset *ds, const pc_report *report,
                             pc_checks *checks);

/* One published cell, one finding (SPEC section 8): findings on the same
 * cell become one, the others' checks listed in its `related`; a check
 * between two cells that failed nothing else on its own cell joins the
 * other cell's finding when that one failed another check. Recounts errors
 * and rounding findings. */
pc_status pc_verify_relate(pc_checks *checks);

/* verify --ixbrl (SPEC section 15): the tables built from a document's
 * tags (`t`, from `doc`) replace ds->reported and go through the internal
 * checks, and against `report` (the computation of `ds`) when it is not
 * NULL; then the tagging issues become findings (tagged_sign,
 * adjustments_do_not_sum with cap_does_not_foot in `related`,
 * peo_fact_on_non_peo, duplicate_fact_differs, missing_fact; an unmapped
 * reconciliation member is a skipped-check note), every finding naming its
 * fact's concept, context and displayed text. Ends with pc_verify_relate. */
pc_status pc_verify_ixbrl(const pc_ixbrl_doc *doc, const pc_ixbrl_tables *t, pc_dataset *ds,
                          const pc_report *report, pc_checks *checks);

/* True when the run should fail: any error finding, or any finding at all
 * when `strict`. */
bool pc_verify_failed(const pc_checks *checks, bool strict);

/* The readable table of SPEC section 8, for standard output: the findings
 * (check, severity, year, table, who (the person's name from `ds` when
 * known, else the subject), item, published, expected, difference), then
 * the skipped checks with their reasons, then the summary line
 * "N figures checked: E errors, R rounding differences". Negative published
 * and expected figures are in parentheses as in a proxy, differences carry a
 * sign. `ds` may be NULL (subjects are shown as they are). Returns a
 * malloc'ed NUL-terminated string (caller frees), or NULL when out of
 * memory. */
char *pc_verify_format_table(const pc_checks *checks, const pc_dataset *ds);

/* The same table; with `verbose` false the skipped checks are one line per
 * check (how many times it was skipped, the years, the first reason), the
 * way `paycalc verify` prints them unless --verbose. pc_verify_format_table
 * is pc_verify_format(checks, ds, true). */
char *pc_verify_format(const pc_checks *checks, const pc_dataset *ds, bool verbose);

/* The JSON spelling of a severity ("error", "rounding") and of a reported
 * table ("sct", "pvp", "cap"); static strings. */
const char *pc_check_severity_name(pc_check_severity severity);
const char *pc_reported_table_name(pc_reported_table table);

PC_API_END

#endif
