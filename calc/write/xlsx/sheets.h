/*
 * The sheets of the workbook (one file each under calc/write/xlsx/), which
 * workbook.c writes in order, and the few places one sheet refers to
 * another's cells (a Summary Compensation figure to its Cash and FX and
 * Award Valuations rows, the charts to the Pay vs Performance columns).
 */
#ifndef PAYCALC_XLSX_SHEETS_H
#define PAYCALC_XLSX_SHEETS_H

#include "cells.h"

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
/* The row and column of a valuation's Value cell on Award Valuations, or
 * PC_XLSX_NONE when the sheet has no room for it. */
int32_t pc_xlsx_valuation_value_at(const pc_xlsx *w, size_t index, int *col);
/* Prices (xlsx/prices.c): plan its rows (before any sheet that refers to
 * them), write it, and a price cell: a reference to the close (or the
 * dividend) of prices.csv's row of `date` on Prices, with `micro` stored,
 * or the figure itself when Prices has no row for it. */
void pc_xlsx_plan_prices(pc_xlsx *w);
void pc_xlsx_write_prices(pc_xlsx *w);
void pc_xlsx_price_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, pc_date date,
                        int64_t micro, bool dividend);
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

/* Appends "SUMIFS('Award Valuations'!$AF:$AF,...)": the sum of the signed
 * contributions of a person's valuations of a year that feed `line` (a
 * reconciliation key, or "sct"), of awards of `type` ("stock", "option",
 * "sar") unless NULL (no leading '='). */
void pc_xlsx_valuation_sumifs(pc_buf *b, size_t person, int year, const char *line,
                              const char *type);
/* Cash and FX (calc/write/xlsx/cash.c): plan its rows (before the SCT,
 * which links to them), write it, and the first row of a person's
 * component in a year (PC_XLSX_NONE when there is none). */
void pc_xlsx_plan_cash(pc_xlsx *w);
void pc_xlsx_write_cash(pc_xlsx *w);
int32_t pc_xlsx_cash_row(const pc_xlsx *w, size_t person, int year, pc_component component);

/* Appends "SUMIFS('Cash and FX'!$J:$J,...)": the exact USD sum of a person's
 * component in a year (no leading '='). */
void pc_xlsx_cash_sumifs(pc_buf *b, size_t person, int year, pc_component component);

#endif
