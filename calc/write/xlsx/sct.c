/*
 * The Summary Compensation sheet of report.xlsx (SPEC section 9; Item
 * 402(c), or 402(n) for a smaller reporting company), and the helpers the
 * three proxy tables share.
 *
 * Every figure the engine derived from other figures is a live formula over
 * the cells it comes from, with the engine's exact figure stored as the
 * formula's value, so a reader can trace it and a program that does not
 * recalculate still reads the right number; an SCT total is =SUM of its
 * row's columns (R3: the table foots). Proxy conventions: each executive's
 * rows together, most recent year first, the name in bold with the position
 * beneath it and a rule above each executive after the first; nil as an em
 * dash; footnote markers on the headers they explain; footnotes in the
 * words a proxy uses, never a file name.
 */
#include "sheets.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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

/* The place of a person's stock (or option) awards of a year in
 * w->at.sct_grant_row; SIZE_MAX for a year that is not covered. */
static size_t grant_slot(const pc_xlsx *w, size_t person, int year, bool stock)
{
    const pc_config *config = &w->ds->config;
    for (int y = 0; y < config->nyears; y++)
        if (config->years[y] == year)
            return (person * (size_t)config->nyears + (size_t)y) * 2 + (stock ? 1 : 0);
    return SIZE_MAX;
}

/* The first grant-date row on Award Valuations of each person's stock and
 * option awards of each year, found in one pass over the valuations (a
 * search per SCT figure would be people x years x valuations). */
static void plan_grant_rows(pc_xlsx *w)
{
    const pc_dataset *ds = w->ds;
    const pc_report *r = w->report;
    size_t n = ds->people.count * (size_t)(ds->config.nyears > 0 ? ds->config.nyears : 1) * 2;
    w->at.sct_grant_row = malloc((n ? n : 1) * sizeof *w->at.sct_grant_row);
    if (!w->at.sct_grant_row) {
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return;
    }
    for (size_t i = 0; i < n; i++)
        w->at.sct_grant_row[i] = PC_XLSX_NONE;
    for (size_t i = 0; i < r->valuations.count; i++) {
        const pc_valuation *v = &r->valuations.items[i];
        if (v->line >= 0 || v->tranche >= ds->tranches.count)
            continue;
        const pc_award *a = &ds->awards.items[ds->tranches.items[v->tranche].award];
        size_t slot = grant_slot(w, a->person, v->year, a->type == PC_AWARD_STOCK);
        int col;
        int32_t at = pc_xlsx_valuation_value_at(w, i, &col);
        if (slot != SIZE_MAX && slot < n && at != PC_XLSX_NONE &&
            w->at.sct_grant_row[slot] == PC_XLSX_NONE)
            w->at.sct_grant_row[slot] = at;
    }
}

/* Where an SCT figure's support starts: the first Cash and FX row of the
 * component, or the first grant-date row of the awards on Award
 * Valuations (rows in report order); PC_XLSX_NONE when there is none. */
static int32_t support_row(const pc_xlsx *w, const pc_sct_row *s, pc_sct_column c,
                           const char **sheet)
{
    static const int component[PC_SCT_NCOLUMNS] = {
        [PC_SCT_SALARY] = PC_COMP_SALARY,
        [PC_SCT_BONUS] = PC_COMP_BONUS,
        [PC_SCT_STOCK_AWARDS] = -1,
        [PC_SCT_OPTION_AWARDS] = -1,
        [PC_SCT_NON_EQUITY_INCENTIVE] = PC_COMP_NON_EQUITY_INCENTIVE,
        [PC_SCT_PENSION_NQDC] = PC_COMP_CHANGE_IN_PENSION_VALUE,
        [PC_SCT_ALL_OTHER] = PC_COMP_ALL_OTHER,
        [PC_SCT_TOTAL] = -1,
    };
    *sheet = PC_XLSX_SHEET_CASH;
    if (c == PC_SCT_PENSION_NQDC) {
        int32_t row = pc_xlsx_cash_row(w, s->person, s->year, PC_COMP_CHANGE_IN_PENSION_VALUE);
        return row != PC_XLSX_NONE ? row
                                   : pc_xlsx_cash_row(w, s->person, s->year, PC_COMP_NQDC_EARNINGS);
    }
    if (component[c] >= 0)
        return pc_xlsx_cash_row(w, s->person, s->year, (pc_component)component[c]);
    *sheet = PC_XLSX_SHEET_VALUATIONS;
    size_t slot = grant_slot(w, s->person, s->year, c == PC_SCT_STOCK_AWARDS);
    return w->at.sct_grant_row && slot != SIZE_MAX ? w->at.sct_grant_row[slot] : PC_XLSX_NONE;
}

/* Whether the workpaper rows an SCT figure adds up are all on their sheets
 * (past the row limit some may not be: the figure is then a value). */
static bool support_whole(const pc_xlsx *w, const pc_sct_row *s, pc_sct_column c)
{
    switch (c) {
    case PC_SCT_SALARY:
        return pc_xlsx_cash_whole(w, s->person, s->year, PC_COMP_SALARY);
    case PC_SCT_BONUS:
        return pc_xlsx_cash_whole(w, s->person, s->year, PC_COMP_BONUS);
    case PC_SCT_NON_EQUITY_INCENTIVE:
        return pc_xlsx_cash_whole(w, s->person, s->year, PC_COMP_NON_EQUITY_INCENTIVE);
    case PC_SCT_ALL_OTHER:
        return pc_xlsx_cash_whole(w, s->person, s->year, PC_COMP_ALL_OTHER);
    case PC_SCT_PENSION_NQDC:
        return pc_xlsx_cash_whole(w, s->person, s->year, PC_COMP_CHANGE_IN_PENSION_VALUE) &&
               pc_xlsx_cash_whole(w, s->person, s->year, PC_COMP_NQDC_EARNINGS);
    case PC_SCT_STOCK_AWARDS:
    case PC_SCT_OPTION_AWARDS:
        return pc_xlsx_valuations_whole(w, s->person, s->year);
    case PC_SCT_TOTAL:
    case PC_SCT_NCOLUMNS:
        break;
    }
    return true;
}

/* An SCT figure as a formula over the workpapers (R3: the exact sum of its
 * cents, rounded to whole dollars): cash columns over Cash and FX, the
 * award columns over the grant-date contributions on Award Valuations; the
 * figure itself when some of those rows are past the row limit (the
 * workpaper's note says so). */
static void sct_figure(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_sct_row *s,
                       pc_sct_column c, lxw_format *fmt)
{
    if (!support_whole(w, s, c)) {
        pc_xlsx_cents(w, ws, row, SCT_COL(c), s->column[c], fmt);
        return;
    }
    pc_buf f = {0};
    size_t p = s->person;
    pc_buf_printf(&f, "=ROUND(");
    switch (c) {
    case PC_SCT_SALARY:
        pc_xlsx_cash_sumifs(&f, p, s->year, PC_COMP_SALARY);
        break;
    case PC_SCT_BONUS:
        pc_xlsx_cash_sumifs(&f, p, s->year, PC_COMP_BONUS);
        break;
    case PC_SCT_NON_EQUITY_INCENTIVE:
        pc_xlsx_cash_sumifs(&f, p, s->year, PC_COMP_NON_EQUITY_INCENTIVE);
        break;
    case PC_SCT_ALL_OTHER:
        pc_xlsx_cash_sumifs(&f, p, s->year, PC_COMP_ALL_OTHER);
        break;
    case PC_SCT_STOCK_AWARDS:
        pc_xlsx_valuation_sumifs(&f, p, s->year, "sct", "stock");
        break;
    case PC_SCT_OPTION_AWARDS:
        pc_xlsx_valuation_sumifs(&f, p, s->year, "sct", "option");
        pc_buf_printf(&f, "+");
        pc_xlsx_valuation_sumifs(&f, p, s->year, "sct", "sar");
        break;
    case PC_SCT_PENSION_NQDC:
        /* Column (h): a negative change in pension value shows as 0; a
         * smaller reporting company shows no pension change (calc/engine/sct.c). */
        if (!w->ds->config.smaller_reporting_company) {
            pc_buf_printf(&f, "MAX(");
            pc_xlsx_cash_sumifs(&f, p, s->year, PC_COMP_CHANGE_IN_PENSION_VALUE);
            pc_buf_printf(&f, ",0)+");
        }
        pc_xlsx_cash_sumifs(&f, p, s->year, PC_COMP_NQDC_EARNINGS);
        break;
    case PC_SCT_TOTAL:
    case PC_SCT_NCOLUMNS:
        pc_buf_fini(&f);
        return;
    }
    pc_buf_printf(&f, ",0)");
    if (f.failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    const char *sheet;
    int32_t to = support_row(w, s, c, &sheet);
    pc_xlsx_formula_link(w, ws, row, SCT_COL(c), pc_buf_text(&f), fmt, (double)s->column[c] / 100.0,
                         sheet, to, 0);
    pc_buf_fini(&f);
}

/* How the grant-date values in the SCT were measured (Item 402(c)(2)(v)
 * and (vi), Instruction 1: FASB ASC Topic 718). */

/* Exchange-rate footnote: one sentence per currency and fiscal year, most
 * recent first, in the words a proxy uses (SPEC section 9: no file names).
 * Payment-date rates are given as their range in the year. */
static bool sct_fx_note(pc_xlsx *w, pc_buf *b, int first, int last)
{
    const pc_report *r = w->report;
    bool any = false;
    for (int year = last; year >= first; year--) {
        for (size_t i = 0; i < r->rates.count; i++) {
            const pc_rate_used *rt = &r->rates.items[i];
            if (rt->fiscal_year != year)
                continue;
            /* The first rate of this currency in this year speaks for all. */
            bool seen = false;
            int64_t lo = rt->per_usd_micro, hi = rt->per_usd_micro;
            for (size_t k = 0; k < r->rates.count; k++) {
                const pc_rate_used *o = &r->rates.items[k];
                if (o->fiscal_year != year || strcmp(o->currency, rt->currency))
                    continue;
                seen = seen || k < i;
                lo = o->per_usd_micro < lo ? o->per_usd_micro : lo;
                hi = o->per_usd_micro > hi ? o->per_usd_micro : hi;
            }
            if (seen)
                continue;
            char a[48], z[48];
            pc_xlsx_rate_text(lo, a, sizeof a);
            pc_xlsx_rate_text(hi, z, sizeof z);
            /* The currency's name in Chinese text (人民幣 for CNY), its
             * code in English. */
            const char *cur = pc_xlsx_words(w, rt->currency);
            /* The formats are the labels' keys (calc/write/xlsx/labels.c). */
            pc_buf_printf(b,
                          pc_xlsx_words(w, "%sAmounts paid in %s in fiscal %d were converted "
                                           "into US dollars at "),
                          any ? " " : "", cur, year);
            if (lo != hi)
                pc_buf_printf(b,
                              pc_xlsx_words(w, "the exchange rate of each payment date (%s to %s "
                                               "%s per US dollar)."),
                              a, z, cur);
            else if (rt->method == PC_FX_ANNUAL_AVERAGE)
                pc_buf_printf(b,
                              pc_xlsx_words(w, "%s %s per US dollar, the average exchange rate "
                                               "for the year."),
                              a, cur);
            else if (rt->method == PC_FX_YEAR_END)
                pc_buf_printf(b,
                              pc_xlsx_words(w, "%s %s per US dollar, the exchange rate at the "
                                               "fiscal year end."),
                              a, cur);
            else
                pc_buf_printf(b,
                              pc_xlsx_words(w, "%s %s per US dollar, the exchange rate of the "
                                               "payment date."),
                              a, cur);
            any = true;
        }
    }
    return any;
}

/* Order of the performance awards' maximum values in the footnote: most
 * recent year first, then each person together (in the order of the SCT),
 * then awards.csv order. */
typedef struct maximum_key {
    int year;
    size_t person;
    size_t index; /* into pc_report.maximum_values */
} maximum_key;

static int maximum_cmp(const void *a, const void *b)
{
    const maximum_key *x = a, *y = b;
    if (x->year != y->year)
        return x->year > y->year ? -1 : 1;
    if (x->person != y->person)
        return x->person < y->person ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

/* Instruction 3 to Item 402(c)(2)(v) and (vi): the grant-date value of
 * the performance awards at the highest level of performance, one figure
 * per person and year the table shows (the engine's pc_maximum_value,
 * summed over the person's awards of the year). Appends nothing without
 * such awards. */
static void sct_maximum_note(pc_xlsx *w, pc_buf *b)
{
    const pc_report *r = w->report;
    const pc_dataset *ds = w->ds;
    maximum_key *keys = malloc((r->maximum_values.count + 1) * sizeof *keys);
    if (!keys) {
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        return;
    }
    size_t n = 0;
    bool at_target = false;
    for (size_t i = 0; i < r->maximum_values.count; i++) {
        const pc_maximum_value *m = &r->maximum_values.items[i];
        size_t person = ds->awards.items[m->award].person;
        const pc_sct_row *s = pc_report_sct(r, person, m->year);
        if (!s || !s->in_table)
            continue;
        keys[n++] = (maximum_key){m->year, (size_t)(s - r->sct.items), i};
        at_target = at_target || !m->from_maximum;
    }
    qsort(keys, n, sizeof *keys, maximum_cmp);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        int64_t cents = 0;
        for (; j < n && keys[j].year == keys[i].year && keys[j].person == keys[i].person; j++)
            if (pc_money_add(cents, r->maximum_values.items[keys[j].index].value, &cents))
                pc_xlsx_fail(w, PC_ERR_OVERFLOW, "a maximum value is too large");
        char amount[48];
        pc_money_format_display(cents, 0, amount, sizeof amount);
        pc_buf_puts(b, pc_xlsx_words(w, i == 0 ? " At the highest level of performance, the "
                                                 "grant-date fair value of the awards subject to "
                                                 "performance conditions would be: "
                                               : "; "));
        pc_buf_printf(b, pc_xlsx_words(w, "%s, $%s (%d)"),
                      pc_xlsx_person_name(w, r->sct.items[keys[i].person].person), amount,
                      keys[i].year);
        i = j;
    }
    if (n > 0)
        pc_buf_puts(b, pc_xlsx_words(w, "."));
    if (at_target)
        pc_buf_puts(b, pc_xlsx_words(w, " Awards for which no maximum number of shares is set "
                                        "are included at target."));
    free(keys);
}

/* How the grant-date values were measured (Instruction 1 to Item
 * 402(c)(2)(v) and (vi)). */
static void sct_equity_note(pc_xlsx *w, pc_buf *b, int first, int last)
{
    const pc_report *r = w->report;
    size_t n = 0, performance = 0, modified = 0;
    for (size_t i = 0; i < r->valuations.count; i++) {
        const pc_valuation *v = &r->valuations.items[i];
        if (v->purpose == PC_PURPOSE_MODIFIED && v->line < 0 && v->year >= first && v->year <= last)
            modified++;
        if (v->purpose != PC_PURPOSE_GRANT || v->line >= 0 || v->year < first || v->year > last)
            continue;
        n++;
        if (v->probable_micro != PC_MICRO)
            performance++;
    }
    if (n == 0) {
        pc_buf_puts(b, pc_xlsx_words(w, "No stock or option awards were granted in the years "
                                        "shown."));
    } else {
        pc_buf_puts(b,
                    pc_xlsx_words(w, "The amounts shown are the aggregate grant-date fair value "
                                     "of the awards granted in each fiscal year, computed in "
                                     "accordance with FASB ASC Topic 718, excluding the effect of "
                                     "estimated forfeitures."));
        if (performance)
            pc_buf_puts(b,
                        pc_xlsx_words(w, " Awards subject to performance conditions are shown at "
                                         "the probable outcome of those conditions at the grant "
                                         "date."));
        sct_maximum_note(w, b);
    }
    /* Instruction 2 to Item 402(c)(2)(v) and (vi): the incremental fair
     * value of a modified award (modifications.csv). */
    if (modified)
        pc_buf_puts(b, pc_xlsx_words(w, " For awards modified in a year, the amounts include the "
                                        "incremental fair value of the modification, computed in "
                                        "accordance with FASB ASC Topic 718."));
}

void pc_xlsx_sct_figures(pc_xlsx *w, lxw_worksheet *ws, int32_t row, const pc_sct_row *s,
                         lxw_format *fmt)
{
    for (int c = 0; c < PC_SCT_TOTAL; c++)
        sct_figure(w, ws, row, s, (pc_sct_column)c, fmt);
    char first_cell[PC_XLSX_REF_SIZE], last_cell[PC_XLSX_REF_SIZE], formula[3 * PC_XLSX_REF_SIZE];
    pc_xlsx_ref(first_cell, sizeof first_cell, NULL, row, SCT_COL(PC_SCT_SALARY));
    pc_xlsx_ref(last_cell, sizeof last_cell, NULL, row, SCT_COL(PC_SCT_ALL_OTHER));
    snprintf(formula, sizeof formula, "=SUM(%s:%s)", first_cell, last_cell);
    pc_xlsx_formula(w, ws, row, SCT_COL(PC_SCT_TOTAL), formula, fmt,
                    (double)s->column[PC_SCT_TOTAL] / 100.0);
}

/* One executive's rows, most recent year first (as proxies print them): the
 * name in bold on the first row, under a rule when another executive is
 * above, and the position beneath it. `idx` holds the indexes of the
 * person's rows shown in the table. Returns the next free row. */
static int32_t sct_person(pc_xlsx *w, int32_t row, size_t *idx, size_t n, bool rule)
{
    lxw_worksheet *ws = w->sct;
    const pc_report *r = w->report;
    /* Most recent first: a few rows, an insertion sort. */
    for (size_t i = 1; i < n; i++)
        for (size_t k = i; k > 0 && r->sct.items[idx[k]].year > r->sct.items[idx[k - 1]].year;
             k--) {
            size_t t = idx[k];
            idx[k] = idx[k - 1];
            idx[k - 1] = t;
        }
    const pc_sct_row *latest = &r->sct.items[idx[0]];
    const char *name = pc_xlsx_person_name(w, latest->person);
    const char *position = latest->position;
    for (size_t k = 0; k < n; k++) {
        const pc_sct_row *s = &r->sct.items[idx[k]];
        bool ruled = rule && k == 0;
        if (k == 0) {
            pc_xlsx_text(w, ws, row, 0, name, ruled ? w->f.rule_name : w->f.name);
            pc_xlsx_row_lines(w, ws, row, pc_xlsx_cell_lines(w, 0, name));
        } else if (k == 1 && position && *position) {
            pc_xlsx_text(w, ws, row, 0, position, w->f.wrap);
            pc_xlsx_row_lines(w, ws, row, pc_xlsx_cell_lines(w, 0, position));
        }
        pc_xlsx_number(w, ws, row, 1, s->year, ruled ? w->f.rule_year : w->f.year);
        pc_xlsx_sct_figures(w, ws, row, s, ruled ? w->f.rule_dollars : w->f.nil_dollars);
        w->at.sct_row[idx[k]] = row++;
    }
    if (n == 1 && position && *position) {
        pc_xlsx_text(w, ws, row, 0, position, w->f.wrap);
        pc_xlsx_row_lines(w, ws, row, pc_xlsx_cell_lines(w, 0, position));
        row++;
    }
    return row;
}

/* The first and last fiscal years the table shows. */
static void sct_years(pc_xlsx *w, int *first, int *last)
{
    const pc_report *r = w->report;
    const pc_config *config = &w->ds->config;
    *first = *last = 0;
    for (size_t i = 0; i < r->sct.count; i++) {
        w->at.sct_row[i] = PC_XLSX_NONE;
        const pc_sct_row *s = &r->sct.items[i];
        if (!s->in_table)
            continue;
        if (*first == 0 || s->year < *first)
            *first = s->year;
        if (s->year > *last)
            *last = s->year;
    }
    if (*first == 0 && config->nyears > 0) {
        int n = config->sct_years > 0 && config->sct_years < config->nyears ? config->sct_years
                                                                            : config->nyears;
        *first = config->years[config->nyears - n];
        *last = config->years[config->nyears - 1];
    }
}

void pc_xlsx_write_sct(pc_xlsx *w)
{
    lxw_worksheet *ws = w->sct;
    const pc_report *r = w->report;
    const pc_config *config = &w->ds->config;
    int first, last;
    sct_years(w, &first, &last);
    pc_xlsx_heading(w, ws, "Summary Compensation Table", first, last);
    plan_grant_rows(w);

    /* The footnotes first, so the headers they explain carry their markers. */
    pc_buf fx = {0}, equity = {0};
    bool has_fx = sct_fx_note(w, &fx, first, last);
    sct_equity_note(w, &equity, first, last);
    int fx_number = has_fx ? 1 : 0, equity_number = has_fx ? 2 : 1;

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
    for (size_t i = 0; i < 10; i++)
        titles[i] = pc_xlsx_words(w, titles[i]);
    char salary[160], bonus[160], stock[160], option[160];
    if (fx_number) {
        snprintf(salary, sizeof salary, "%s(%d)", titles[SCT_COL(PC_SCT_SALARY)], fx_number);
        snprintf(bonus, sizeof bonus, "%s(%d)", titles[SCT_COL(PC_SCT_BONUS)], fx_number);
        titles[SCT_COL(PC_SCT_SALARY)] = salary;
        titles[SCT_COL(PC_SCT_BONUS)] = bonus;
    }
    snprintf(stock, sizeof stock, "%s(%d)", titles[SCT_COL(PC_SCT_STOCK_AWARDS)], equity_number);
    snprintf(option, sizeof option, "%s(%d)", titles[SCT_COL(PC_SCT_OPTION_AWARDS)], equity_number);
    titles[SCT_COL(PC_SCT_STOCK_AWARDS)] = stock;
    titles[SCT_COL(PC_SCT_OPTION_AWARDS)] = option;
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

    size_t *idx = malloc((r->sct.count + 1) * sizeof *idx);
    if (!idx)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    size_t i = 0;
    while (idx && i < r->sct.count && pc_xlsx_ok(w)) {
        /* The engine lists each person's rows together. */
        size_t person = r->sct.items[i].person, n = 0;
        for (; i < r->sct.count && r->sct.items[i].person == person; i++)
            if (r->sct.items[i].in_table)
                idx[n++] = i;
        if (n > 0)
            row = sct_person(w, row, idx, n, row > PC_XLSX_FIRST_DATA_ROW);
    }
    free(idx);
    if (row == PC_XLSX_FIRST_DATA_ROW)
        row = pc_xlsx_note(w, ws, row, "No named executive officer rows for the years shown.");

    row++;
    if (has_fx) {
        row = pc_xlsx_notef(w, ws, row, "(%d) %s", fx_number, pc_buf_text(&fx));
    }
    pc_xlsx_notef(w, ws, row, "(%d) %s", equity_number, pc_buf_text(&equity));
    if (fx.failed || equity.failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    pc_buf_fini(&fx);
    pc_buf_fini(&equity);
}
