/*
 * The Peer Group TSR workpaper of report.xlsx (SPEC sections 9 and 11):
 * where paycalc computes the peer group TSR from peer_prices.csv, the
 * computation as formulas, so an edited close or market cap moves Pay vs
 * Performance's peer group TSR. At the top, a row per year with the value
 * of $100, =ROUND(100 x (w1 x g1 + w2 x g2 + ...) / (w1 + w2 + ...), 2);
 * under it a block per peer of the set: its weight (market_cap at the start
 * of the period, or 1 for equal weights and for a single-ticker index), the
 * base close, each dividend reinvested at its ex-date close (units held =
 * the row above x (1 + dividend / close), Item 201(e)) and each year-end
 * close with the growth of $1 = units x close / base close, each close once
 * with its peer_prices.csv line: the steps of calc/engine/peer_tsr.c.
 *
 * The summary rows are planned before Pay vs Performance is written (it
 * refers to them); the blocks follow the same walk over the prices.
 */
#include "sheets.h"

#include "paycalc/market.h"

#include <string.h>

/* Detail columns. */
#define COL_TICKER 0
#define COL_STEP 1
#define COL_DATE 2
#define COL_CLOSE 3
#define COL_DIVIDEND 4
#define COL_UNITS 5
#define COL_GROWTH 6
#define COL_WEIGHT 7
#define COL_LINE 8
#define NCOLS 9

/* Whether the peer group TSR of `p` is paycalc's, computed from peer
 * prices (not given by performance.csv). */
static bool computed(const pc_xlsx *w, const pc_pvp_row *p)
{
    const pc_dataset *ds = w->ds;
    if (!p->has_peer_tsr || !ds->config.peer_group || ds->config.smaller_reporting_company)
        return false;
    for (size_t i = 0; i < ds->performance.count; i++)
        if (ds->performance.items[i].year == p->year)
            return !ds->performance.items[i].has_peer_tsr;
    return true;
}

bool pc_xlsx_has_peer_tsr_sheet(const pc_xlsx *w)
{
    for (size_t i = 0; i < w->report->pvp.count; i++)
        if (computed(w, &w->report->pvp.items[i]))
            return true;
    return false;
}

/* The set's members, their count and how many have a market cap. */
static void members(const pc_dataset *ds, size_t *n, size_t *capped)
{
    *n = *capped = 0;
    for (size_t i = 0; i < ds->peers.count; i++)
        if (strcmp(ds->peers.items[i].set, ds->config.peer_group) == 0) {
            (*n)++;
            *capped += ds->peers.items[i].has_market_cap;
        }
}

/* One peer's walk: the base close and the rows after it up to `last`. */
typedef struct walk {
    size_t first, stop, base; /* base == stop: none */
} walk;

static walk peer_walk(const pc_dataset *ds, const char *ticker, pc_date base)
{
    walk k;
    pc_market_peer_rows(ds, ticker, &k.first, &k.stop);
    k.base = k.stop;
    for (size_t i = k.first; i < k.stop && ds->peer_prices.items[i].date <= base; i++)
        k.base = i;
    return k;
}

/* The computed years, oldest first, with their fiscal year ends. */
static size_t years_of(const pc_xlsx *w, int *years, pc_date *ends)
{
    const pc_report *r = w->report;
    size_t n = 0;
    for (size_t i = 0; i < r->pvp.count && n < PC_MAX_YEARS; i++)
        if (computed(w, &r->pvp.items[i]))
            years[n++] = r->pvp.items[i].year;
    for (size_t a = 1; a < n; a++) /* at most PC_MAX_YEARS: insertion sort */
        for (size_t b = a; b > 0 && years[b - 1] > years[b]; b--) {
            int t = years[b];
            years[b] = years[b - 1];
            years[b - 1] = t;
        }
    for (size_t i = 0; i < n; i++)
        ends[i] = pc_fiscal_year_end(w->ds->config.fiscal_year_end, years[i]);
    return n;
}

/* Walks the blocks: with `ws` NULL only counts rows and builds the summary
 * formulas (one numerator and one denominator per year into num[], den[]);
 * with `ws` writes them. Returns the row after the last block, or
 * PC_XLSX_NONE when a close is missing (the engine then had no value). */
static int32_t blocks(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const int *years,
                      const pc_date *ends, size_t ny, pc_buf *num, pc_buf *den)
{
    const pc_dataset *ds = w->ds;
    pc_date base = w->report->tsr.base_date;
    size_t n, capped;
    members(ds, &n, &capped);
    bool weighted = n > 1 && capped > 0;
    char ref[PC_XLSX_REF_SIZE], cell[PC_XLSX_REF_SIZE], f[4 * PC_XLSX_REF_SIZE];
    for (size_t p = 0; p < ds->peers.count && pc_xlsx_ok(w); p++) {
        const pc_peer *peer = &ds->peers.items[p];
        if (strcmp(peer->set, ds->config.peer_group) != 0)
            continue;
        walk k = peer_walk(ds, peer->ticker, base);
        if (k.base == k.stop || pc_market_stale(base, ds->peer_prices.items[k.base].date))
            return PC_XLSX_NONE;
        const pc_peer_price *b = &ds->peer_prices.items[k.base];
        int32_t base_row = row;
        double units = 1.0;
        if (row > w->last_row)
            return PC_XLSX_NONE;
        if (ws) {
            pc_xlsx_text(w, ws, row, COL_TICKER, peer->ticker, w->f.bold);
            pc_xlsx_text(w, ws, row, COL_STEP, pc_xlsx_words(w, "Base close"), w->f.text);
            pc_xlsx_date(w, ws, row, COL_DATE, b->date, w->f.date);
            pc_xlsx_micros(w, ws, row, COL_CLOSE, b->close_micro, w->f.price);
            pc_xlsx_number(w, ws, row, COL_UNITS, 1, w->f.decimal);
            if (weighted)
                pc_xlsx_cents(w, ws, row, COL_WEIGHT, peer->market_cap_cents, w->f.dollars);
            else
                pc_xlsx_number(w, ws, row, COL_WEIGHT, 1, w->f.integer);
            pc_xlsx_number(w, ws, row, COL_LINE, b->line, w->f.centred);
        }
        int32_t units_row = row++;
        size_t div_index = k.stop; /* the last dividend row written, its close on units_row */
        size_t y = 0;
        size_t i = k.base + 1;
        while (y < ny) {
            const pc_peer_price *q = i < k.stop ? &ds->peer_prices.items[i] : NULL;
            if (q && q->date <= ends[y]) {
                if (q->dividend_micro > 0) {
                    units = pc_market_reinvest(units, (double)q->dividend_micro,
                                               (double)q->close_micro);
                    if (row > w->last_row)
                        return PC_XLSX_NONE;
                    if (ws) {
                        pc_xlsx_text(w, ws, row, COL_TICKER, peer->ticker, w->f.text);
                        pc_xlsx_text(w, ws, row, COL_STEP, pc_xlsx_words(w, "Dividend reinvested"),
                                     w->f.text);
                        pc_xlsx_date(w, ws, row, COL_DATE, q->date, w->f.date);
                        pc_xlsx_micros(w, ws, row, COL_CLOSE, q->close_micro, w->f.price);
                        pc_xlsx_micros(w, ws, row, COL_DIVIDEND, q->dividend_micro, w->f.price);
                        char u[PC_XLSX_REF_SIZE], d[PC_XLSX_REF_SIZE], c[PC_XLSX_REF_SIZE];
                        pc_xlsx_ref(u, sizeof u, NULL, units_row, COL_UNITS);
                        pc_xlsx_ref(d, sizeof d, NULL, row, COL_DIVIDEND);
                        pc_xlsx_ref(c, sizeof c, NULL, row, COL_CLOSE);
                        snprintf(f, sizeof f, "=%s*(1+%s/%s)", u, d, c);
                        pc_xlsx_formula(w, ws, row, COL_UNITS, f, w->f.decimal, units);
                        pc_xlsx_number(w, ws, row, COL_LINE, q->line, w->f.centred);
                    }
                    units_row = row++;
                    div_index = i;
                }
                i++;
                continue;
            }
            /* The year end: the last close on or before it. */
            const pc_peer_price *e = &ds->peer_prices.items[i - 1];
            if (pc_market_stale(ends[y], e->date))
                return PC_XLSX_NONE;
            if (row > w->last_row)
                return PC_XLSX_NONE;
            double growth = units * (double)e->close_micro / (double)b->close_micro;
            char u[PC_XLSX_REF_SIZE], c[PC_XLSX_REF_SIZE], bc[PC_XLSX_REF_SIZE];
            pc_xlsx_ref(u, sizeof u, NULL, units_row, COL_UNITS);
            pc_xlsx_ref(c, sizeof c, NULL, row, COL_CLOSE);
            pc_xlsx_ref(bc, sizeof bc, NULL, base_row, COL_CLOSE);
            if (ws) {
                char step[64];
                snprintf(step, sizeof step, pc_xlsx_words(w, "Fiscal %d year end"), years[y]);
                pc_xlsx_text(w, ws, row, COL_TICKER, peer->ticker, w->f.text);
                pc_xlsx_text(w, ws, row, COL_STEP, step, w->f.text);
                pc_xlsx_date(w, ws, row, COL_DATE, e->date, w->f.date);
                if (div_index == i - 1) {
                    /* The close of the dividend's row above, once. */
                    char dc[PC_XLSX_REF_SIZE];
                    pc_xlsx_ref(dc, sizeof dc, NULL, units_row, COL_CLOSE);
                    snprintf(f, sizeof f, "=%s", dc);
                    pc_xlsx_formula(w, ws, row, COL_CLOSE, f, w->f.price,
                                    pc_xlsx_micros_value(e->close_micro));
                } else {
                    pc_xlsx_micros(w, ws, row, COL_CLOSE, e->close_micro, w->f.price);
                }
                snprintf(f, sizeof f, "=%s", u);
                pc_xlsx_formula(w, ws, row, COL_UNITS, f, w->f.decimal, units);
                snprintf(f, sizeof f, "=%s*%s/%s", u, c, bc);
                pc_xlsx_formula(w, ws, row, COL_GROWTH, f, w->f.decimal, growth);
                pc_xlsx_number(w, ws, row, COL_LINE, e->line, w->f.centred);
            } else {
                pc_xlsx_ref(ref, sizeof ref, NULL, base_row, COL_WEIGHT);
                pc_xlsx_ref(cell, sizeof cell, NULL, row, COL_GROWTH);
                pc_buf_printf(&num[y], "%s%s*%s", num[y].len ? "+" : "", ref, cell);
                pc_buf_printf(&den[y], "%s%s", den[y].len ? "+" : "", ref);
            }
            row++;
            y++;
        }
    }
    return row;
}

void pc_xlsx_plan_peer_tsr(pc_xlsx *w)
{
    w->at.npeer_tsr = 0;
    if (!pc_xlsx_has_peer_tsr_sheet(w))
        return;
    int years[PC_MAX_YEARS];
    pc_date ends[PC_MAX_YEARS];
    size_t ny = years_of(w, years, ends);
    pc_buf num[PC_MAX_YEARS] = {{0}}, den[PC_MAX_YEARS] = {{0}};
    int32_t detail = PC_XLSX_FIRST_DATA_ROW + (int32_t)ny + 2; /* a blank row, the header */
    int32_t end = blocks(w, NULL, detail + 1, years, ends, ny, num, den);
    bool failed = false;
    for (size_t y = 0; y < ny; y++)
        failed |= num[y].failed || den[y].failed;
    if (failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    for (size_t y = 0; y < ny && end != PC_XLSX_NONE && !failed; y++) {
        const pc_pvp_row *p = pc_xlsx_pvp_for_year(w->report, years[y]);
        /* The rounding of the value of $100 to the cent (R6). */
        pc_buf_clear(&w->peer_tsr_formula[y]);
        pc_buf_printf(&w->peer_tsr_formula[y], "=ROUND(100*(%s)/(%s),2)", pc_buf_text(&num[y]),
                      pc_buf_text(&den[y]));
        if (w->peer_tsr_formula[y].failed)
            pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        /* Excel's formulas hold at most 8,192 characters: past that the
         * value stays a figure. */
        bool fits = w->peer_tsr_formula[y].len < 8000;
        w->at.peer_tsr_year[w->at.npeer_tsr] = years[y];
        w->at.peer_tsr_value[w->at.npeer_tsr] = p ? p->peer_tsr : 0;
        w->at.peer_tsr_row[w->at.npeer_tsr++] =
            fits && p ? PC_XLSX_FIRST_DATA_ROW + (int32_t)y : PC_XLSX_NONE;
    }
    w->at.peer_tsr_detail = detail;
    for (size_t y = 0; y < ny; y++) {
        pc_buf_fini(&num[y]);
        pc_buf_fini(&den[y]);
    }
}

int32_t pc_xlsx_peer_tsr_row(const pc_xlsx *w, int year)
{
    for (size_t i = 0; i < w->at.npeer_tsr; i++)
        if (w->at.peer_tsr_year[i] == year)
            return w->at.peer_tsr_row[i];
    return PC_XLSX_NONE;
}

void pc_xlsx_write_peer_tsr(pc_xlsx *w, lxw_worksheet *ws)
{
    const pc_config *config = &w->ds->config;
    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, "Peer Group Total Shareholder Return", first, last);
    static const char *const titles[NCOLS] = {"Ticker",
                                              "Step",
                                              "Date",
                                              "Closing Price ($)",
                                              "Dividend per Share ($)",
                                              "Units Held",
                                              "Growth of $1",
                                              "Weight (Market Cap $)",
                                              "peer_prices.csv Line"};
    static const double widths[NCOLS] = {10, 20, 11, 12, 12, 12, 12, 18, 12};
    /* The values Pay vs Performance refers to, above the detail (whose
     * headers set the column widths). */
    const char *value_title = pc_xlsx_words(w, "Peer Group Total Shareholder Return ($)");
    pc_xlsx_text(w, ws, PC_XLSX_HEADER_ROW, 0, pc_xlsx_words(w, "Fiscal Year"), w->f.header);
    pc_xlsx_text(w, ws, PC_XLSX_HEADER_ROW, 1, value_title, w->f.header);
    pc_xlsx_check(w, worksheet_set_row(ws, PC_XLSX_HEADER_ROW,
                                       pc_xlsx_header_height(widths[1], value_title), NULL));
    /* Each printed page repeats the detail's headers (below). */
    pc_xlsx_page_setup(w, ws, 1, false);
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    for (size_t y = 0; y < w->at.npeer_tsr && pc_xlsx_ok(w); y++, row++) {
        pc_xlsx_number(w, ws, row, 0, w->at.peer_tsr_year[y], w->f.year);
        double value = (double)w->at.peer_tsr_value[y] / 100.0;
        if (w->at.peer_tsr_row[y] != PC_XLSX_NONE)
            pc_xlsx_formula(w, ws, row, 1, pc_buf_text(&w->peer_tsr_formula[y]), w->f.tsr, value);
        else
            pc_xlsx_number(w, ws, row, 1, value, w->f.tsr);
    }
    if (w->at.npeer_tsr == 0) {
        pc_xlsx_note(w, ws, row + 1,
                     "A close the peer group TSR needs is missing or past the sheet's end: the "
                     "values are paycalc's figures.");
        return;
    }
    row = w->at.peer_tsr_detail;
    pc_xlsx_headers(w, ws, row, titles, widths, NCOLS);
    pc_xlsx_check(w, worksheet_repeat_rows(ws, (lxw_row_t)row, (lxw_row_t)row));
    int years[PC_MAX_YEARS];
    pc_date ends[PC_MAX_YEARS];
    size_t ny = years_of(w, years, ends);
    row = blocks(w, ws, row + 1, years, ends, ny, NULL, NULL);
    if (row == PC_XLSX_NONE)
        return;
    char set[256];
    snprintf(set, sizeof set, "%s", config->peer_group);
    pc_xlsx_notef(w, ws, row + 1,
                  "The peer group %s, by the method of Item 201(e) of Regulation S-K: each "
                  "peer's $1 invested at the base close, dividends reinvested at the ex-date "
                  "close, weighted by its market cap at the start of the period (equal weights "
                  "when no peer has one; none for a single index), as the value of $100 rounded "
                  "to the cent. Pay vs Performance refers to the values at the top.",
                  set);
}
