/*
 * The CAP by Person workpaper of report.xlsx (SPEC section 9; Item
 * 402(v)(2)(iii)): every PEO's and NEO's reconciliation line per year as a
 * live formula down to the input rows, so an edited cell moves the SCT,
 * this sheet, CAP Reconciliation and Pay vs Performance together:
 * - the SCT total and the equity deduction refer to the Summary
 *   Compensation cells (a year the disclosure SCT does not show: the SCT
 *   All Years cells, xlsx/sct_all.c);
 * - each equity line is ROUND(SUMIFS) over the signed Contribution column
 *   of Award Valuations; the pension and dividend lines ROUND(SUMIFS) over
 *   Cash and FX (R4: each line rounded to cap_decimals);
 * - a CAP is =SUM of its lines (R4); each line of the non-PEO NEO average
 *   is =ROUND(AVERAGE(the NEOs' cells of that line), cap_decimals), and the
 *   average CAP the SUM of the averaged lines (R5).
 * Most recent year first, as filings print them.
 */
#include "sheets.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

/* --------------------------------------------------- CAP Reconciliation */

/* Pension lines do not apply to a smaller reporting company (the engine
 * leaves them at 0); they are left out then, unless one is not 0. */
static bool show_line(pc_xlsx *w, pc_cap_line line)
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
        char a[PC_XLSX_REF_SIZE], b[PC_XLSX_REF_SIZE];
        pc_xlsx_ref(a, sizeof a, NULL, rows[i], col);
        pc_xlsx_ref(b, sizeof b, NULL, rows[j], col);
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
    char a[PC_XLSX_REF_SIZE], b[PC_XLSX_REF_SIZE];
    pc_xlsx_ref(a, sizeof a, NULL, row, first_col);
    pc_xlsx_ref(b, sizeof b, NULL, row, last_col);
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
            if (!pc_xlsx_is_peo(p, people[k].subject))
                out[n++] = people[k].row;
    }
    qsort(out, n, sizeof *out, row_cmp);
    return n;
}

/* A reference to the SCT cell of the person and year: on Summary
 * Compensation ("'Summary Compensation'!J7") when the disclosure SCT shows
 * that row, else on SCT All Years, which has the same columns; false when
 * neither has it. */
static bool sct_ref(pc_xlsx *w, const pc_cap_row *c, pc_sct_column column, char *buf, size_t size)
{
    const pc_sct_row *s = w->at.sct_row ? pc_report_sct(w->report, c->subject, c->year) : NULL;
    if (!s)
        return false;
    size_t index = (size_t)(s - w->report->sct.items);
    int32_t row = s->in_table ? w->at.sct_row[index] : PC_XLSX_NONE;
    const char *sheet = PC_XLSX_SHEET_SCT;
    if (row == PC_XLSX_NONE) {
        row = pc_xlsx_sct_all_row(w, index);
        sheet = PC_XLSX_SHEET_SCT_ALL;
    }
    if (row == PC_XLSX_NONE)
        return false;
    pc_xlsx_ref(buf, size, sheet, row, 2 + (int)column);
    return true;
}

/* The formula of one reconciliation line of a person (no SUM line), into
 * `f`; false when the line is a plain figure (an SCT row no sheet has room
 * for, or a pension line of a smaller reporting company, always 0), or its
 * source sheet is not in the workbook (scenarios.xlsx has no Summary
 * Compensation and no Cash and FX). */
bool pc_xlsx_cap_line_formula(pc_xlsx *w, const pc_cap_row *c, pc_cap_line line, pc_buf *f)
{
    const pc_cap_rule *r = pc_cap_rule_of(line);
    if (r->not_for_src && w->ds->config.smaller_reporting_company)
        return false;
    int decimals = w->ds->config.cap_decimals == 2 ? 2 : 0;
    const char *sign = r->sign < 0 ? "-" : "";
    switch (r->source) {
    case PC_CAP_FROM_SCT: {
        char refs[2][PC_XLSX_REF_SIZE];
        assert(r->nsct >= 1 && r->nsct <= 2);
        for (int k = 0; k < r->nsct; k++)
            if (!sct_ref(w, c, r->sct[k], refs[k], sizeof refs[k]))
                return false;
        if (r->nsct == 1 && r->sign > 0)
            pc_buf_printf(f, "=%s", refs[0]);
        else
            pc_buf_printf(f, "=%s(%s%s%s)", sign, refs[0], r->nsct > 1 ? "+" : "",
                          r->nsct > 1 ? refs[1] : "");
        return true;
    }
    case PC_CAP_FROM_COMPONENT:
        /* A value when some of its Cash and FX rows are past the row
         * limit (pc_xlsx_cash_whole), or when there is no Cash and FX sheet
         * (scenarios.xlsx). */
        if (!w->cash || !pc_xlsx_cash_whole(w, c->subject, c->year, r->component))
            return false;
        /* The change in pension value as the SCT shows it: floored at 0,
         * whole dollars; the other components rounded to cap_decimals. */
        pc_buf_printf(f, "=%sROUND(%s", sign, r->floored_whole ? "MAX(" : "");
        pc_xlsx_cash_sumifs(f, c->subject, c->year, r->component);
        if (r->floored_whole)
            pc_buf_printf(f, ",0),0)");
        else
            pc_buf_printf(f, ",%d)", decimals);
        return true;
    case PC_CAP_FROM_FAIR_VALUES:
        if (!pc_xlsx_valuations_whole(w, c->subject, c->year))
            return false;
        pc_buf_printf(f, "=ROUND(");
        pc_xlsx_valuation_sumifs_on(
            f, w->valuation_sheet ? w->valuation_sheet : PC_XLSX_SHEET_VALUATIONS, c->subject,
            c->year, pc_cap_key(line), NULL);
        pc_buf_printf(f, ",%d)", decimals);
        return true;
    case PC_CAP_FROM_LINES:
        break;
    }
    return false;
}

bool pc_xlsx_cap_average_formula(pc_xlsx *w, const pc_pvp_row *p, const size_t *subjects,
                                 const int32_t *rows, size_t n, int col, char *buf, size_t size)
{
    subject_row *people = malloc((n + 1) * sizeof *people);
    int32_t *avg = malloc((n + 1) * sizeof *avg);
    bool ok = people && avg;
    if (ok) {
        for (size_t k = 0; k < n; k++)
            people[k] = (subject_row){subjects[k], rows[k]};
        qsort(people, n, sizeof *people, subject_cmp);
        size_t navg = neo_rows(p, people, n, avg);
        char cells[4096];
        ok = navg > 0 && cells_list(cells, sizeof cells, avg, navg, col);
        int decimals = w->ds->config.cap_decimals == 2 ? 2 : 0;
        if (ok) {
            int k = snprintf(buf, size, "=ROUND(AVERAGE(%s),%d)", cells, decimals);
            ok = k > 0 && (size_t)k < size;
        }
    }
    free(people);
    free(avg);
    return ok;
}

static void cap_person_row(pc_xlsx *w, int32_t row, const pc_cap_row *c, const pc_pvp_row *p,
                           int first_col, int last_col)
{
    lxw_worksheet *ws = w->cap_person;
    pc_xlsx_number(w, ws, row, 0, c->year, w->f.year);
    const char *name = pc_xlsx_person_name(w, c->subject);
    pc_xlsx_text(w, ws, row, 1, name, w->f.wrap);
    pc_xlsx_row_lines(w, ws, row, pc_xlsx_cell_lines(w, 1, name));
    pc_xlsx_text(w, ws, row, 2,
                 pc_xlsx_words(w, pc_xlsx_is_peo(p, c->subject) ? "PEO" : "Non-PEO NEO"),
                 w->f.text);
    pc_buf f = {0};
    for (int l = 0; l < PC_CAP_CAP; l++) {
        if (w->at.cap_col[l] == PC_XLSX_NONE)
            continue;
        pc_buf_clear(&f);
        if (pc_xlsx_cap_line_formula(w, c, (pc_cap_line)l, &f) && !f.failed)
            pc_xlsx_formula(w, ws, row, w->at.cap_col[l], pc_buf_text(&f), w->f.cap,
                            (double)c->line[l] / 100.0);
        else
            pc_xlsx_cents(w, ws, row, w->at.cap_col[l], c->line[l], w->f.cap);
    }
    if (f.failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    pc_buf_fini(&f);
    char formula[3 * PC_XLSX_REF_SIZE];
    sum_formula(formula, sizeof formula, row, first_col, last_col);
    pc_xlsx_formula(w, ws, row, w->at.cap_col[PC_CAP_CAP], formula, w->f.cap_sum,
                    (double)c->line[PC_CAP_CAP] / 100.0);
}

static void cap_average_row(pc_xlsx *w, int32_t row, const pc_cap_row *c, const int32_t *rows,
                            size_t n, int first_col, int last_col)
{
    lxw_worksheet *ws = w->cap_person;
    int decimals = w->ds->config.cap_decimals == 2 ? 2 : 0;
    pc_xlsx_number(w, ws, row, 0, c->year, w->f.year);
    pc_xlsx_text(w, ws, row, 1, pc_xlsx_words(w, "Average of non-PEO NEOs"), w->f.cap_label);
    /* The number of NEOs averaged; one NEO is their own figure, not "an
     * average of 1". */
    if (n == 1)
        pc_xlsx_text(w, ws, row, 2, pc_xlsx_words(w, "1 NEO"), w->f.cap_label);
    else
        pc_xlsx_textf(w, ws, row, 2, w->f.cap_label, pc_xlsx_words(w, "%zu NEOs"), n);
    char cells[4096], formula[4200];
    for (int l = 0; l < PC_CAP_CAP; l++) {
        int col = w->at.cap_col[l];
        if (col == PC_XLSX_NONE)
            continue;
        if (n > 0 && cells_list(cells, sizeof cells, rows, n, col)) {
            snprintf(formula, sizeof formula, "=ROUND(AVERAGE(%s),%d)", cells, decimals);
            pc_xlsx_formula(w, ws, row, col, formula, w->f.cap_total, (double)c->line[l] / 100.0);
        } else {
            pc_xlsx_cents(w, ws, row, col, c->line[l], w->f.cap_total);
        }
    }
    sum_formula(formula, sizeof formula, row, first_col, last_col);
    pc_xlsx_formula(w, ws, row, w->at.cap_col[PC_CAP_CAP], formula, w->f.cap_total,
                    (double)c->line[PC_CAP_CAP] / 100.0);
}

/* How the equity awards were re-measured for CAP (Item 402(v)(2)(iii)(C),
 * and the footnote disclosure of assumptions that differ materially from
 * those at grant). */
static int32_t fair_value_note(pc_xlsx *w, lxw_worksheet *ws, int32_t row, int number)
{
    const pc_report *r = w->report;
    size_t by_method[PC_METHOD_COUNT] = {0}, performance = 0, bs = 0;
    double lo[4] = {0}, hi[4] = {0}; /* volatility, rate, yield, term */
    for (size_t i = 0; i < r->valuations.count; i++) {
        const pc_valuation *v = &r->valuations.items[i];
        if (v->line < 0)
            continue;
        if ((unsigned)v->method < PC_METHOD_COUNT)
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
    size_t n = 0;
    for (int m = 0; m < PC_METHOD_COUNT; m++)
        n += by_method[m];
    if (n == 0)
        return pc_xlsx_note(
            w, ws, row,
            "No equity award was outstanding, vested or forfeited in the covered years: "
            "the reconciliation has no fair value lines.");
    pc_buf b = {0};
    pc_buf_printf(&b,
                  pc_xlsx_words(w,
                                "(%d) Equity awards were re-measured at each fiscal year end and "
                                "vesting date in accordance with FASB ASC Topic 718 (%zu values:"),
                  number, n);
    pc_xlsx_add_method_counts(w, &b, by_method);
    if (performance)
        pc_buf_puts(&b, pc_xlsx_words(w, " Performance-condition awards are at the probable "
                                         "outcome at each date."));
    row = pc_xlsx_note(w, ws, row, pc_buf_text(&b));
    if (bs) {
        pc_buf_clear(&b);
        /* Each assumption as a range, or one figure when every valuation
         * used the same. */
        static const char *const what[4] = {"volatility", "risk-free rate", "dividend yield",
                                            "expected term"};
        pc_buf_puts(&b, pc_xlsx_words(w, "Black-Scholes-Merton assumptions used:"));
        for (int k = 0; k < 4; k++) {
            double scale = k < 3 ? 100 : 1;
            const char *unit = k < 3 ? "%" : pc_xlsx_words(w, " years");
            char a[32], z[32];
            snprintf(a, sizeof a, "%.2f", lo[k] * scale);
            snprintf(z, sizeof z, "%.2f", hi[k] * scale);
            const char *sep = k ? pc_xlsx_words(w, ",") : "";
            if (strcmp(a, z) == 0)
                pc_buf_printf(&b, pc_xlsx_words(w, "%s %s %s%s"), sep, pc_xlsx_words(w, what[k]), a,
                              unit);
            else
                pc_buf_printf(&b, pc_xlsx_words(w, "%s %s %s%s to %s%s"), sep,
                              pc_xlsx_words(w, what[k]), a, unit, z, unit);
        }
        pc_buf_puts(&b, pc_xlsx_words(w, "."));
        row = pc_xlsx_note_more(w, ws, row, pc_buf_text(&b));
    }
    row =
        pc_xlsx_note_more(w, ws, row,
                          "Every valuation, with its date, inputs and the line it feeds, is on the "
                          "Award Valuations sheet.");
    if (b.failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    pc_buf_fini(&b);
    return row;
}

/* The title block and the column titles of CAP by Person: the executive,
 * then one column per reconciliation line the company shows. */
static void cap_person_header(pc_xlsx *w)
{
    lxw_worksheet *ws = w->cap_person;
    const pc_config *config = &w->ds->config;
    const char *titles[3 + PC_CAP_NLINES];
    double widths[3 + PC_CAP_NLINES];
    pc_buf line_titles = {0};
    size_t title_at[PC_CAP_NLINES] = {0};
    size_t ncols = 0;
    titles[ncols] = "Fiscal Year";
    widths[ncols++] = 8;
    titles[ncols] = "Executive";
    widths[ncols++] = pc_xlsx_name_width(w, 24, 50);
    titles[ncols] = "Role";
    widths[ncols++] = 13;
    for (int l = 0; l < PC_CAP_NLINES; l++) {
        w->at.cap_col[l] = PC_XLSX_NONE;
        if (!show_line(w, (pc_cap_line)l))
            continue;
        title_at[l] = line_titles.len;
        pc_buf_printf(&line_titles, "%s ($)",
                      pc_xlsx_words(w, pc_xlsx_cap_line_words((pc_cap_line)l)));
        pc_buf_append(&line_titles, "", 1); /* the NUL ends this title */
        w->at.cap_col[l] = (int)ncols;
        widths[ncols++] = 16;
    }
    /* Pointed at once the buffer no longer moves. */
    for (int l = 0; l < PC_CAP_NLINES; l++)
        if (w->at.cap_col[l] != PC_XLSX_NONE)
            titles[w->at.cap_col[l]] = pc_buf_text(&line_titles) + title_at[l];
    if (line_titles.failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");

    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, "Compensation Actually Paid by Executive", first, last);
    pc_xlsx_headers(w, ws, PC_XLSX_HEADER_ROW, titles, widths, ncols);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 2);
    pc_buf_fini(&line_titles);
}

/* The footnotes under CAP by Person. */
static void cap_person_notes(pc_xlsx *w, int32_t row)
{
    lxw_worksheet *ws = w->cap_person;
    int decimals = w->ds->config.cap_decimals == 2 ? 2 : 0;
    int number = 1;
    row = pc_xlsx_notef(
        w, ws, row,
        "(%d) Each line is rounded to the %s; Compensation Actually Paid is the sum of the "
        "rounded lines (a formula over the row).",
        number++, pc_xlsx_words(w, decimals ? "cent" : "whole dollar"));
    row = pc_xlsx_notef(
        w, ws, row,
        "(%d) Each line of an average row is the mean of that line over the year's non-PEO "
        "NEOs listed above it, rounded to the %s (a formula); the average Compensation "
        "Actually Paid is the sum of the averaged lines.",
        number++, pc_xlsx_words(w, decimals ? "cent" : "whole dollar"));
    if (w->at.cap_col[PC_CAP_LESS_PENSION] == PC_XLSX_NONE)
        row = pc_xlsx_notef(
            w, ws, row,
            "(%d) As a smaller reporting company, the company makes no pension adjustments; "
            "those lines are not shown.",
            number++);
    fair_value_note(w, ws, row, number);
}

/* The rows of one year: the PEOs and NEOs (the engine's order), then the
 * average over the NEOs among them. */
static int32_t cap_person_year(pc_xlsx *w, int32_t row, int year, subject_row *people,
                               int32_t *avg_rows)
{
    const pc_report *r = w->report;
    int first_col = w->at.cap_col[PC_CAP_SCT_TOTAL];
    int last_col = w->at.cap_col[PC_CAP_CAP] - 1;
    const pc_pvp_row *p = pc_xlsx_pvp_for_year(r, year);
    size_t n = 0;
    for (size_t i = 0; i < r->cap.count; i++) {
        const pc_cap_row *c = &r->cap.items[i];
        if (c->year != year || c->subject == PC_SUBJECT_AVERAGE)
            continue;
        cap_person_row(w, row, c, p, first_col, last_col);
        people[n++] = (subject_row){c->subject, row};
        w->at.cap_row[i] = row++;
    }
    qsort(people, n, sizeof *people, subject_cmp);
    for (size_t i = 0; i < r->cap.count; i++) {
        const pc_cap_row *c = &r->cap.items[i];
        if (c->year != year || c->subject != PC_SUBJECT_AVERAGE)
            continue;
        size_t navg = neo_rows(p, people, n, avg_rows);
        cap_average_row(w, row, c, avg_rows, navg, first_col, last_col);
        w->at.cap_row[i] = row++;
    }
    return row;
}

void pc_xlsx_write_cap_person(pc_xlsx *w)
{
    const pc_report *r = w->report;
    cap_person_header(w);

    /* Distinct years (a handful), most recent first. */
    int *years = malloc((r->cap.count + 1) * sizeof *years);
    subject_row *people = malloc((r->cap.count + 1) * sizeof *people);
    int32_t *avg_rows = malloc((r->cap.count + 1) * sizeof *avg_rows);
    if (!years || !people || !avg_rows) {
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
        goto done;
    }
    size_t nyears = 0;
    for (size_t i = 0; i < r->cap.count; i++) {
        w->at.cap_row[i] = PC_XLSX_NONE;
        bool seen = false;
        for (size_t k = 0; k < nyears && !seen; k++)
            seen = years[k] == r->cap.items[i].year;
        if (!seen)
            years[nyears++] = r->cap.items[i].year;
    }
    qsort(years, nyears, sizeof *years, pc_xlsx_year_cmp_desc);

    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    for (size_t y = 0; y < nyears && pc_xlsx_ok(w); y++)
        row = cap_person_year(w, row, years[y], people, avg_rows) + 1; /* a blank row between */
    if (nyears == 0)
        row =
            pc_xlsx_note(w, w->cap_person, row, "No compensation actually paid was computed.") + 1;
    cap_person_notes(w, row);
done:
    free(years);
    free(people);
    free(avg_rows);
}
