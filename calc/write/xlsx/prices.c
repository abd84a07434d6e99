/*
 * The Prices input sheet of report.xlsx (SPEC section 9: one cell per
 * fact): every close and dividend of prices.csv the workbook uses, once,
 * with its prices.csv line. Award Valuations, Equity Award Detail and TSR
 * refer to these cells instead of copying the figures, so a close edited
 * here moves the valuations, the equity award tables, TSR and, through
 * them, CAP and Pay vs Performance, as `paycalc run` does with the same
 * edit in prices.csv.
 *
 * The rows are planned before any sheet is written (pc_xlsx_plan_prices):
 * a pass over the valuations, the TSR points and dividends and the equity
 * award steps marks the prices.csv rows they use (each found by a binary
 * search, paycalc/market.h), and the marked rows get their rows here in
 * date order. The sheet is the input's order, so each lookup is direct.
 */
#include "sheets.h"

#include "paycalc/market.h"

#include <stdlib.h>

/* Columns. */
#define PRICE_COL_DATE 0
#define PRICE_COL_CLOSE 1
#define PRICE_COL_DIVIDEND 2
#define PRICE_COL_LINE 3

/* The rows the sheet has room for above a blank row and three notes. */
static size_t prices_room(const pc_xlsx *w)
{
    return (size_t)(w->last_row - PC_XLSX_FIRST_DATA_ROW + 1 - 4);
}

/* The prices.csv row of exactly `date`, or NULL. */
static const pc_price *price_on(const pc_dataset *ds, pc_date date)
{
    const pc_price *p = pc_market_price_at(ds, date);
    return p && p->date == date ? p : NULL;
}

static void mark(pc_xlsx *w, pc_date date)
{
    const pc_price *p = price_on(w->ds, date);
    if (p)
        w->price_row[p - w->ds->prices.items] = 0; /* used: a row is given below */
}

void pc_xlsx_plan_prices(pc_xlsx *w)
{
    const pc_dataset *ds = w->ds;
    const pc_report *r = w->report;
    size_t n = ds->prices.count;
    w->price_row = malloc((n ? n : 1) * sizeof *w->price_row);
    if (!w->price_row) {
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return;
    }
    for (size_t i = 0; i < n; i++)
        w->price_row[i] = PC_XLSX_NONE;
    for (size_t i = 0; i < r->valuations.count; i++)
        if (r->valuations.items[i].inputs.has_price)
            mark(w, r->valuations.items[i].inputs.price_date);
    const pc_equity_tables *t = &r->equity;
    for (size_t i = 0; i < t->steps.count; i++)
        if (t->steps.items[i].price_line > 0)
            mark(w, t->steps.items[i].price_date);
    const pc_tsr *tsr = &r->tsr;
    if (tsr->computed) {
        mark(w, tsr->base_date);
        pc_date last = tsr->base_date;
        for (size_t i = 0; i < tsr->npoints && i < PC_MAX_YEARS; i++) {
            mark(w, tsr->points[i].price_date);
            if (tsr->points[i].date > last)
                last = tsr->points[i].date;
        }
        /* The dividends reinvested (pc_xlsx_write_tsr). */
        for (size_t k = pc_market_prices_after(ds, tsr->base_date);
             k < n && ds->prices.items[k].date <= last; k++)
            if (ds->prices.items[k].dividend_micro > 0)
                w->price_row[k] = 0;
    }
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    size_t room = prices_room(w), used = 0;
    for (size_t i = 0; i < n; i++) {
        if (w->price_row[i] == PC_XLSX_NONE)
            continue;
        if (used < room) {
            w->price_row[i] = row++;
            used++;
        } else {
            w->price_row[i] = PC_XLSX_NONE;
            w->prices_left_out++;
        }
    }
}

void pc_xlsx_price_cell(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int col, pc_date date,
                        int64_t micro, bool dividend)
{
    if (w->price_ref && date == w->price_ref_date && !dividend) {
        char formula[PC_XLSX_REF_SIZE + 2];
        snprintf(formula, sizeof formula, "=%s", w->price_ref);
        pc_xlsx_formula(w, ws, row, col, formula, w->f.price, pc_xlsx_micros_value(micro));
        return;
    }
    const pc_price *p = w->price_row ? price_on(w->ds, date) : NULL;
    int32_t at = p ? w->price_row[p - w->ds->prices.items] : PC_XLSX_NONE;
    if (at == PC_XLSX_NONE) {
        pc_xlsx_micros(w, ws, row, col, micro, w->f.price);
        return;
    }
    char ref[PC_XLSX_REF_SIZE], formula[PC_XLSX_REF_SIZE + 2];
    pc_xlsx_ref(ref, sizeof ref, PC_XLSX_SHEET_PRICES, at,
                dividend ? PRICE_COL_DIVIDEND : PRICE_COL_CLOSE);
    snprintf(formula, sizeof formula, "=%s", ref);
    pc_xlsx_formula(w, ws, row, col, formula, w->f.price, pc_xlsx_micros_value(micro));
}

void pc_xlsx_write_prices(pc_xlsx *w)
{
    lxw_worksheet *ws = w->prices;
    const pc_dataset *ds = w->ds;
    const pc_config *config = &w->ds->config;
    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, "Stock Prices Used", first, last);
    static const char *const titles[] = {"Date", "Closing Price ($)", "Dividend per Share ($)",
                                         "prices.csv Line"};
    static const double widths[] = {11, 12, 12, 10};
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, titles, widths, 4);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 0);
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    for (size_t i = 0; w->price_row && i < ds->prices.count && pc_xlsx_ok(w); i++) {
        if (w->price_row[i] == PC_XLSX_NONE)
            continue;
        const pc_price *p = &ds->prices.items[i];
        row = w->price_row[i];
        pc_xlsx_date(w, ws, row, PRICE_COL_DATE, p->date, w->f.date);
        pc_xlsx_micros(w, ws, row, PRICE_COL_CLOSE, p->close_micro, w->f.price);
        if (p->dividend_micro > 0)
            pc_xlsx_micros(w, ws, row, PRICE_COL_DIVIDEND, p->dividend_micro, w->f.price);
        pc_xlsx_number(w, ws, row, PRICE_COL_LINE, p->line, w->f.centred);
        row++;
    }
    row++;
    if (w->prices_left_out)
        row = pc_xlsx_notef(w, ws, row,
                            "%zu more prices are not shown: a sheet holds at most %d rows; "
                            "the sheets that use them hold their figures.",
                            w->prices_left_out, w->last_row + 1);
    if (row == PC_XLSX_FIRST_DATA_ROW + 1)
        row = pc_xlsx_note(w, ws, row, "No stock price was used.");
    row = pc_xlsx_note(w, ws, row,
                       "Each close and dividend of prices.csv the workbook uses, once: Award "
                       "Valuations, Equity Award Detail and TSR refer to these cells, so an edited "
                       "close moves the values, the equity award tables and TSR together.");
    /* Stock splits (corporate_actions.csv): the closes shown before a split
     * date are prices.csv's divided by its ratio (calc/read/read_splits.c). */
    for (size_t i = 0; i < ds->splits.count && pc_xlsx_ok(w); i++) {
        const pc_split *s = &ds->splits.items[i];
        char day[32];
        row = pc_xlsx_notef(w, ws, row,
                            "Stock split of %s, %lld new shares for %lld: the closes and dividends "
                            "dated before it are prices.csv's multiplied by %lld/%lld (see "
                            "Corporate Actions).",
                            pc_xlsx_day_text(w, s->date, day, sizeof day), (long long)s->new_shares,
                            (long long)s->old_shares, (long long)s->old_shares,
                            (long long)s->new_shares);
    }
}
