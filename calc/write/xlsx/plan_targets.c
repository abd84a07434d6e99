/*
 * Plan Targets (input sheet): every non-equity incentive plan award that
 * Grants of Plan-Based Awards shows (plan_targets.csv, Item
 * 402(d)(2)(iii)), once: executive, year, plan, grant date, the threshold,
 * target and maximum as given in their currency, the exchange rate (a
 * reference to its Exchange Rates row, as Cash and FX's rates are), and
 * each level in US dollars as =ROUND(amount / rate, 2) (R1, SPEC section
 * 4), with its plan_targets.csv line. Grants of Plan-Based Awards' columns
 * (c)-(e) refer to the dollar cells, so an edited amount or rate moves
 * them. Written only when some row is shown.
 */
#include "equity.h"
#include "sheets.h"

#include <stdio.h>
#include <string.h>

#include "paycalc/fx.h"

enum {
    PT_COL_NAME = 0,
    PT_COL_YEAR,
    PT_COL_PLAN,
    PT_COL_GRANT_DATE,
    PT_COL_CURRENCY,
    PT_COL_THRESHOLD,
    PT_COL_TARGET,
    PT_COL_MAXIMUM,
    PT_COL_RATE,
    PT_COL_RATE_BASIS,
    PT_COL_THRESHOLD_USD,
    PT_COL_TARGET_USD,
    PT_COL_MAXIMUM_USD,
    PT_COL_SOURCE,
    PT_NCOLS
};

static const char *const titles[PT_NCOLS] = {
    "Executive",     "Year",       "Plan",        "Grant Date",   "Currency",
    "Threshold",     "Target",     "Maximum",     "Rate per USD", "Rate Basis",
    "Threshold ($)", "Target ($)", "Maximum ($)", "Source",
};

int32_t pc_xlsx_plan_target_row(const pc_xlsx *w, size_t index)
{
    int32_t row = PC_XLSX_FIRST_DATA_ROW + (int32_t)index;
    /* A row past the sheet's last (with room for the note under it) is
     * not written; its figures are typed where they are shown. */
    return row <= w->last_row - 2 ? row : PC_XLSX_NONE;
}

int pc_xlsx_plan_target_col(int level)
{
    return level == 0 ? PT_COL_THRESHOLD_USD : level == 1 ? PT_COL_TARGET_USD : PT_COL_MAXIMUM_USD;
}

/* One level: the amount as given and its dollars (a formula over it and
 * the rate); nothing for a level the plan does not set. */
static void level_cells(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, int usd_col,
                        bool given, int64_t cents, int64_t usd)
{
    if (!given)
        return;
    pc_xlsx_cents(w, ws, row, col, cents, w->f.cents);
    char amount[PC_XLSX_REF_SIZE], rate[PC_XLSX_REF_SIZE], formula[3 * PC_XLSX_REF_SIZE];
    pc_xlsx_ref(amount, sizeof amount, NULL, row, col);
    pc_xlsx_ref(rate, sizeof rate, NULL, row, PT_COL_RATE);
    snprintf(formula, sizeof formula, "=ROUND(%s/%s,2)", amount, rate);
    pc_xlsx_formula(w, ws, row, usd_col, formula, w->f.cents, (double)usd / 100.0);
}

void pc_xlsx_write_plan_targets(pc_xlsx *w, lxw_worksheet *ws)
{
    const pc_config *c = &w->ds->config;
    const pc_equity_tables *t = &w->report->equity;
    pc_xlsx_heading(w, ws, "Non-Equity Incentive Plan Awards: Threshold, Target and Maximum",
                    c->years[0], c->years[c->nyears - 1]);
    double widths[PT_NCOLS] = {14, 7, 22, 11, 9, 14, 14, 14, 10, 38, 16, 16, 16, 24};
    widths[0] = pc_xlsx_name_width(w, widths[0], 30);
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, titles, widths, PT_NCOLS);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 1);
    pc_xlsx_page_setup(w, ws, 1, true);
    size_t left_out = 0;
    int32_t end = PC_XLSX_FIRST_DATA_ROW;
    for (size_t i = 0; i < t->nonequity.count && pc_xlsx_ok(w); i++) {
        const pc_nonequity_row *r = &t->nonequity.items[i];
        const pc_plan_target *p = &w->ds->plan_targets.items[r->target];
        int32_t row = pc_xlsx_plan_target_row(w, i);
        if (row == PC_XLSX_NONE) {
            left_out++;
            continue;
        }
        pc_xlsx_text(w, ws, row, PT_COL_NAME, pc_xlsx_person_name(w, r->person), w->f.text);
        pc_xlsx_number(w, ws, row, PT_COL_YEAR, r->year, w->f.centred);
        pc_xlsx_text(w, ws, row, PT_COL_PLAN, p->plan, w->f.text);
        pc_xlsx_date(w, ws, row, PT_COL_GRANT_DATE, p->grant_date, w->f.date);
        pc_xlsx_text(w, ws, row, PT_COL_CURRENCY, p->currency, w->f.text);
        pc_cash as_cash = {.person = p->person,
                           .year = p->year,
                           .component = PC_COMP_NON_EQUITY_INCENTIVE,
                           .amount_cents = p->target_cents,
                           .pay_date = p->grant_date,
                           .line = p->line};
        memcpy(as_cash.currency, p->currency, 4);
        /* Converted at the grant date's rate (pay_date above). */
        pc_xlsx_rate_cells(w, ws, row, PT_COL_RATE, &as_cash, "Rate on the grant date");
        level_cells(w, ws, row, PT_COL_THRESHOLD, PT_COL_THRESHOLD_USD, p->has_threshold,
                    p->threshold_cents, r->threshold);
        level_cells(w, ws, row, PT_COL_TARGET, PT_COL_TARGET_USD, true, p->target_cents,
                    r->target_payout);
        level_cells(w, ws, row, PT_COL_MAXIMUM, PT_COL_MAXIMUM_USD, p->has_maximum,
                    p->maximum_cents, r->maximum);
        pc_xlsx_textf(w, ws, row, PT_COL_SOURCE, w->f.text, pc_xlsx_words(w, "%s line %d"),
                      pc_file_name(PC_FILE_PLAN_TARGETS), p->line);
        end = row + 1;
    }
    int32_t row = end + 1;
    if (left_out)
        row =
            pc_xlsx_notef(w, ws, row, "%zu more rows are not shown: a sheet holds at most %d rows.",
                          left_out, w->last_row + 1);
    pc_xlsx_note(w, ws, row,
                 "US dollars: each amount divided by the rate, rounded to the cent, as cash is "
                 "converted; Grants of Plan-Based Awards shows them rounded to the dollar.");
}
