/*
 * The CAP Reconciliation disclosure sheet of report.xlsx (SPEC section 9):
 * the footnote table of Item 402(v)(3) as a proxy prints it, for the PEO(s)
 * and the non-PEO NEO average only, the adjustments as rows and the covered
 * years as columns, most recent first. Every figure refers to its cell on
 * CAP by Person (calc/write/xlsx/cap.c writes that sheet first and records
 * where each row went in w->at), and each CAP is the SUM of the adjustments
 * above it, so the table foots and moves with the workpapers.
 */
#include "sheets.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The people who were PEO in a covered year, most recent year first, each
 * once. Returns how many (at most `max`). */
static size_t peo_people(const pc_report *r, const int *years, size_t nyears, size_t *out,
                         size_t max)
{
    size_t n = 0;
    for (size_t y = 0; y < nyears; y++) {
        const pc_pvp_row *p = pc_xlsx_pvp_for_year(r, years[y]);
        for (size_t k = 0; p && k < p->npeo && k < PC_MAX_PEOS; k++) {
            bool seen = false;
            for (size_t i = 0; i < n && !seen; i++)
                seen = out[i] == p->peo[k].person;
            if (!seen && n < max)
                out[n++] = p->peo[k].person;
        }
    }
    return n;
}

/* Whether `subject` has a reconciliation in `year` that belongs in its
 * block (a PEO block shows the years the person was PEO). */
static long block_index(const pc_report *r, int year, size_t subject)
{
    if (subject != PC_SUBJECT_AVERAGE && !pc_xlsx_is_peo(pc_xlsx_pvp_for_year(r, year), subject))
        return PC_XLSX_NONE;
    return pc_xlsx_cap_index(r, year, subject);
}

/* One block: a label row (with its footnote marker when `marker` > 0), a
 * row per adjustment, the CAP row. Returns the next free row. */
static int32_t write_block(pc_xlsx *w, int32_t row, const char *label, int marker, size_t subject,
                           const int *years, size_t nyears)
{
    lxw_worksheet *ws = w->cap;
    const pc_report *r = w->report;
    pc_buf marked = {0};
    pc_buf_puts(&marked, pc_xlsx_words(w, label));
    if (marker > 0)
        pc_buf_printf(&marked, "(%d)", marker);
    if (marked.failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    label = pc_buf_text(&marked);
    pc_xlsx_text(w, ws, row, 0, label, w->f.bold);
    pc_xlsx_row_lines(w, ws, row, pc_xlsx_cell_lines(w, 0, label));
    row++;
    int32_t first = row;
    for (int l = 0; l < PC_CAP_NLINES; l++) {
        if (w->at.cap_col[l] == PC_XLSX_NONE)
            continue;
        bool cap = l == PC_CAP_CAP;
        const char *words = pc_xlsx_words(w, pc_xlsx_cap_line_words((pc_cap_line)l));
        pc_xlsx_text(w, ws, row, 0, words, cap ? w->f.cap_label : w->f.wrap);
        pc_xlsx_row_lines(w, ws, row, pc_xlsx_cell_lines(w, 0, words));
        for (size_t y = 0; y < nyears; y++) {
            int col = 1 + (int)y;
            long i = block_index(r, years[y], subject);
            lxw_format *fmt = cap ? w->f.nil_cap_sum : w->f.nil_cap;
            if (i < 0 || w->at.cap_row[i] == PC_XLSX_NONE) {
                pc_xlsx_blank(w, ws, row, col, fmt);
                continue;
            }
            const pc_cap_row *c = &r->cap.items[i];
            char a[PC_XLSX_REF_SIZE], b[PC_XLSX_REF_SIZE], formula[3 * PC_XLSX_REF_SIZE];
            if (cap) {
                pc_xlsx_ref(a, sizeof a, NULL, first, col);
                pc_xlsx_ref(b, sizeof b, NULL, row - 1, col);
                snprintf(formula, sizeof formula, "=SUM(%s:%s)", a, b);
            } else {
                pc_xlsx_ref(a, sizeof a, PC_XLSX_SHEET_CAP_PERSON, w->at.cap_row[i],
                            w->at.cap_col[l]);
                snprintf(formula, sizeof formula, "=%s", a);
            }
            /* Each figure links to its line on CAP by Person. */
            pc_xlsx_formula_link(w, ws, row, col, formula, fmt, (double)c->line[l] / 100.0,
                                 PC_XLSX_SHEET_CAP_PERSON, w->at.cap_row[i], w->at.cap_col[l]);
        }
        row++;
    }
    pc_buf_fini(&marked);
    return row + 1;
}

void pc_xlsx_write_cap(pc_xlsx *w)
{
    lxw_worksheet *ws = w->cap;
    const pc_report *r = w->report;
    const pc_config *config = &w->ds->config;
    int first = config->nyears ? config->years[0] : 0;
    int last = config->nyears ? config->years[config->nyears - 1] : 0;
    pc_xlsx_heading(w, ws, "Compensation Actually Paid: Reconciliation", first, last);

    /* The covered years, most recent first, one column each. */
    int years[PC_MAX_YEARS];
    size_t nyears = 0;
    for (size_t i = 0; i < r->pvp.count && nyears < PC_MAX_YEARS; i++)
        years[nyears++] = r->pvp.items[i].year;
    qsort(years, nyears, sizeof *years, pc_xlsx_year_cmp_desc);
    const char *titles[1 + PC_MAX_YEARS];
    char year_titles[PC_MAX_YEARS][16];
    double widths[1 + PC_MAX_YEARS];
    /* Footnote (1), how CAP is computed, is marked on the adjustments'
     * title; (2), what the average is, on the average's block, and only
     * when there is one. */
    int markers[1 + PC_MAX_YEARS] = {1};
    titles[0] = "Adjustment";
    widths[0] = 82; /* the longest adjustment on one line */
    for (size_t y = 0; y < nyears; y++) {
        snprintf(year_titles[y], sizeof year_titles[y], "%d ($)", years[y]);
        titles[1 + y] = year_titles[y];
        widths[1 + y] = 15;
    }
    bool average = false;
    for (size_t i = 0; i < r->pvp.count; i++)
        average = average || r->pvp.items[i].has_average;
    pc_xlsx_headers_marked(w, ws, PC_XLSX_HEADER_ROW, titles, markers, widths, 1 + nyears);
    pc_xlsx_page_setup(w, ws, 1, true);
    worksheet_freeze_panes(ws, PC_XLSX_FIRST_DATA_ROW, 1);

    int32_t row = PC_XLSX_FIRST_DATA_ROW;
    size_t peos[PC_MAX_PEOS * PC_MAX_YEARS];
    size_t npeos = peo_people(r, years, nyears, peos, sizeof peos / sizeof peos[0]);
    pc_buf label = {0};
    /* Two blocks fill a landscape page: a page break before every third
     * block keeps each block on one page (a CEO change gives three). */
    lxw_row_t breaks[PC_MAX_PEOS * PC_MAX_YEARS / 2 + 2];
    size_t nbreaks = 0, blocks = 0;
    for (size_t k = 0; k < npeos && pc_xlsx_ok(w); k++) {
        if (blocks > 0 && blocks % 2 == 0 && nbreaks + 1 < sizeof breaks / sizeof breaks[0])
            breaks[nbreaks++] = (lxw_row_t)row;
        pc_buf_clear(&label);
        pc_buf_printf(&label, pc_xlsx_words(w, "PEO: %s"), pc_xlsx_person_name(w, peos[k]));
        row = write_block(w, row, pc_buf_text(&label), 0, peos[k], years, nyears);
        blocks++;
    }
    if (average) {
        if (blocks > 0 && blocks % 2 == 0 && nbreaks + 1 < sizeof breaks / sizeof breaks[0])
            breaks[nbreaks++] = (lxw_row_t)row;
        row = write_block(w, row, "Average for Non-PEO NEOs", 2, PC_SUBJECT_AVERAGE, years, nyears);
    }
    breaks[nbreaks] = 0;
    if (nbreaks > 0)
        pc_xlsx_check(w, worksheet_set_h_pagebreaks(ws, breaks));
    if (label.failed)
        pc_xlsx_fail(w, PC_ERR_NOMEM, "out of memory");
    pc_buf_fini(&label);
    if (npeos == 0 && !average)
        row = pc_xlsx_note(w, ws, row, "No compensation actually paid was computed.");

    int decimals = config->cap_decimals == 2 ? 2 : 0;
    row = pc_xlsx_notef(
        w, ws, row,
        "(1) Compensation actually paid is computed as Item 402(v) of Regulation S-K requires: "
        "the Summary Compensation Table total, less the grant-date fair value of the stock and "
        "option awards it reports, plus the fair value of equity awards as re-measured at each "
        "fiscal year end and vesting date in accordance with FASB ASC Topic 718. Each adjustment "
        "is rounded to the %s.",
        pc_xlsx_words(w, decimals ? "cent" : "whole dollar"));
    if (average)
        pc_xlsx_note(w, ws, row,
                     "(2) Each adjustment of the average is the mean of that adjustment over the "
                     "year's non-PEO named executive officers.");
}
