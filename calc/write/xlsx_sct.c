/*
 * The Summary Compensation sheet of report.xlsx (SPEC section 9; Item
 * 402(c), or 402(n) for a smaller reporting company), and the helpers the
 * three proxy tables share.
 *
 * Every figure the engine derived from other figures is a live formula over
 * the cells it comes from, with the engine's exact figure stored as the
 * formula's value, so a reader can trace it and a program that does not
 * recalculate still reads the right number; an SCT total is =SUM of its
 * row's columns (R3: the table foots). The Summary Compensation Table keeps
 * the engine's order (by person, then year).
 */
#include "xlsx_internal.h"

#include <stdlib.h>
#include <string.h>

/* --------------------------------------------------------------- helpers */

int pc_xlsx_year_cmp_desc(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x < y) - (x > y);
}

const pc_pvp_row *pc_xlsx_pvp_for_year(const pc_report *r, int year)
{
    for (size_t i = 0; i < r->pvp.count; i++)
        if (r->pvp.items[i].year == year)
            return &r->pvp.items[i];
    return NULL;
}

/* The index of the CAP row of a subject in a year, or PC_XLSX_NONE. */
long pc_xlsx_cap_index(const pc_report *r, int year, size_t subject)
{
    for (size_t i = 0; i < r->cap.count; i++)
        if (r->cap.items[i].year == year && r->cap.items[i].subject == subject)
            return (long)i;
    return PC_XLSX_NONE;
}

bool pc_xlsx_is_peo(const pc_pvp_row *p, size_t person)
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

static void sct_fx_notes(pc_xlsx *w, lxw_worksheet *ws, int32_t *row, int first, int last,
                         int *number)
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
        pc_xlsx_rate_text(rt->per_usd_micro, rate, sizeof rate);
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
        *row = shown == 0 ? pc_xlsx_note(w, ws, *row, text) : pc_xlsx_note_more(w, ws, *row, text);
        shown++;
    }
    if (total > shown) {
        char text[128];
        snprintf(text, sizeof text,
                 "... and %zu more rates, all listed on the Exchange Rates sheet.", total - shown);
        *row = pc_xlsx_note_more(w, ws, *row, text);
    }
}

/* How the grant-date values in the SCT were measured (Item 402(c)(2)(v)
 * and (vi), Instruction 1: FASB ASC Topic 718). */

/* "3 from fair values supplied by the company, 2 at the closing stock
 * price, ...)." : how many valuations each method gave, for a footnote. */
void pc_xlsx_add_method_counts(pc_buf *b, const size_t *by_method)
{
    const char *sep = "";
    if (by_method[PC_METHOD_SUPPLIED]) {
        pc_buf_printf(b, " %zu from fair values supplied by the company",
                      by_method[PC_METHOD_SUPPLIED]);
        sep = ",";
    }
    if (by_method[PC_METHOD_STOCK_PRICE]) {
        pc_buf_printf(b, "%s %zu at the closing stock price", sep,
                      by_method[PC_METHOD_STOCK_PRICE]);
        sep = ",";
    }
    if (by_method[PC_METHOD_BLACK_SCHOLES]) {
        pc_buf_printf(b, "%s %zu with the Black-Scholes-Merton model", sep,
                      by_method[PC_METHOD_BLACK_SCHOLES]);
        sep = ",";
    }
    if (by_method[PC_METHOD_MONTE_CARLO]) {
        pc_buf_printf(b, "%s %zu by a Monte Carlo simulation of the market condition", sep,
                      by_method[PC_METHOD_MONTE_CARLO]);
        sep = ",";
    }
    if (by_method[PC_METHOD_MARKET_OUTCOME])
        pc_buf_printf(b, "%s %zu at the payout the market condition earned", sep,
                      by_method[PC_METHOD_MARKET_OUTCOME]);
    pc_buf_printf(b, ").");
}

static void sct_equity_note(pc_xlsx *w, lxw_worksheet *ws, int32_t *row, int first, int last,
                            int *number)
{
    const pc_report *r = w->report;
    size_t by_method[PC_METHOD_COUNT] = {0};
    size_t performance = 0;
    for (size_t i = 0; i < r->valuations.count; i++) {
        const pc_valuation *v = &r->valuations.items[i];
        if (v->purpose != PC_PURPOSE_GRANT || v->line >= 0 || v->year < first || v->year > last)
            continue;
        if ((unsigned)v->method < PC_METHOD_COUNT)
            by_method[v->method]++;
        if (v->probable_micro != PC_MICRO)
            performance++;
    }
    size_t n = 0;
    for (int m = 0; m < PC_METHOD_COUNT; m++)
        n += by_method[m];
    if (n == 0) {
        *row = pc_xlsx_notef(w, ws, *row, "(%d) No equity awards were granted in the years shown.",
                             (*number)++);
        return;
    }
    pc_buf b = {0};
    pc_buf_printf(&b,
                  "(%d) Stock Awards and Option Awards are the aggregate grant-date fair values of "
                  "the awards granted in each fiscal year, computed in accordance with FASB ASC "
                  "Topic 718 (%zu tranche values:",
                  (*number)++, n);
    pc_xlsx_add_method_counts(&b, by_method);
    if (performance)
        pc_buf_printf(&b, " Performance-condition awards are at the probable outcome at the grant "
                          "date.");
    pc_buf_printf(&b, " Every valuation and its inputs are on the Award Valuations sheet.");
    if (b.failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    *row = pc_xlsx_note(w, ws, *row, pc_buf_text(&b));
    pc_buf_fini(&b);
}

void pc_xlsx_write_sct(pc_xlsx *w)
{
    lxw_worksheet *ws = w->sct;
    const pc_report *r = w->report;
    const pc_config *config = &w->ds->config;
    int first = 0, last = 0;
    for (size_t i = 0; i < r->sct.count; i++) {
        w->at.sct_row[i] = PC_XLSX_NONE;
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
    pc_xlsx_heading(w, ws, "Summary Compensation Table", first, last);
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
    double widths[] = {pc_xlsx_name_width(w, 34, 60), 7, 12, 12, 12, 12, 15, 19, 13, 13};
    for (size_t i = 0; i < r->sct.count; i++) {
        const char *position = r->sct.items[i].position;
        double need =
            r->sct.items[i].in_table && position ? (double)pc_text_width(position) / 1.1 + 2 : 0;
        if (need > widths[0])
            widths[0] = need < 60 ? need : 60;
    }
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, titles, widths, 10);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 1);
    w->at.sct_total_col = SCT_COL(PC_SCT_TOTAL);

    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    size_t i = 0;
    while (i < r->sct.count && pc_xlsx_ok(w)) {
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
        const char *name = pc_xlsx_person_name(w, person);
        size_t k = 0;
        for (; i < end; i++) {
            const pc_sct_row *s = &r->sct.items[i];
            if (!s->in_table)
                continue;
            char *cell = k == 0 && shown == 1 && position && *position
                             ? pc_text_format("%s\n%s", name, position)
                             : pc_strdup(k == 0               ? name
                                         : k == 1 && position ? position
                                                              : "");
            if (!cell)
                pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
            else if (k <= 1) {
                pc_xlsx_text(w, ws, row, 0, cell, w->f.wrap);
                pc_xlsx_row_lines(w, ws, row, pc_xlsx_cell_lines(w, 0, cell));
            }
            free(cell);
            pc_xlsx_number(w, ws, row, 1, s->year, w->f.year);
            for (int c = 0; c < PC_SCT_TOTAL; c++)
                pc_xlsx_cents(w, ws, row, SCT_COL(c), s->column[c], w->f.dollars);
            char first_cell[PC_XLSX_REF_SIZE], last_cell[PC_XLSX_REF_SIZE],
                formula[3 * PC_XLSX_REF_SIZE];
            pc_xlsx_ref(first_cell, sizeof first_cell, NULL, row, SCT_COL(PC_SCT_SALARY));
            pc_xlsx_ref(last_cell, sizeof last_cell, NULL, row, SCT_COL(PC_SCT_ALL_OTHER));
            snprintf(formula, sizeof formula, "=SUM(%s:%s)", first_cell, last_cell);
            pc_xlsx_formula(w, ws, row, SCT_COL(PC_SCT_TOTAL), formula, w->f.dollars,
                            (double)s->column[PC_SCT_TOTAL] / 100.0);
            w->at.sct_row[i] = row++;
            k++;
        }
    }
    if (row == PC_XLSX_FIRST_DATA_ROW)
        row = pc_xlsx_note(w, ws, row, "No named executive officer rows for the years shown.");

    row++;
    int number = 1;
    sct_fx_notes(w, ws, &row, first, last, &number);
    sct_equity_note(w, ws, &row, first, last, &number);
    pc_xlsx_notef(
        w, ws, row,
        "(%d) Each column is rounded to the whole dollar; Total is the sum of the rounded "
        "columns (a formula), so the table foots.",
        number++);
}
