/*
 * The engine: from an input set to the computed tables.
 *
 * Steps (each its own module): exchange rates (fx.h), tranche valuation
 * (value.h), the Summary Compensation Table, compensation actually paid and
 * the PvP table, TSR. No I/O: the engine reads a pc_dataset and fills a
 * pc_report.
 */
#ifndef PAYCALC_ENGINE_H
#define PAYCALC_ENGINE_H

#include "paycalc/api.h"
PC_API_BEGIN

#include "paycalc/model.h"
#include "paycalc/report.h"
#include "paycalc/status.h"

/* Computes everything for an indexed dataset (pc_read_input_set indexes it;
 * a dataset built in memory must be passed through pc_dataset_index first).
 * Problems that are errors of the input (a missing rate, a missing price for
 * a date that must be valued) go to `diags` with the file, line and column
 * that needs them, and the result is PC_ERR_INPUT; warnings go both to
 * report->warnings and to diags. `report` must be initialised. */
pc_status pc_engine_run(const pc_dataset *ds, pc_report *report, pc_diags *diags);

/* The pieces, in the order pc_engine_run calls them, for tests and for
 * callers that need only part of the work. Each appends to `report`; the
 * SCT step converts cash at the exchange rates (and lists them in
 * report->rates) and values the awards granted in each year; the CAP step
 * needs the SCT rows; the TSR step is independent. */
pc_status pc_engine_sct(const pc_dataset *ds, pc_report *report, pc_diags *diags);
pc_status pc_engine_cap(const pc_dataset *ds, pc_report *report, pc_diags *diags);
pc_status pc_engine_tsr(const pc_dataset *ds, pc_report *report, pc_diags *diags);
/* Peer group TSR (SPEC section 11) for the PvP years performance.csv leaves
 * blank, from peer_prices.csv over the company's TSR base date, when
 * paycalc.json names a peer_group; needs the TSR step first. */
pc_status pc_engine_peer_tsr(const pc_dataset *ds, pc_report *report, pc_diags *diags);

/* The Director Compensation table (Item 402(k); 402(r) for a smaller
 * reporting company) for the last covered fiscal year: each director of
 * roles.csv's `director` rows with their cash (fees, non-equity incentive,
 * NQDC earnings, change in pension value, all other) converted as the SCT
 * converts cash (SPEC section 4, the rates added to report->rates), the
 * grant-date fair values of the awards granted to them in the year by the
 * SCT's valuation (pc_value_tranche), rounded as the SCT is (R3), and their
 * awards outstanding at the year end (pc_equity_oea_people). Errors as the
 * SCT step's. Nothing when there are no directors. */
pc_status pc_engine_directors(const pc_dataset *ds, pc_report *report, pc_diags *diags);

/* Grants of Plan-Based Awards' non-equity incentive plan awards (Item
 * 402(d)(2)(iii); not for a smaller reporting company): each row of
 * plan_targets.csv for a person in the SCT of its fiscal year, its amounts
 * converted to US dollars as the SCT converts cash (the rates added to
 * report->rates), into report->equity.nonequity. A missing rate or an
 * amount too large is an input error naming the plan_targets.csv row. */
pc_status pc_engine_plan_targets(const pc_dataset *ds, pc_report *report, pc_diags *diags);

/* Sorts report->rates by currency, fiscal year and date, keeping one entry
 * of each (a rate used by several steps is listed once). */
void pc_engine_tidy_rates(pc_report *report);

/* The last step: the simplified-term occurrences and the repaired
 * correlation matrices the valuations noted (report->term_notes,
 * report->repair_notes) become one warning per award and cause naming every
 * date and its tranches (SPEC sections 1, 5 and 10), in the report and in
 * `diags`, pointing at the award's awards.csv row (simplified term) or
 * market_conditions.csv row (correlations). Empties both. */
pc_status pc_engine_group_warnings(const pc_dataset *ds, pc_report *report, pc_diags *diags);

PC_API_END

#endif
