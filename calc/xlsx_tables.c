/*
 * The three proxy tables of report.xlsx (SPEC section 9): the Summary
 * Compensation Table (Item 402(c), or 402(n) for a smaller reporting
 * company), the reconciliation behind compensation actually paid (Item
 * 402(v)(2)(iii)) and the Pay versus Performance table (Item 402(v)(2)).
 *
 * Every figure the engine derived from other figures is a live formula over
 * the cells it comes from, with the engine's exact figure stored as the
 * formula's value, so a reader can trace it and a program that does not
 * recalculate still reads the right number:
 * - an SCT total is =SUM of its row's columns (R3: the table foots);
 * - a CAP is =SUM of its reconciliation lines (R4);
 * - each line of the non-PEO NEO average is =ROUND(AVERAGE(the NEOs' cells
 *   of that line), cap_decimals), and the average CAP the SUM of the
 *   averaged lines (R5);
 * - the Pay vs Performance figures point at those cells on the other sheets.
 * A reference is written only when the figure it points at equals the one
 * the engine put in the table; otherwise the figure is written as a plain
 * number, so the sheet never shows a value other than the engine's.
 *
 * Years: the Pay vs Performance table and the reconciliation list the most
 * recent year first, as filings print them (the CBAK 2023 proxy does); the
 * Summary Compensation Table keeps the engine's order (by person, then year).
 */
#include "xlsx_internal.h"

#include <stdlib.h>
#include <string.h>

/* --------------------------------------------------------------- helpers */

static int year_cmp_desc(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x < y) - (x > y);
}

static const pc_pvp_row *pvp_for_year(const pc_report *r, int year)
{
    for (size_t i = 0; i < r->pvp.count; i++)
        if (r->pvp.items[i].year == year)
            return &r->pvp.items[i];
    return NULL;
}

/* The index of the CAP row of a subject in a year, or XW_NONE. */
static long cap_index(const pc_report *r, int year, size_t subject)
{
    for (size_t i = 0; i < r->cap.count; i++)
        if (r->cap.items[i].year == year && r->cap.items[i].subject == subject)
            return (long)i;
    return XW_NONE;
}

static bool is_peo(const pc_pvp_row *p, size_t person)
{
    if (!p)
        return false;
    for (size_t k = 0; k < p->npeo && k < PC_MAX_PEOS; k++)
        if (p->peo[k].person == person)
            return true;
    return false;
}

/* ------------------------------------------------- Summary Compensation */

static const char *const sct_titles[] = {
    "Name and Principal Position",
    "Year",
    "Salary ($)",
    "Bonus ($)",
    "Stock Awards ($)",
    "Option Awards ($)",
    "Non-Equity Incentive Plan Compensation ($)",
    "Change in Pension Value and Nonqualified Deferred Compensation Earnings ($)",
    "All Other Compensation ($)",
    "Total ($)",
};

/* Column of each pc_sct_column on the sheet (name and year come first). */
#define SCT_COL(c) ((int)(c) + 2)

static void sct_fx_notes(xw *w, lxw_worksheet *ws, int32_t *row, int first, int last, int *number)
{
    const pc_report *r = w->report;
    size_t shown = 0, total = 0;
    for (size_t i = 0; i < r->rates.count; i++)
        if (r->rates.items[i].fiscal_year >= first && r->rates.items[i].fiscal_year <= last)
            total++;
    if (total == 0)
        return;
    /* A footnote lists a handful of rates; with payment-date rates there
     * can be hundreds, and the Exchange Rates sheet has them all. */
    const size_t limit = 12;
    for (size_t i = 0; i < r->rates.count && shown < limit; i++) {
        const pc_rate_used *rt = &r->rates.items[i];
        if (rt->fiscal_year < first || rt->fiscal_year > last)
            continue;
        char rate[48], date[16], lead[16] = "", src[512] = "", text[2048];
        xw_rate_text(rt->per_usd_micro, rate, sizeof rate);
        if (rt->source && *rt->source)
            snprintf(src, sizeof src, " (%s)", rt->source);
        /* The first rate opens the numbered note; the others continue it. */
        if (shown == 0)
            snprintf(lead, sizeof lead, "(%d) ", (*number)++);
        const char *cur = rt->currency;
        switch (rt->method) {
        case PC_FX_ANNUAL_AVERAGE:
            if (rt->observations > 1)
                snprintf(text, sizeof text,
                         "%sAmounts paid in %s were converted at %s %s per USD, the mean of %d "
                         "daily rates in fiscal %d rounded to 4 decimals%s.",
                         lead, cur, rate, cur, rt->observations, rt->fiscal_year, src);
            else
                snprintf(text, sizeof text,
                         "%sAmounts paid in %s were converted at %s %s per USD, the average rate "
                         "for fiscal %d%s.",
                         lead, cur, rate, cur, rt->fiscal_year, src);
            break;
        case PC_FX_PAYMENT_DATE:
            snprintf(text, sizeof text,
                     "%sAmounts paid in %s in fiscal %d on or after %s (before the next rate) were "
                     "converted at %s %s per USD, the rate of that day%s.",
                     lead, cur, rt->fiscal_year,
                     rt->date == PC_DATE_NONE ? "?" : pc_date_format(rt->date, date), rate, cur,
                     src);
            break;
        case PC_FX_YEAR_END:
            snprintf(text, sizeof text,
                     "%sAmounts paid in %s in fiscal %d were converted at %s %s per USD, the rate "
                     "at the fiscal year end (%s)%s.",
                     lead, cur, rt->fiscal_year, rate, cur,
                     rt->date == PC_DATE_NONE ? "?" : pc_date_format(rt->date, date), src);
            break;
        }
        *row = shown == 0 ? xw_note(w, ws, *row, text) : xw_note_more(w, ws, *row, text);
        shown++;
    }
    if (total > shown) {
        char text[128];
        snprintf(text, sizeof text,
                 "... and %zu more rates, all listed on the Exchange Rates sheet.", total - shown);
        *row = xw_note_more(w, ws, *row, text);
    }
}

/* How the grant-date values in the SCT were measured (Item 402(c)(2)(v)
 * and (vi), Instruction 1: FASB ASC Topic 718). */

/* "3 from fair values supplied by the company, 2 at the closing stock
 * price, ...)." : how many valuations each method gave, for a footnote. */
static void add_method_counts(xw_buf *b, const size_t *by_method)
{
    const char *sep = "";
    if (by_method[PC_METHOD_SUPPLIED]) {
        xw_buf_add(b, " %zu from fair values supplied by the company",
                   by_method[PC_METHOD_SUPPLIED]);
        sep = ",";
    }
    if (by_method[PC_METHOD_STOCK_PRICE]) {
        xw_buf_add(b, "%s %zu at the closing stock price", sep, by_method[PC_METHOD_STOCK_PRICE]);
        sep = ",";
    }
    if (by_method[PC_METHOD_BLACK_SCHOLES])
        xw_buf_add(b, "%s %zu with the Black-Scholes-Merton model", sep,
                   by_method[PC_METHOD_BLACK_SCHOLES]);
    xw_buf_add(b, ").");
}

static void sct_equity_note(xw *w, lxw_worksheet *ws, int32_t *row, int first, int last,
                            int *number)
{
    const pc_report *r = w->report;
    size_t by_method[3] = {0, 0, 0};
    size_t performance = 0;
    for (size_t i = 0; i < r->valuations.count; i++) {
        const pc_valuation *v = &r->valuations.items[i];
        if (v->purpose != PC_PURPOSE_GRANT || v->line >= 0 || v->year < first || v->year > last)
            continue;
        if ((unsigned)v->method < 3)
            by_method[v->method]++;
        if (v->probable_micro != PC_MICRO)
            performance++;
    }
    size_t n = by_method[0] + by_method[1] + by_method[2];
    if (n == 0) {
        *row = xw_notef(w, ws, *row, "(%d) No equity awards were granted in the years shown.",
                        (*number)++);
        return;
    }
    xw_buf b = {0};
    xw_buf_add(&b,
               "(%d) Stock Awards and Option Awards are the aggregate grant-date fair values of "
               "the awards granted in each fiscal year, computed in accordance with FASB ASC "
               "Topic 718 (%zu tranche values:",
               (*number)++, n);
    add_method_counts(&b, by_method);
    if (performance)
        xw_buf_add(&b, " Performance-condition awards are at the probable outcome at the grant "
                       "date.");
    xw_buf_add(&b, " Every valuation and its inputs are on the Award Valuations sheet.");
    if (b.failed)
        xw_fail(w, PC_ERR_NOMEM, "out of memory");
    *row = xw_note(w, ws, *row, xw_buf_text(&b));
    xw_buf_free(&b);
}

void xw_write_sct(xw *w)
{
    lxw_worksheet *ws = w->sct;
    const pc_report *r = w->report;
    const pc_config *config = &w->ds->config;
    int first = 0, last = 0;
    for (size_t i = 0; i < r->sct.count; i++) {
        w->at.sct_row[i] = XW_NONE;
        const pc_sct_row *s = &r->sct.items[i];
        if (!s->in_table)
            continue;
        if (first == 0 || s->year < first)
            first = s->year;
        if (s->year > last)
            last = s->year;
    }
    if (first == 0 && config->nyears > 0) {
        int n = config->sct_years > 0 && config->sct_years < config->nyears ? config->sct_years
                                                                            : config->nyears;
        first = config->years[config->nyears - n];
        last = config->years[config->nyears - 1];
    }
    xw_heading(w, ws, "Summary Compensation Table", first, last);
    /* A smaller reporting company's column (h) is NQDC earnings alone (Item
     * 402(n)(2)(viii)); the full wording stays if any row has a pension
     * change, so the header never hides an amount. */
    bool pension = !config->smaller_reporting_company;
    for (size_t i = 0; i < r->sct.count && !pension; i++)
        pension = r->sct.items[i].in_table && r->sct.items[i].pension_change != 0;
    const char *titles[10];
    memcpy(titles, sct_titles, sizeof titles);
    if (!pension)
        titles[SCT_COL(PC_SCT_PENSION_NQDC)] = "Nonqualified Deferred Compensation Earnings ($)";
    /* The first column holds names and positions: as wide as the longest
     * (within 60 characters, beyond which a position wraps). */
    double widths[] = {xw_name_width(w, 34, 60), 7, 12, 12, 12, 12, 15, 19, 13, 13};
    for (size_t i = 0; i < r->sct.count; i++) {
        const char *position = r->sct.items[i].position;
        double need =
            r->sct.items[i].in_table && position ? (double)xw_display_width(position) / 1.1 + 2 : 0;
        if (need > widths[0])
            widths[0] = need < 60 ? need : 60;
    }
    xw_headers(w, ws, XW_HEADER_ROW, titles, widths, 10);
    xw_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, XW_FIRST_DATA_ROW, 1);
    w->at.sct_total_col = SCT_COL(PC_SCT_TOTAL);

    int32_t row = XW_FIRST_DATA_ROW;
    size_t i = 0;
    while (i < r->sct.count && xw_ok(w)) {
        /* One person's rows: name on the first, position on the second (a
         * proxy's two-line cell); the latest year's position is shown. */
        size_t person = r->sct.items[i].person, end = i, shown = 0;
        const char *position = NULL;
        while (end < r->sct.count && r->sct.items[end].person == person) {
            if (r->sct.items[end].in_table) {
                shown++;
                position = r->sct.items[end].position;
            }
            end++;
        }
        const char *name = xw_person_name(w, person);
        size_t k = 0;
        for (; i < end; i++) {
            const pc_sct_row *s = &r->sct.items[i];
            if (!s->in_table)
                continue;
            char cell[2048];
            if (k == 0 && shown == 1 && position && *position)
                snprintf(cell, sizeof cell, "%s\n%s", name, position);
            else
                snprintf(cell, sizeof cell, "%s",
                         k == 0               ? name
                         : k == 1 && position ? position
                                              : "");
            if (k <= 1) {
                xw_text(w, ws, row, 0, cell, w->f.wrap);
                xw_row_lines(w, ws, row, xw_cell_lines(w, 0, cell));
            }
            xw_number(w, ws, row, 1, s->year, w->f.year);
            for (int c = 0; c < PC_SCT_TOTAL; c++)
                xw_cents(w, ws, row, SCT_COL(c), s->column[c], w->f.dollars);
            char first_cell[XW_REF_SIZE], last_cell[XW_REF_SIZE], formula[3 * XW_REF_SIZE];
            xw_ref(first_cell, sizeof first_cell, NULL, row, SCT_COL(PC_SCT_SALARY));
            xw_ref(last_cell, sizeof last_cell, NULL, row, SCT_COL(PC_SCT_ALL_OTHER));
            snprintf(formula, sizeof formula, "=SUM(%s:%s)", first_cell, last_cell);
            xw_formula(w, ws, row, SCT_COL(PC_SCT_TOTAL), formula, w->f.dollars,
                       (double)s->column[PC_SCT_TOTAL] / 100.0);
            w->at.sct_row[i] = row++;
            k++;
        }
    }
    if (row == XW_FIRST_DATA_ROW)
        row = xw_note(w, ws, row, "No named executive officer rows for the years shown.");

    row++;
    int number = 1;
    sct_fx_notes(w, ws, &row, first, last, &number);
    sct_equity_note(w, ws, &row, first, last, &number);
    xw_notef(w, ws, row,
             "(%d) Each column is rounded to the whole dollar; Total is the sum of the rounded "
             "columns (a formula), so the table foots.",
             number++);
}

/* --------------------------------------------------- CAP Reconciliation */

/* Pension lines do not apply to a smaller reporting company (the engine
 * leaves them at 0); they are left out then, unless one is not 0. */
static bool show_line(xw *w, pc_cap_line line)
{
    if (line != PC_CAP_LESS_PENSION && line != PC_CAP_PLUS_PENSION_SERVICE &&
        line != PC_CAP_PLUS_PENSION_PRIOR_SERVICE)
        return true;
    if (!w->ds->config.smaller_reporting_company)
        return true;
    for (size_t i = 0; i < w->report->cap.count; i++)
        if (w->report->cap.items[i].line[line] != 0)
            return true;
    return false;
}

static int row_cmp(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* "D7:D9,D11" over sorted rows of one column; false if it does not fit. */
static bool cells_list(char *buf, size_t size, const int32_t *rows, size_t n, int col)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j + 1 < n && rows[j + 1] == rows[j] + 1)
            j++;
        char a[XW_REF_SIZE], b[XW_REF_SIZE];
        xw_ref(a, sizeof a, NULL, rows[i], col);
        xw_ref(b, sizeof b, NULL, rows[j], col);
        int k = j > i ? snprintf(buf + len, size - len, "%s%s:%s", len ? "," : "", a, b)
                      : snprintf(buf + len, size - len, "%s%s", len ? "," : "", a);
        if (k < 0 || (size_t)k >= size - len)
            return false;
        len += (size_t)k;
        i = j + 1;
    }
    return len > 0;
}

static void sum_formula(char *buf, size_t size, int32_t row, int first_col, int last_col)
{
    char a[XW_REF_SIZE], b[XW_REF_SIZE];
    xw_ref(a, sizeof a, NULL, row, first_col);
    xw_ref(b, sizeof b, NULL, row, last_col);
    snprintf(buf, size, "=SUM(%s:%s)", a, b);
}

/* A person's row in one year of the reconciliation. */
typedef struct subject_row {
    size_t subject;
    int32_t row;
} subject_row;

static int subject_cmp(const void *a, const void *b)
{
    size_t x = ((const subject_row *)a)->subject, y = ((const subject_row *)b)->subject;
    return (x > y) - (x < y);
}

/* The rows of the NEOs averaged in a year (R5): the people the engine lists
 * in avg_people, else every NEO row of the year. `people` holds the year's
 * person rows sorted by person (so each lookup is a binary search). Returns
 * how many rows, sorted; 0 when an averaged NEO has no row (then the
 * average is written as numbers, not as a formula that would be wrong). */
static size_t neo_rows(const pc_pvp_row *p, const subject_row *people, size_t npeople, int32_t *out)
{
    size_t n = 0;
    if (p && p->has_average && p->avg_count > 0) {
        for (size_t k = 0; k < p->avg_count; k++) {
            subject_row key = {p->avg_people[k], 0};
            const subject_row *hit = bsearch(&key, people, npeople, sizeof *people, subject_cmp);
            if (!hit)
                return 0;
            out[n++] = hit->row;
        }
    } else {
        for (size_t k = 0; k < npeople; k++)
            if (!is_peo(p, people[k].subject))
                out[n++] = people[k].row;
    }
    qsort(out, n, sizeof *out, row_cmp);
    return n;
}

static void cap_person_row(xw *w, int32_t row, const pc_cap_row *c, const pc_pvp_row *p,
                           int first_col, int last_col)
{
    lxw_worksheet *ws = w->cap;
    xw_number(w, ws, row, 0, c->year, w->f.year);
    const char *name = xw_person_name(w, c->subject);
    xw_text(w, ws, row, 1, name, w->f.wrap);
    xw_row_lines(w, ws, row, xw_cell_lines(w, 1, name));
    xw_text(w, ws, row, 2, is_peo(p, c->subject) ? "PEO" : "Non-PEO NEO", w->f.text);
    for (int l = 0; l < PC_CAP_CAP; l++)
        if (w->at.cap_col[l] != XW_NONE)
            xw_cents(w, ws, row, w->at.cap_col[l], c->line[l], w->f.cap);
    char formula[3 * XW_REF_SIZE];
    sum_formula(formula, sizeof formula, row, first_col, last_col);
    xw_formula(w, ws, row, w->at.cap_col[PC_CAP_CAP], formula, w->f.cap_sum,
               (double)c->line[PC_CAP_CAP] / 100.0);
}

static void cap_average_row(xw *w, int32_t row, const pc_cap_row *c, const int32_t *rows, size_t n,
                            int first_col, int last_col)
{
    lxw_worksheet *ws = w->cap;
    int decimals = w->ds->config.cap_decimals == 2 ? 2 : 0;
    xw_number(w, ws, row, 0, c->year, w->f.year);
    xw_text(w, ws, row, 1, "Average of non-PEO NEOs", w->f.cap_label);
    xw_textf(w, ws, row, 2, w->f.cap_label, "Average of %zu", n);
    char cells[4096], formula[4200];
    for (int l = 0; l < PC_CAP_CAP; l++) {
        int col = w->at.cap_col[l];
        if (col == XW_NONE)
            continue;
        if (n > 0 && cells_list(cells, sizeof cells, rows, n, col)) {
            snprintf(formula, sizeof formula, "=ROUND(AVERAGE(%s),%d)", cells, decimals);
            xw_formula(w, ws, row, col, formula, w->f.cap_total, (double)c->line[l] / 100.0);
        } else {
            xw_cents(w, ws, row, col, c->line[l], w->f.cap_total);
        }
    }
    sum_formula(formula, sizeof formula, row, first_col, last_col);
    xw_formula(w, ws, row, w->at.cap_col[PC_CAP_CAP], formula, w->f.cap_total,
               (double)c->line[PC_CAP_CAP] / 100.0);
}

/* How the equity awards were re-measured for CAP (Item 402(v)(2)(iii)(C),
 * and the footnote disclosure of assumptions that differ materially from
 * those at grant). */
static int32_t fair_value_note(xw *w, lxw_worksheet *ws, int32_t row, int number)
{
    const pc_report *r = w->report;
    size_t by_method[3] = {0, 0, 0}, performance = 0, bs = 0;
    double lo[4] = {0}, hi[4] = {0}; /* volatility, rate, yield, term */
    for (size_t i = 0; i < r->valuations.count; i++) {
        const pc_valuation *v = &r->valuations.items[i];
        if (v->line < 0)
            continue;
        if ((unsigned)v->method < 3)
            by_method[v->method]++;
        if (v->probable_micro != PC_MICRO)
            performance++;
        if (v->method == PC_METHOD_BLACK_SCHOLES && v->inputs.has_assumptions) {
            double x[4] = {v->inputs.volatility, v->inputs.rate, v->inputs.yield, v->inputs.term};
            for (int k = 0; k < 4; k++) {
                if (bs == 0 || x[k] < lo[k])
                    lo[k] = x[k];
                if (bs == 0 || x[k] > hi[k])
                    hi[k] = x[k];
            }
            bs++;
        }
    }
    size_t n = by_method[0] + by_method[1] + by_method[2];
    if (n == 0)
        return xw_note(w, ws, row,
                       "No equity award was outstanding, vested or forfeited in the covered years: "
                       "the reconciliation has no fair value lines.");
    xw_buf b = {0};
    xw_buf_add(&b,
               "(%d) Equity awards were re-measured at each fiscal year end and vesting date in "
               "accordance with FASB ASC Topic 718 (%zu values:",
               number, n);
    add_method_counts(&b, by_method);
    if (performance)
        xw_buf_add(&b, " Performance-condition awards are at the probable outcome at each date.");
    row = xw_note(w, ws, row, xw_buf_text(&b));
    if (bs) {
        b.len = 0;
        /* Each assumption as a range, or one figure when every valuation
         * used the same. */
        static const char *const what[4] = {"volatility", "risk-free rate", "dividend yield",
                                            "expected term"};
        xw_buf_add(&b, "Black-Scholes-Merton assumptions used:");
        for (int k = 0; k < 4; k++) {
            double scale = k < 3 ? 100 : 1;
            const char *unit = k < 3 ? "%" : " years";
            char a[32], z[32];
            snprintf(a, sizeof a, "%.2f", lo[k] * scale);
            snprintf(z, sizeof z, "%.2f", hi[k] * scale);
            if (strcmp(a, z) == 0)
                xw_buf_add(&b, "%s %s %s%s", k ? "," : "", what[k], a, unit);
            else
                xw_buf_add(&b, "%s %s %s%s to %s%s", k ? "," : "", what[k], a, unit, z, unit);
        }
        xw_buf_add(&b, ".");
        row = xw_note_more(w, ws, row, xw_buf_text(&b));
    }
    row = xw_note_more(w, ws, row,
                       "Every valuation, with its date, inputs and the line it feeds, is on the "
                       "Award Valuations sheet.");
    if (b.failed)
        xw_fail(w, PC_ERR_NOMEM, "out of memory");
    xw_buf_free(&b);
    return row;
}

void xw_write_cap(xw *w)
{
    lxw_worksheet *ws = w->cap;
    const pc_report *r = w->report;
    const pc_config *config = &w->ds->config;

    const char *titles[3 + PC_CAP_NLINES];
    char line_titles[PC_CAP_NLINES][160];
    double widths[3 + PC_CAP_NLINES];
    size_t ncols = 0;
    titles[ncols] = "Year";
    widths[ncols++] = 7;
    titles[ncols] = "Executive";
    widths[ncols++] = xw_name_width(w, 24, 50);
    titles[ncols] = "Role";
    widths[ncols++] = 13;
    for (int l = 0; l < PC_CAP_NLINES; l++) {
        w->at.cap_col[l] = XW_NONE;
        if (!show_line(w, (pc_cap_line)l))
            continue;
        snprintf(line_titles[l], sizeof line_titles[l], "%s ($)",
                 xw_cap_line_words((pc_cap_line)l));
        w->at.cap_col[l] = (int)ncols;
        titles[ncols] = line_titles[l];
        widths[ncols++] = 16;
    }
    int first_col = w->at.cap_col[PC_CAP_SCT_TOTAL];
    int last_col = w->at.cap_col[PC_CAP_CAP] - 1;

    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    xw_heading(w, ws, "Compensation Actually Paid: Reconciliation", first, last);
    xw_headers(w, ws, XW_HEADER_ROW, titles, widths, ncols);
    xw_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, XW_FIRST_DATA_ROW, 2);

    /* Distinct years, most recent first. */
    int *years = malloc((r->cap.count + 1) * sizeof *years);
    subject_row *people = malloc((r->cap.count + 1) * sizeof *people);
    int32_t *avg_rows = malloc((r->cap.count + 1) * sizeof *avg_rows);
    if (!years || !people || !avg_rows) {
        xw_fail(w, PC_ERR_NOMEM, "out of memory");
        goto done;
    }
    size_t nyears = 0;
    for (size_t i = 0; i < r->cap.count; i++) {
        w->at.cap_row[i] = XW_NONE;
        bool seen = false;
        for (size_t k = 0; k < nyears && !seen; k++)
            seen = years[k] == r->cap.items[i].year;
        if (!seen)
            years[nyears++] = r->cap.items[i].year;
    }
    qsort(years, nyears, sizeof *years, year_cmp_desc);

    int32_t row = XW_FIRST_DATA_ROW;
    for (size_t y = 0; y < nyears && xw_ok(w); y++) {
        const pc_pvp_row *p = pvp_for_year(r, years[y]);
        size_t n = 0;
        /* The PEOs and NEOs first (the engine's order), then the average. */
        for (size_t i = 0; i < r->cap.count; i++) {
            const pc_cap_row *c = &r->cap.items[i];
            if (c->year != years[y] || c->subject == PC_SUBJECT_AVERAGE)
                continue;
            cap_person_row(w, row, c, p, first_col, last_col);
            people[n++] = (subject_row){c->subject, row};
            w->at.cap_row[i] = row++;
        }
        qsort(people, n, sizeof *people, subject_cmp);
        for (size_t i = 0; i < r->cap.count; i++) {
            const pc_cap_row *c = &r->cap.items[i];
            if (c->year != years[y] || c->subject != PC_SUBJECT_AVERAGE)
                continue;
            size_t navg = neo_rows(p, people, n, avg_rows);
            cap_average_row(w, row, c, avg_rows, navg, first_col, last_col);
            w->at.cap_row[i] = row++;
        }
        row++; /* a blank row between years */
    }
    if (nyears == 0)
        row = xw_note(w, ws, row, "No compensation actually paid was computed.") + 1;

    int decimals = config->cap_decimals == 2 ? 2 : 0;
    int number = 1;
    row = xw_notef(
        w, ws, row,
        "(%d) Each line is rounded to the %s; Compensation Actually Paid is the sum of the "
        "rounded lines (a formula over the row).",
        number++, decimals ? "cent" : "whole dollar");
    row = xw_notef(
        w, ws, row,
        "(%d) Each line of an average row is the mean of that line over the year's non-PEO "
        "NEOs listed above it, rounded to the %s (a formula); the average Compensation "
        "Actually Paid is the sum of the averaged lines.",
        number++, decimals ? "cent" : "whole dollar");
    if (w->at.cap_col[PC_CAP_LESS_PENSION] == XW_NONE)
        row = xw_notef(
            w, ws, row,
            "(%d) As a smaller reporting company, the company makes no pension adjustments; "
            "those lines are not shown.",
            number++);
    row = fair_value_note(w, ws, row, number);
done:
    free(years);
    free(people);
    free(avg_rows);
}

/* ---------------------------------------------------- Pay vs Performance */

/* A PvP column pair per PEO: one pair when no year has two PEOs (the names
 * per year go in a footnote), else one pair per person who was PEO in any
 * covered year ("PEO 1", "PEO 2", named in a footnote). */
typedef struct peo_slots {
    bool per_person;
    size_t count;
    size_t person[PC_MAX_PEOS * PC_MAX_YEARS];
} peo_slots;

static void find_slots(const pc_report *r, peo_slots *s)
{
    memset(s, 0, sizeof *s);
    s->count = 1;
    for (size_t i = 0; i < r->pvp.count; i++)
        if (r->pvp.items[i].npeo > 1)
            s->per_person = true;
    if (!s->per_person)
        return;
    s->count = 0;
    for (size_t i = 0; i < r->pvp.count; i++) {
        const pc_pvp_row *p = &r->pvp.items[i];
        for (size_t k = 0; k < p->npeo && k < PC_MAX_PEOS; k++) {
            bool seen = false;
            for (size_t j = 0; j < s->count && !seen; j++)
                seen = s->person[j] == p->peo[k].person;
            if (!seen && s->count < PC_MAX_PEOS * PC_MAX_YEARS)
                s->person[s->count++] = p->peo[k].person;
        }
    }
    if (s->count == 0) {
        s->per_person = false;
        s->count = 1;
    }
}

static const pc_pvp_peo *slot_peo(const peo_slots *s, size_t slot, const pc_pvp_row *p)
{
    if (!s->per_person)
        return p->npeo > 0 ? &p->peo[0] : NULL;
    for (size_t k = 0; k < p->npeo && k < PC_MAX_PEOS; k++)
        if (p->peo[k].person == s->person[slot])
            return &p->peo[k];
    return NULL;
}

/* A figure as a reference to the cell it comes from when that cell holds
 * exactly the same figure, else as a number. */
static void put_ref_or_number(xw *w, int32_t row, int col, const char *sheet, int32_t at_row,
                              int at_col, bool same, int64_t cents, lxw_format *fmt)
{
    if (same && at_row != XW_NONE && at_col != XW_NONE) {
        char ref[XW_REF_SIZE], formula[XW_REF_SIZE + 2];
        xw_ref(ref, sizeof ref, sheet, at_row, at_col);
        snprintf(formula, sizeof formula, "=%s", ref);
        xw_formula(w, w->pvp, row, col, formula, fmt, (double)cents / 100.0);
    } else {
        xw_cents(w, w->pvp, row, col, cents, fmt);
    }
}

static void pvp_peo_cells(xw *w, int32_t row, int col, const pc_pvp_row *p, const pc_pvp_peo *peo)
{
    const pc_report *r = w->report;
    if (!peo) {
        xw_blank(w, w->pvp, row, col, w->f.dollars);
        xw_blank(w, w->pvp, row, col + 1, w->f.cap);
        return;
    }
    long ci = cap_index(r, p->year, peo->person);
    const pc_cap_row *c = ci >= 0 ? &r->cap.items[ci] : NULL;
    int32_t cap_row = c ? w->at.cap_row[ci] : XW_NONE;
    /* SCT total: the Summary Compensation total where the SCT shows the
     * year, else the first line of the reconciliation (the same figure). */
    const pc_sct_row *s = pc_report_sct(r, peo->person, p->year);
    int32_t sct_row = s ? w->at.sct_row[s - r->sct.items] : XW_NONE;
    if (s && sct_row != XW_NONE && s->column[PC_SCT_TOTAL] == peo->sct_total)
        put_ref_or_number(w, row, col, XW_SHEET_SCT, sct_row, w->at.sct_total_col, true,
                          peo->sct_total, w->f.dollars);
    else
        put_ref_or_number(w, row, col, XW_SHEET_CAP, cap_row, w->at.cap_col[PC_CAP_SCT_TOTAL],
                          c && c->line[PC_CAP_SCT_TOTAL] == peo->sct_total, peo->sct_total,
                          w->f.dollars);
    put_ref_or_number(w, row, col + 1, XW_SHEET_CAP, cap_row, w->at.cap_col[PC_CAP_CAP],
                      c && c->line[PC_CAP_CAP] == peo->cap, peo->cap, w->f.cap);
}

/* The number format of the company-selected measure: as many decimals as
 * its values have (at most 6); the charts use the same (w->at). */
static lxw_format *csm_format(xw *w)
{
    int decimals = 0;
    for (size_t i = 0; i < w->report->pvp.count; i++) {
        const pc_pvp_row *p = &w->report->pvp.items[i];
        if (!p->has_csm)
            continue;
        int64_t v = p->csm_micro < 0 ? -p->csm_micro : p->csm_micro;
        int d = 6;
        while (d > 0 && v % 10 == 0) {
            v /= 10;
            d--;
        }
        if (d > decimals)
            decimals = d;
    }
    w->at.pvp_csm_decimals = decimals;
    return w->f.micros[decimals];
}

static lxw_format *net_income_format(xw *w)
{
    for (size_t i = 0; i < w->report->pvp.count; i++) {
        const pc_pvp_row *p = &w->report->pvp.items[i];
        if (p->has_net_income && p->net_income % 100 != 0)
            return w->f.cents;
    }
    return w->f.dollars;
}

/* "2021, 2022" or "2022": the covered years in which a test holds. */
static void years_text(char *buf, size_t size, const int *years, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n && len < size; i++) {
        int k = snprintf(buf + len, size - len, "%s%d", i ? ", " : "", years[i]);
        if (k < 0)
            break;
        len += (size_t)k;
    }
}

/* Footnotes (1) and (2): who the PEOs and the averaged NEOs were in each
 * year, as filings name them in a footnote to the table. */
static int32_t pvp_name_notes(xw *w, lxw_worksheet *ws, int32_t row, const peo_slots *slots,
                              const int *desc, size_t ndesc)
{
    const pc_report *r = w->report;
    xw_buf b = {0};
    if (slots->per_person) {
        for (size_t k = 0; k < slots->count; k++) {
            int years[PC_MAX_YEARS];
            size_t n = 0;
            for (size_t y = 0; y < ndesc; y++) {
                const pc_pvp_row *p = pvp_for_year(r, desc[y]);
                if (p && is_peo(p, slots->person[k]) && n < PC_MAX_YEARS)
                    years[n++] = desc[y];
            }
            char list[64];
            years_text(list, sizeof list, years, n);
            b.len = 0;
            xw_buf_add(&b, "%sPEO %zu: %s (PEO in %s).", k == 0 ? "(1) " : "", k + 1,
                       xw_person_name(w, slots->person[k]), list);
            row = k == 0 ? xw_note(w, ws, row, xw_buf_text(&b))
                         : xw_note_more(w, ws, row, xw_buf_text(&b));
        }
    } else {
        for (size_t y = 0; y < ndesc; y++) {
            const pc_pvp_row *p = pvp_for_year(r, desc[y]);
            b.len = 0; /* reuse the buffer: the next add writes from the start */
            xw_buf_add(&b, "%sPEO in %d: ", y == 0 ? "(1) " : "", desc[y]);
            if (p && p->npeo > 0)
                xw_buf_add(&b, "%s.", xw_person_name(w, p->peo[0].person));
            else
                xw_buf_add(&b, "none.");
            row = y == 0 ? xw_note(w, ws, row, xw_buf_text(&b))
                         : xw_note_more(w, ws, row, xw_buf_text(&b));
        }
    }
    for (size_t y = 0; y < ndesc; y++) {
        const pc_pvp_row *p = pvp_for_year(r, desc[y]);
        b.len = 0;
        const char *lead = y == 0 ? "(2) " : "";
        if (!p || !p->has_average || p->avg_count == 0) {
            xw_buf_add(&b, "%sNon-PEO NEOs in %d: none; the averages are left blank.", lead,
                       desc[y]);
        } else {
            xw_buf_add(&b, "%sNon-PEO NEOs in %d (average of %zu): ", lead, desc[y], p->avg_count);
            for (size_t k = 0; k < p->avg_count; k++)
                xw_buf_add(&b, "%s%s", k ? ", " : "", xw_person_name(w, p->avg_people[k]));
            xw_buf_add(&b, ".");
        }
        row = y == 0 ? xw_note(w, ws, row, xw_buf_text(&b))
                     : xw_note_more(w, ws, row, xw_buf_text(&b));
    }
    if (b.failed)
        xw_fail(w, PC_ERR_NOMEM, "out of memory");
    xw_buf_free(&b);
    return row;
}

void xw_write_pvp(xw *w)
{
    lxw_worksheet *ws = w->pvp;
    const pc_report *r = w->report;
    const pc_config *config = &w->ds->config;
    bool src = config->smaller_reporting_company;
    bool has_csm = !src && config->company_selected_measure && *config->company_selected_measure;

    peo_slots slots;
    find_slots(r, &slots);

    enum { MAX_COLS = 2 * PC_MAX_PEOS * PC_MAX_YEARS + 8 };
    const char *titles[MAX_COLS];
    char slot_titles[PC_MAX_PEOS * PC_MAX_YEARS][2][96];
    double widths[MAX_COLS];
    size_t ncols = 0;
    titles[ncols] = "Year";
    widths[ncols++] = 8;
    for (size_t k = 0; k < slots.count; k++) {
        if (slots.per_person) {
            snprintf(slot_titles[k][0], sizeof slot_titles[k][0],
                     "Summary Compensation Table Total for PEO %zu ($)", k + 1);
            snprintf(slot_titles[k][1], sizeof slot_titles[k][1],
                     "Compensation Actually Paid to PEO %zu ($)", k + 1);
        } else {
            snprintf(slot_titles[k][0], sizeof slot_titles[k][0],
                     "Summary Compensation Table Total for PEO ($)");
            snprintf(slot_titles[k][1], sizeof slot_titles[k][1],
                     "Compensation Actually Paid to PEO ($)");
        }
        w->at.pvp_peo_cap_col[k] = (int)ncols + 1;
        titles[ncols] = slot_titles[k][0];
        widths[ncols++] = 16;
        titles[ncols] = slot_titles[k][1];
        widths[ncols++] = 16;
    }
    w->at.pvp_npeo_cols = slots.count;
    int avg_sct_col = (int)ncols;
    titles[ncols] = "Average Summary Compensation Table Total for Non-PEO NEOs ($)";
    widths[ncols++] = 18;
    w->at.pvp_avg_cap_col = (int)ncols;
    titles[ncols] = "Average Compensation Actually Paid to Non-PEO NEOs ($)";
    widths[ncols++] = 18;
    w->at.pvp_tsr_col = (int)ncols;
    titles[ncols] = "Value of Initial Fixed $100 Investment Based On: Total Shareholder Return ($)";
    widths[ncols++] = 18;
    w->at.pvp_peer_col = XW_NONE;
    if (!src) {
        w->at.pvp_peer_col = (int)ncols;
        titles[ncols] = "Peer Group Total Shareholder Return ($)";
        widths[ncols++] = 16;
    }
    w->at.pvp_net_income_col = (int)ncols;
    titles[ncols] = "Net Income ($)";
    widths[ncols++] = 16;
    w->at.pvp_csm_col = XW_NONE;
    if (has_csm) {
        w->at.pvp_csm_col = (int)ncols;
        titles[ncols] = config->company_selected_measure;
        widths[ncols++] = 16;
    }

    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    xw_heading(w, ws, "Pay Versus Performance", first, last);
    xw_headers(w, ws, XW_HEADER_ROW, titles, widths, ncols);
    /* Scaled to fit with the charts under it (calc/xlsx_charts.c). */
    xw_page_setup(w, ws, 0, false);
    worksheet_freeze_panes(ws, XW_FIRST_DATA_ROW, 1);

    /* Most recent year first. */
    int desc[PC_MAX_YEARS * 4];
    size_t ndesc = 0;
    for (size_t i = 0; i < r->pvp.count && ndesc < sizeof desc / sizeof desc[0]; i++)
        desc[ndesc++] = r->pvp.items[i].year;
    qsort(desc, ndesc, sizeof *desc, year_cmp_desc);

    lxw_format *ni_fmt = net_income_format(w);
    lxw_format *csm_fmt = has_csm ? csm_format(w) : NULL;
    int32_t row = XW_FIRST_DATA_ROW;
    w->at.pvp_first_row = row;
    for (size_t y = 0; y < ndesc; y++, row++) {
        const pc_pvp_row *p = pvp_for_year(r, desc[y]);
        xw_number(w, ws, row, 0, p->year, w->f.year);
        for (size_t k = 0; k < slots.count; k++)
            pvp_peo_cells(w, row, 1 + 2 * (int)k, p, slot_peo(&slots, k, p));
        if (p->has_average) {
            long ai = cap_index(r, p->year, PC_SUBJECT_AVERAGE);
            const pc_cap_row *a = ai >= 0 ? &r->cap.items[ai] : NULL;
            int32_t at_row = a ? w->at.cap_row[ai] : XW_NONE;
            put_ref_or_number(
                w, row, avg_sct_col, XW_SHEET_CAP, at_row, w->at.cap_col[PC_CAP_SCT_TOTAL],
                a && a->line[PC_CAP_SCT_TOTAL] == p->avg_sct_total, p->avg_sct_total, w->f.cap);
            put_ref_or_number(w, row, w->at.pvp_avg_cap_col, XW_SHEET_CAP, at_row,
                              w->at.cap_col[PC_CAP_CAP], a && a->line[PC_CAP_CAP] == p->avg_cap,
                              p->avg_cap, w->f.cap);
        } else {
            xw_blank(w, ws, row, avg_sct_col, w->f.cap);
            xw_blank(w, ws, row, w->at.pvp_avg_cap_col, w->f.cap);
        }
        /* TSR: the value on the TSR sheet for the same year. */
        int32_t tsr_row = XW_NONE;
        bool same = false;
        for (size_t t = 0; r->tsr.computed && t < r->tsr.npoints && t < PC_MAX_YEARS; t++)
            if (r->tsr.points[t].year == p->year) {
                tsr_row = w->at.tsr_row[t];
                same = r->tsr.points[t].value == p->tsr;
            }
        put_ref_or_number(w, row, w->at.pvp_tsr_col, XW_SHEET_TSR, tsr_row, w->at.tsr_value_col,
                          same, p->tsr, w->f.tsr);
        if (w->at.pvp_peer_col != XW_NONE) {
            if (p->has_peer_tsr)
                xw_cents(w, ws, row, w->at.pvp_peer_col, p->peer_tsr, w->f.tsr);
            else
                xw_blank(w, ws, row, w->at.pvp_peer_col, w->f.tsr);
        }
        if (p->has_net_income)
            xw_cents(w, ws, row, w->at.pvp_net_income_col, p->net_income, ni_fmt);
        else
            xw_blank(w, ws, row, w->at.pvp_net_income_col, ni_fmt);
        if (w->at.pvp_csm_col != XW_NONE) {
            if (p->has_csm)
                xw_micros(w, ws, row, w->at.pvp_csm_col, p->csm_micro, csm_fmt);
            else
                xw_blank(w, ws, row, w->at.pvp_csm_col, csm_fmt);
        }
    }
    w->at.pvp_last_row = row - 1;
    if (ndesc == 0)
        row = xw_note(w, ws, row, "No covered years.");

    row = pvp_name_notes(w, ws, row + 1, &slots, desc, ndesc);
    int number = 3;
    row = xw_notef(
        w, ws, row,
        "(%d) Compensation actually paid is computed as Item 402(v)(2)(iii) requires; each "
        "figure refers to its row on the CAP Reconciliation sheet, and each Summary "
        "Compensation Table total to the Summary Compensation sheet (or, for a year that "
        "sheet does not show, to the first line of the reconciliation).",
        number++);
    if (r->tsr.computed) {
        char base[16];
        char price[48];
        pc_micro_format(r->tsr.base_price_micro, 2, price, sizeof price);
        row = xw_notef(
            w, ws, row,
            "(%d) Cumulative total shareholder return: the value at each fiscal year end of "
            "$100 invested in the company's stock at the close of %s ($%s per share), with "
            "dividends reinvested (Item 201(e)); see the TSR sheet.",
            number++,
            r->tsr.base_date == PC_DATE_NONE ? "?" : pc_date_format(r->tsr.base_date, base), price);
    } else {
        row = xw_notef(w, ws, row,
                       "(%d) Total shareholder return as computed for the report (Item 201(e)).",
                       number++);
    }
    if (!src)
        row = xw_notef(
            w, ws, row,
            "(%d) Peer group total shareholder return as supplied (performance.csv), on the "
            "same $100 basis.",
            number++);
    row = xw_notef(w, ws, row,
                   "(%d) Net income as reported in the company's audited financial statements.",
                   number++);
    if (has_csm)
        row =
            xw_notef(w, ws, row,
                     "(%d) The company-selected measure, as supplied (performance.csv).", number++);
    w->at.pvp_next_row = row + 1;
}
