/*
 * The sheets of the workbook (one file each under calc/write/xlsx/), which
 * workbook.c writes in order, and the few places one sheet refers to
 * another's cells (a Summary Compensation figure to its Cash and FX and
 * Award Valuations rows, the charts to the Pay vs Performance columns).
 */
#ifndef PAYCALC_XLSX_SHEETS_H
#define PAYCALC_XLSX_SHEETS_H

#include "cells.h"

/* The workbook's formats (xlsx/workbook.c), into w->f; false (with the
 * error recorded) when libxlsxwriter could not add one. */
bool pc_xlsx_make_formats(pc_xlsx *w);

/* The sheets, each written top to bottom (calc/write/xlsx/tables.c,
 * calc/write/xlsx/detail.c). Summary Compensation, CAP Reconciliation and TSR
 * record their cell addresses in w->at, which Pay vs Performance then
 * references, so they are written first. */
void pc_xlsx_write_sct(pc_xlsx *w);
/* The figures of one SCT row at `row` of `ws` (name and year in columns 0
 * and 1, the pc_sct_column figures from column 2), each a formula over the
 * workpapers, and its total (=SUM of the columns, R3). */
void pc_xlsx_sct_figures(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_sct_row *s,
                         lxw_format *fmt);
/* SCT All Years (xlsx/sct_all.c): every SCT row of every covered year, so
 * CAP by Person reaches the SCT total and award columns of the years the
 * disclosure SCT does not show. The row of report->sct item `index`, or
 * PC_XLSX_NONE when the sheet has no room for it. */
int32_t pc_xlsx_sct_all_row(const pc_xlsx *w, size_t index);
void pc_xlsx_write_sct_all(pc_xlsx *w);
void pc_xlsx_write_cap_person(pc_xlsx *w);
void pc_xlsx_write_cap(pc_xlsx *w);
void pc_xlsx_write_tsr(pc_xlsx *w);
void pc_xlsx_write_pvp(pc_xlsx *w);
void pc_xlsx_write_valuations(pc_xlsx *w);
/* Parts of Award Valuations, also written by scenarios.xlsx: the title
 * block and column titles of a valuation sheet, one valuation's row
 * (`index` names it in an error), and the filter over the rows to
 * `last_row`. */
void pc_xlsx_valuation_header(pc_xlsx *w, lxw_worksheet *ws, const char *title, int first,
                              int last);
void pc_xlsx_valuation_row(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_valuation *v,
                           size_t index);
void pc_xlsx_valuation_filter(pc_xlsx *w, lxw_worksheet *ws, int32_t last_row);
/* The columns of a valuation row (Award Valuations' table). */
#define PC_XLSX_VALUATION_COLS 38
/* scenarios.xlsx's shared Valuations sheet: with w->scenario_row set, the
 * row writer leaves out the cells that differ by scenario (the close the
 * scenario sets, d1, d2, N(d1), N(d2), the value per share, value,
 * contribution, a simulation's standard error and expected payout); this
 * writes one scenario's value per share at `col` and its signed
 * contribution at `col` + 1, live over the row and `price` (the scenario's
 * price cell) as Award Valuations' own cells are. */
void pc_xlsx_valuation_scenario_cells(pc_xlsx *w, lxw_worksheet *ws, int32_t row,
                                      const pc_valuation *v, int col, const char *price);
/* The formula of reconciliation line `line` of a person's CAP row (not the
 * CAP's own SUM) into `f`, as CAP by Person writes it: false when the line
 * is a plain figure there, or its source sheet (Summary Compensation, Cash
 * and FX) is not in the workbook. Fair value lines sum w->valuation_sheet. */
bool pc_xlsx_cap_line_formula(pc_xlsx *w, const pc_cap_row *c, pc_cap_line line, pc_buf *f);
/* The formula of line column `col` of an average row (R5):
 * =ROUND(AVERAGE(the averaged NEOs' cells),decimals), the NEOs being those
 * of pvp row `p` (or every non-PEO of `subjects`) among the `n` person rows
 * `rows` of the same year with their `subjects`; false when an averaged NEO
 * has no row or the list does not fit. */
bool pc_xlsx_cap_average_formula(pc_xlsx *w, const pc_pvp_row *p, const size_t *subjects,
                                 const int32_t *rows, size_t n, int col, char *buf, size_t size);
/* The row and column of a valuation's Value cell on Award Valuations, or
 * PC_XLSX_NONE when the sheet has no room for it. */
int32_t pc_xlsx_valuation_value_at(const pc_xlsx *w, size_t index, int *col);
/* Award Valuations past the row limit: which people and years have a
 * valuation the sheet has no room for (before any sheet sums them), and
 * whether all of a person's valuations of a year are on the sheet, so a
 * SUMIFS over it gives the figure (true for a year not covered). */
void pc_xlsx_plan_valuations(pc_xlsx *w);
bool pc_xlsx_valuations_whole(const pc_xlsx *w, size_t person, int year);
/* Prices (xlsx/prices.c): plan its rows (before any sheet that refers to
 * them), write it, and a price cell: a reference to the close (or the
 * dividend) of prices.csv's row of `date` on Prices, with `micro` stored,
 * or the figure itself when Prices has no row for it. */
void pc_xlsx_plan_prices(pc_xlsx *w);
void pc_xlsx_write_prices(pc_xlsx *w);
void pc_xlsx_price_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, pc_date date,
                        int64_t micro, bool dividend);
/* Assumptions, Outcomes and Award Terms (xlsx/inputs.c): each row of
 * assumptions.csv, outcomes.csv and awards.csv once, at the row of its
 * index. Plan (an index of the outcomes by line, before any sheet refers
 * to them), write, and the cells that refer to them: each writes a
 * reference to the input's cell with `value` stored, or the figure itself
 * when the input has no row there (`a` or `o` NULL, the sheet full, or the
 * figure not the input's: a model input the engine derived). */
typedef enum pc_xlsx_assumption {
    PC_XLSX_VOLATILITY,
    PC_XLSX_RATE,
    PC_XLSX_YIELD,
    PC_XLSX_TERM
} pc_xlsx_assumption;
void pc_xlsx_plan_inputs(pc_xlsx *w);
void pc_xlsx_write_assumptions(pc_xlsx *w, lxw_worksheet *ws);
void pc_xlsx_write_outcomes(pc_xlsx *w, lxw_worksheet *ws);
void pc_xlsx_write_award_terms(pc_xlsx *w, lxw_worksheet *ws);
/* The Performance input sheet (xlsx/inputs.c): each row of performance.csv
 * once (net income, the company-selected measure, the peer group TSR given)
 * with its line; pc_xlsx_performance_cell writes a Pay vs Performance
 * figure `value` of `year` as a reference to it (ROUND to the cent for a
 * peer TSR given with more decimals), or as the figure when the sheet does
 * not hold it (a peer TSR computed from peer_prices.csv). */
typedef enum pc_xlsx_performance {
    PC_XLSX_NET_INCOME,
    PC_XLSX_MEASURE,
    PC_XLSX_PEER_GROUP_TSR
} pc_xlsx_performance;
void pc_xlsx_write_performance(pc_xlsx *w, lxw_worksheet *ws);
/* Peer Group TSR (xlsx/peer_tsr.c): written when paycalc computed a peer
 * group TSR from peer_prices.csv; planned before Pay vs Performance, whose
 * peer TSR of `year` refers to the row pc_xlsx_peer_tsr_row gives
 * (PC_XLSX_NONE: none, the figure is typed). */
bool pc_xlsx_has_peer_tsr_sheet(const pc_xlsx *w);
void pc_xlsx_plan_peer_tsr(pc_xlsx *w);
int32_t pc_xlsx_peer_tsr_row(const pc_xlsx *w, int year);
void pc_xlsx_write_peer_tsr(pc_xlsx *w, lxw_worksheet *ws);
void pc_xlsx_performance_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, int year,
                              pc_xlsx_performance field, double value, lxw_format *fmt);
void pc_xlsx_assumption_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col,
                             const pc_assumption *a, pc_xlsx_assumption field, double value,
                             lxw_format *fmt);
/* The probable outcome `probable_micro` from outcomes.csv row `o`, or (`o`
 * NULL) the row of outcomes.csv `line` (0: none). */
void pc_xlsx_outcome_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const pc_outcome *o,
                          int line, int64_t probable_micro);
/* The exercise price of awards.csv award `award` (an option or SAR). */
void pc_xlsx_exercise_price_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, size_t award);
void pc_xlsx_write_rates(pc_xlsx *w);
/* How many rates Exchange Rates has rows for (w->last_row); the Cash and FX
 * rows of a rate past them hold the rate itself. */
size_t pc_xlsx_rates_room(const pc_xlsx *w);
void pc_xlsx_write_checks(pc_xlsx *w);
/* Audit Notes (calc/write/xlsx/audit.c). */
void pc_xlsx_write_audit(pc_xlsx *w);
/* The tranches treated as vested on retirement eligibility (SPEC section
 * 13), on their own sheet `ws` (xlsx/retirement.c). */
void pc_xlsx_write_retirement(pc_xlsx *w, lxw_worksheet *ws);

/* The Director Compensation table (Item 402(k); SPEC's Director
 * Compensation section), on its own disclosure sheet `ws`, written when the
 * input set names directors (xlsx/directors.c). */
#define PC_XLSX_SHEET_DIRECTORS "Director Compensation"
void pc_xlsx_write_directors(pc_xlsx *w, lxw_worksheet *ws);

/* The stock splits of corporate_actions.csv and what each restated, on
 * their own sheet `ws`, written when the input set has a split
 * (xlsx/splits.c). */
void pc_xlsx_write_splits(pc_xlsx *w, lxw_worksheet *ws);

/* The Charts sheet, over the Pay vs Performance table (calc/write/xlsx/charts.c). */
void pc_xlsx_write_charts(pc_xlsx *w);

/* Whether the Checks sheet is written (SPEC section 9: when there are
 * findings to show). */
bool pc_xlsx_has_checks_sheet(const pc_report *report);

/* The PEO a Pay vs Performance column pair shows in a year, or NULL. */
const pc_pvp_peo *pc_xlsx_slot_peo(const pc_xlsx *w, size_t slot, const pc_pvp_row *p);
/* The company-selected measure's unit (SPEC section 9). paycalc.json gives
 * the measure a name and, in display_units, a scale; a name that ends in a
 * parenthesised unit ("Return on equity (%)") carries its own unit, any
 * other measure is an amount in dollars like net income. The header of the
 * Pay vs Performance column ("Adjusted EBITDA ($ in millions)") into `out`;
 * the value axis title of its chart ("USD millions", "%") as the result. */
void pc_xlsx_csm_title(pc_xlsx *w, pc_buf *out);
const char *pc_xlsx_csm_axis(pc_xlsx *w, pc_buf *own);
/* The measure's header on the Performance sheet: as given, in ones
 * ("Adjusted EBITDA ($)"). */
void pc_xlsx_csm_input_title(pc_xlsx *w, pc_buf *out);

/* Appends "SUMIFS('Award Valuations'!$AF:$AF,...)": the sum of the signed
 * contributions of a person's valuations of a year that feed `line` (a
 * reconciliation key, or "sct"), of awards of `type` ("stock", "option",
 * "sar") unless NULL (no leading '='). */
void pc_xlsx_valuation_sumifs(pc_buf *b, size_t person, int year, const char *line,
                              const char *type);
/* The same over the valuation sheet `sheet`. */
void pc_xlsx_valuation_sumifs_on(pc_buf *b, const char *sheet, size_t person, int year,
                                 const char *line, const char *type);
/* The same SUMIFS over column `col` of `sheet` instead of Contribution. */
void pc_xlsx_valuation_sumifs_col(pc_buf *b, const char *sheet, int col, size_t person, int year,
                                  const char *line, const char *type);
/* Cash and FX (calc/write/xlsx/cash.c): plan its rows (before the SCT,
 * which links to them), write it, and the first row of a person's
 * component in a year (PC_XLSX_NONE when there is none). */
void pc_xlsx_plan_cash(pc_xlsx *w);
/* The exchange rate that converts `cash` (a cash row, or a plan target as
 * one) into column `col` of `row`, a reference to its Exchange Rates row
 * when there is one, and the words of its basis into `col` + 1. A rate of
 * the row's own date (fx_method payment_date) is described as `own_date`
 * ("Rate on the payment date" for cash, "Rate on the grant date" for a
 * plan target). Returns the rate in micros (0 when there is none). */
int64_t pc_xlsx_rate_cells(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, const pc_cash *cash,
                           const char *own_date);
/* Plan Targets (calc/write/xlsx/plan_targets.c): the rows of
 * report->equity.nonequity, in order. pc_xlsx_plan_target_row is the row
 * of its `index`th row (PC_XLSX_NONE when past the sheet's end) and
 * pc_xlsx_plan_target_col the column of its dollars of `level` (0
 * threshold, 1 target, 2 maximum). */
#define PC_XLSX_SHEET_PLAN_TARGETS "Plan Targets"
void pc_xlsx_write_plan_targets(pc_xlsx *w, lxw_worksheet *ws);
int32_t pc_xlsx_plan_target_row(const pc_xlsx *w, size_t index);
int pc_xlsx_plan_target_col(int level);
void pc_xlsx_write_cash(pc_xlsx *w);
int32_t pc_xlsx_cash_row(const pc_xlsx *w, size_t person, int year, pc_component component);
/* Whether every cash row of a person's component in a year is on the
 * sheet (true when there is none), so a SUMIFS over it gives the figure;
 * past the row limit a group may be left out. */
bool pc_xlsx_cash_whole(const pc_xlsx *w, size_t person, int year, pc_component component);

/* Appends "SUMIFS('Cash and FX'!$J:$J,...)": the exact USD sum of a person's
 * component in a year (no leading '='). */
void pc_xlsx_cash_sumifs(pc_buf *b, size_t person, int year, pc_component component);

#endif
